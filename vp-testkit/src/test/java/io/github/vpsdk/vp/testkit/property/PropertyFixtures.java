package io.github.vpsdk.vp.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Property classes run by {@link PropertyExtensionTest} through a nested JUnit engine. Their name
 * does not end in Test, so Surefire never runs them directly; some fail on purpose.
 */
final class PropertyFixtures {
  /** Seeds and values seen by the fixtures, in order; cleared by each test. */
  static final List<Long> SEEDS = new ArrayList<>();

  static final List<Integer> VALUES = new ArrayList<>();

  private PropertyFixtures() {}

  static void reset() {
    SEEDS.clear();
    VALUES.clear();
  }

  static class Passing {
    @Property(tries = 17)
    void alwaysHolds(PropertyRandom random) {
      SEEDS.add(random.seed());
      int value = Gens.ints(0, 9).sample(random);
      VALUES.add(value);
      assertThat(value).isBetween(0, 9);
    }
  }

  static class Failing {
    @Property(tries = 200)
    void smallDigits(PropertyRandom random) {
      SEEDS.add(random.seed());
      int value = random.nextInt(0, 99);
      VALUES.add(value);
      assertThat(value).isLessThan(90);
    }
  }

  static class FailingWithException {
    @Property(tries = 50)
    void throwsOnSome(PropertyRandom random) {
      SEEDS.add(random.seed());
      if (random.nextInt(4) == 0) {
        throw new IllegalStateException("boom");
      }
    }
  }

  static class Pinned {
    @Property(tries = 3)
    @Seed(42)
    void pinned(PropertyRandom random) {
      SEEDS.add(random.seed());
    }
  }

  @Seed(-7)
  static class PinnedClass {
    @Property(tries = 2)
    void pinnedByClass(PropertyRandom random) {
      SEEDS.add(random.seed());
    }
  }

  static class Assuming {
    @Property(tries = 40)
    void someAborted(PropertyRandom random) {
      SEEDS.add(random.seed());
      Assumptions.assumeTrue(random.nextBoolean());
    }
  }

  static class DefaultTries {
    @Property
    void hundred(PropertyRandom random) {
      SEEDS.add(random.seed());
    }
  }

  /** A team's own annotation that carries @Property. */
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
  @Property(tries = 4)
  @interface QuickProperty {}

  static class MetaAnnotated {
    @QuickProperty
    void quick(PropertyRandom random) {
      SEEDS.add(random.seed());
    }
  }

  static final List<java.nio.file.Path> DIRS = new ArrayList<>();

  static class Lifecycle {
    private int before;
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
      before++;
    }

    @Property(tries = 5)
    void freshStatePerTry(PropertyRandom random) throws java.io.IOException {
      assertThat(before).isEqualTo(1); // a new instance, set up once, per try
      assertThat(dir).isEmptyDirectory();
      java.nio.file.Files.writeString(dir.resolve("journal"), String.valueOf(random.seed()));
      DIRS.add(dir);
    }
  }
}
