package io.github.vpsdk.vp.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the {@link PropertyFixtures} through a nested JUnit engine and checks what the harness
 * promises: tries, seeds in display names, stable and overridable seeds, and failures that say how
 * to replay them. Every run sets {@code vp.seed} and {@code vp.tries} explicitly (blank means
 * unset), so a {@code -Dvp.seed} given to the outer build does not change these results.
 */
class PropertyExtensionTest {
  private static final Pattern REPLAY =
      Pattern.compile("replay with -Dvp\\.seed=(-?\\d+) -Dvp\\.tries=1");

  @BeforeEach
  void reset() {
    PropertyFixtures.reset();
  }

  private static EngineExecutionResults run(Class<?> fixture, String seed, String tries) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameters(Map.of("vp.seed", seed, "vp.tries", tries))
        .execute();
  }

  private static List<String> displayNames(EngineExecutionResults results) {
    return results.testEvents().started().stream()
        .map(e -> e.getTestDescriptor().getDisplayName())
        .collect(Collectors.toList());
  }

  private static Throwable failure(EngineExecutionResults results) {
    List<Event> failed = results.testEvents().failed().list();
    assertThat(failed).hasSize(1);
    return failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  @Test
  void runsTheGivenNumberOfTriesWithTheSeedInEachDisplayName() {
    EngineExecutionResults results = run(PropertyFixtures.Passing.class, "", "");

    results.testEvents().assertStatistics(s -> s.started(17).succeeded(17).failed(0));
    assertThat(PropertyFixtures.SEEDS).hasSize(17).doesNotHaveDuplicates();
    List<String> names = displayNames(results);
    for (int i = 0; i < 17; i++) {
      assertThat(names.get(i))
          .isEqualTo("try " + (i + 1) + " of 17 [seed " + PropertyFixtures.SEEDS.get(i) + "]");
    }
  }

  @Test
  void defaultsToAHundredTries() {
    run(PropertyFixtures.DefaultTries.class, "", "")
        .testEvents()
        .assertStatistics(s -> s.succeeded(Property.DEFAULT_TRIES));
  }

  @Test
  void eachTryIsSetUpOnItsOwnWithItsOwnTempDir() {
    PropertyFixtures.DIRS.clear();
    run(PropertyFixtures.Lifecycle.class, "", "").testEvents().assertStatistics(s -> s.succeeded(5));
    assertThat(PropertyFixtures.DIRS).hasSize(5).doesNotHaveDuplicates();
    assertThat(PropertyFixtures.DIRS).allMatch(d -> !java.nio.file.Files.exists(d));
  }

  @Test
  void worksAsAMetaAnnotation() {
    run(PropertyFixtures.MetaAnnotated.class, "", "").testEvents().assertStatistics(s -> s.succeeded(4));
    assertThat(PropertyFixtures.SEEDS).hasSize(4);
  }

  @Test
  void baseSeedIsStableAndDerivedFromClassAndMethod() {
    run(PropertyFixtures.Passing.class, "", "");
    List<Long> first = new ArrayList<>(PropertyFixtures.SEEDS);
    List<Integer> firstValues = new ArrayList<>(PropertyFixtures.VALUES);
    PropertyFixtures.reset();
    run(PropertyFixtures.Passing.class, "", "");

    assertThat(PropertyFixtures.SEEDS).isEqualTo(first);
    assertThat(PropertyFixtures.VALUES).isEqualTo(firstValues);
    String name = PropertyFixtures.Passing.class.getName() + "#alwaysHolds";
    assertThat(first.get(0)).isEqualTo(
        io.github.vpsdk.vp.testkit.internal.property.PropertyExtensionAccess.stableSeed(name));
    for (int i = 0; i < first.size(); i++) {
      assertThat(first.get(i)).isEqualTo(PropertyRandom.trySeed(first.get(0), i));
    }
  }

  @Test
  void seedPropertyOverridesTheBaseSeedAndTriesPropertyTheCount() {
    run(PropertyFixtures.Passing.class, "123456789", "5")
        .testEvents()
        .assertStatistics(s -> s.succeeded(5));

    assertThat(PropertyFixtures.SEEDS)
        .containsExactly(
            123456789L,
            PropertyRandom.trySeed(123456789L, 1),
            PropertyRandom.trySeed(123456789L, 2),
            PropertyRandom.trySeed(123456789L, 3),
            PropertyRandom.trySeed(123456789L, 4));
  }

  @Test
  void randomSeedExploresDifferentValuesEachRun() {
    run(PropertyFixtures.Passing.class, "random", "3");
    long first = PropertyFixtures.SEEDS.get(0);
    PropertyFixtures.reset();
    run(PropertyFixtures.Passing.class, "random", "3");

    assertThat(PropertyFixtures.SEEDS.get(0)).isNotEqualTo(first);
  }

  @Test
  void failureNamesTheSeedAndTheFlagsThatReplayIt() {
    EngineExecutionResults results = run(PropertyFixtures.Failing.class, "", "");

    // tries stop at the first failure
    int tries = PropertyFixtures.SEEDS.size();
    assertThat(tries).isLessThan(200);
    results.testEvents().assertStatistics(s -> s.started(tries).succeeded(tries - 1).failed(1));
    long failingSeed = PropertyFixtures.SEEDS.get(tries - 1);
    int failingValue = PropertyFixtures.VALUES.get(tries - 1);
    assertThat(failingValue).isGreaterThanOrEqualTo(90);

    Throwable error = failure(results);
    assertThat(error).isInstanceOf(AssertionFailedError.class);
    assertThat(error.getMessage())
        .startsWith("property failed on try " + tries + " of 200 with seed " + failingSeed)
        .contains("replay with -Dvp.seed=" + failingSeed + " -Dvp.tries=1")
        .contains("(with Maven: -Dtest=PropertyFixtures$Failing#smallDigits)\nExpecting")
        .contains("to be less than")
        .contains(String.valueOf(failingValue));
    // the assertion's expected/actual survive for IDE diffs, the original is the cause
    assertThat(error.getCause()).isInstanceOf(AssertionError.class);

    // replaying with the printed flags runs that try alone, with the same value
    Matcher m = REPLAY.matcher(error.getMessage());
    assertThat(m.find()).isTrue();
    PropertyFixtures.reset();
    EngineExecutionResults replay = run(PropertyFixtures.Failing.class, m.group(1), "1");

    replay.testEvents().assertStatistics(s -> s.started(1).failed(1));
    assertThat(PropertyFixtures.SEEDS).containsExactly(failingSeed);
    assertThat(PropertyFixtures.VALUES).containsExactly(failingValue);
    assertThat(failure(replay).getMessage())
        .startsWith("property failed on try 1 of 1 with seed " + failingSeed);
  }

  @Test
  void exceptionsOtherThanAssertionsAreWrappedWithTheSeedToo() {
    EngineExecutionResults results = run(PropertyFixtures.FailingWithException.class, "", "");

    Throwable error = failure(results);
    long seed = PropertyFixtures.SEEDS.get(PropertyFixtures.SEEDS.size() - 1);
    assertThat(error.getMessage()).contains("-Dvp.seed=" + seed + " -Dvp.tries=1").endsWith("boom");
    assertThat(error.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("boom");
  }

  @Test
  void seedAnnotationPinsTheBaseSeedAndTheSystemPropertyStillWins() {
    run(PropertyFixtures.Pinned.class, "", "");
    assertThat(PropertyFixtures.SEEDS)
        .containsExactly(42L, PropertyRandom.trySeed(42, 1), PropertyRandom.trySeed(42, 2));

    PropertyFixtures.reset();
    run(PropertyFixtures.PinnedClass.class, "", "");
    assertThat(PropertyFixtures.SEEDS).containsExactly(-7L, PropertyRandom.trySeed(-7, 1));

    PropertyFixtures.reset();
    run(PropertyFixtures.Pinned.class, "99", "1");
    assertThat(PropertyFixtures.SEEDS).containsExactly(99L);
  }

  @Test
  void anAssumptionAbortsOnlyItsTry() {
    EngineExecutionResults results = run(PropertyFixtures.Assuming.class, "", "");

    results.testEvents().assertStatistics(s -> s.started(40).failed(0));
    long aborted = results.testEvents().aborted().count();
    assertThat(aborted).isBetween(5L, 35L);
    results.testEvents().assertStatistics(s -> s.succeeded(40 - aborted));
  }

  @Test
  void badOverridesAreReportedNotIgnored() {
    EngineExecutionResults badSeed = run(PropertyFixtures.Passing.class, "twelve", "");
    assertThat(PropertyFixtures.SEEDS).isEmpty();
    assertThat(badSeed.containerEvents().failed().list()).hasSize(1);
    assertThat(badSeed.containerEvents().failed().list().get(0)
            .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
        .hasMessageContaining("vp.seed must be a number or 'random', found 'twelve'");

    EngineExecutionResults zeroTries = run(PropertyFixtures.Passing.class, "", "0");
    assertThat(PropertyFixtures.SEEDS).isEmpty();
    assertThat(zeroTries.containerEvents().failed().list()).hasSize(1);
  }
}
