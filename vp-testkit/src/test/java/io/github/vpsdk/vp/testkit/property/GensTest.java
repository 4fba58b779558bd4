package io.github.vpsdk.vp.testkit.property;

import static io.github.vpsdk.vp.testkit.property.Gens.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Combinator behaviour, checked over many samples of fixed seeds. */
class GensTest {
  private static final int N = 5_000;

  private final PropertyRandom random = PropertyRandom.of(20261123);

  @Test
  void sameSeedSameValuesForEveryGenerator() {
    List<Gen<?>> gens =
        List.of(
            Gens.ints(-5, 5),
            Gens.longs(0, 1L << 40),
            Gens.bytes(0, 32).map(java.util.Arrays::toString),
            Gens.strings(Alphabet.UNICODE, 0, 10),
            Gens.instants(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")),
            Gens.durations(Duration.ZERO, Duration.ofHours(1)),
            Gens.asciiStrings(0, 5).list(0, 4),
            Gens.frequency(weighted(1, Gens.constant("a")), weighted(3, Gens.booleans())),
            CoreGens.alarmEvents(),
            CoreGens.sites(),
            CoreGens.incidents(),
            CoreGens.journalRecords());
    for (Gen<?> gen : gens) {
      assertThat(gen.samples(PropertyRandom.of(5), 50)).isEqualTo(gen.samples(PropertyRandom.of(5), 50));
    }
  }

  @Test
  void intsAndLongsStayInRangeAndHitTheEdges() {
    Set<Integer> ints = new HashSet<>(Gens.ints(-2, 40).samples(random, N));
    assertThat(ints).allMatch(i -> i >= -2 && i <= 40).contains(-2, 0, 40).hasSize(43);
    List<Long> longs = Gens.longs(Long.MIN_VALUE, Long.MAX_VALUE).samples(random, N);
    assertThat(longs).contains(Long.MIN_VALUE, Long.MAX_VALUE, 0L);
    assertThat(Gens.longs(10, 20).samples(random, N)).allMatch(l -> l >= 10 && l <= 20).doesNotContain(0L);
    // edges are biased but not dominant
    long edges = Gens.ints(0, 1_000_000).samples(random, N).stream().filter(i -> i == 0 || i == 1_000_000).count();
    assertThat(edges).isBetween(N / 16L, N / 4L);
    assertThatThrownBy(() -> Gens.ints(3, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mapFlatMapAndConstant() {
    assertThat(Gens.ints(1, 3).map(i -> i * 10).samples(random, 100)).allMatch(i -> i == 10 || i == 20 || i == 30);
    // a dependent pair: an index always within the list drawn just before
    Gen<int[]> pairs = Gens.ints(1, 9).flatMap(size -> Gens.ints(0, size - 1).map(i -> new int[] {size, i}));
    assertThat(pairs.samples(random, N)).allMatch(p -> p[1] >= 0 && p[1] < p[0]);
    assertThat(Gens.constant("x").samples(random, 3)).containsExactly("x", "x", "x");
  }

  @Test
  void filterKeepsOnlyMatchingValuesAndGivesUpAfterBoundedRetries() {
    assertThat(Gens.ints(0, 100).filter(i -> i % 2 == 0).samples(random, N)).allMatch(i -> i % 2 == 0);
    Gen<Integer> impossible = Gens.ints(0, 100).filter(i -> i > 100, 50);
    assertThatThrownBy(() -> impossible.sample(random))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rejected 50 values in a row");
    assertThatThrownBy(() -> Gens.ints(0, 1).filter(i -> true, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void orNullGivesNullsAtTheRequestedRate() {
    List<Integer> values = Gens.ints(0, 9).orNull(0.25).samples(random, N);
    long nulls = values.stream().filter(v -> v == null).count();
    assertThat(nulls).isBetween((long) (N * 0.22), (long) (N * 0.28));
    assertThat(Gens.ints(0, 9).orNull(0).samples(random, 100)).doesNotContainNull();
    assertThat(Gens.ints(0, 9).orNull(1).samples(random, 100)).containsOnlyNulls();
    assertThatThrownBy(() -> Gens.ints(0, 1).orNull(1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsHaveBoundedSizesIncludingBothEnds() {
    List<List<Integer>> lists = Gens.lists(Gens.ints(0, 3), 2, 7).samples(random, N);
    Set<Integer> sizes = new HashSet<>();
    for (List<Integer> l : lists) {
      sizes.add(l.size());
      assertThat(l).allMatch(i -> i >= 0 && i <= 3);
    }
    assertThat(sizes).containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7);
    assertThatThrownBy(() -> lists.get(0).add(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Gens.ints(0, 1).orNull(0.5).list(0, 0).samples(random, 10)).allMatch(List::isEmpty);
    assertThatThrownBy(() -> Gens.ints(0, 1).list(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneOfAndFrequencyChooseInProportion() {
    Map<String, Integer> counts = new HashMap<>();
    Gens.oneOf(Gens.constant("a"), Gens.constant("b"), Gens.constant("c"))
        .samples(random, 3000)
        .forEach(s -> counts.merge(s, 1, Integer::sum));
    assertThat(counts).containsOnlyKeys("a", "b", "c");
    assertThat(counts.values()).allMatch(c -> c > 850 && c < 1150);

    long rare =
        Gens.frequency(weighted(9, Gens.constant("valid")), weighted(1, Gens.constant("broken")))
            .samples(random, N)
            .stream()
            .filter("broken"::equals)
            .count();
    assertThat(rare).isBetween(N / 10L - 100, N / 10L + 100);
    assertThatThrownBy(() -> Gens.weighted(0, Gens.constant(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gens.oneOf(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void booleansElementsAndEnums() {
    assertThat(new HashSet<>(Gens.booleans().samples(random, 100))).containsExactlyInAnyOrder(true, false);
    assertThat(new HashSet<>(Gens.elements("x", "y").samples(random, 100))).containsExactlyInAnyOrder("x", "y");
    assertThat(new HashSet<>(Gens.elements(List.of(1, 2, 3)).samples(random, 200))).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(new HashSet<>(Gens.enums(TimeUnit.class).samples(random, 500))).hasSize(TimeUnit.values().length);
    assertThatThrownBy(() -> Gens.elements(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(Gens.doubles(-1, 1).samples(random, N)).allMatch(d -> d >= -1 && d < 1);
  }

  @Test
  void byteArraysHaveBoundedLengths() {
    Set<Integer> lengths = new HashSet<>();
    for (byte[] b : Gens.bytes(0, 9).samples(random, N)) {
      lengths.add(b.length);
    }
    assertThat(lengths).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    Set<Byte> values = new HashSet<>();
    Gens.bytes(64, 64).samples(random, 100).forEach(b -> {
      for (byte x : b) {
        values.add(x);
      }
    });
    assertThat(values).hasSize(256);
  }

  @Test
  void stringsUseOnlyTheirAlphabet() {
    checkAlphabet(Alphabet.ASCII_PRINTABLE, c -> c >= 0x20 && c <= 0x7e, 95);
    checkAlphabet(Alphabet.DIGITS, c -> c >= '0' && c <= '9', 10);
    checkAlphabet(Alphabet.HEX, c -> "0123456789ABCDEF".indexOf(c) >= 0, 16);
    checkAlphabet(Alphabet.ISO_8859_1, c -> c <= 0xff, 256);
    checkAlphabet(Alphabet.of("|\"\n"), c -> c == '|' || c == '"' || c == '\n', 3);
    assertThat(Alphabet.UNICODE.size()).isEqualTo(0x110000 - 0x800);
    assertThat(Alphabet.UTF16.size()).isEqualTo(0x10000);
    assertThat(Alphabet.UNICODE.contains(0xD800)).isFalse();
    assertThat(Alphabet.UTF16.contains(0xD800)).isTrue();

    // lengths count code points; UNICODE strings are well-formed and hold supplementary characters
    boolean supplementary = false;
    for (String s : Gens.strings(Alphabet.UNICODE, 0, 8).samples(random, 1000)) {
      assertThat(s.codePointCount(0, s.length())).isBetween(0, 8);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
          assertThat(Character.isLowSurrogate(s.charAt(i + 1))).isTrue();
          supplementary = true;
          i++;
        } else {
          assertThat(Character.isLowSurrogate(c)).isFalse();
        }
      }
    }
    assertThat(supplementary).isTrue();
    // UTF16 strings have exactly their length in chars and include lone surrogates
    boolean surrogate = false;
    for (String s : Gens.strings(Alphabet.UTF16, 0, 8).samples(random, 2000)) {
      assertThat(s.length()).isBetween(0, 8);
      surrogate |= s.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }
    assertThat(surrogate).isTrue();
  }

  private void checkAlphabet(Alphabet alphabet, java.util.function.IntPredicate allowed, int distinct) {
    Set<Integer> seen = new HashSet<>();
    for (String s : Gens.strings(alphabet, 1, 20).samples(random, 2000)) {
      assertThat(s.length()).isBetween(1, 20);
      s.codePoints().forEach(c -> {
        assertThat(allowed.test(c)).as("U+%04X in %s", c, alphabet).isTrue();
        seen.add(c);
      });
    }
    assertThat(seen).hasSize(distinct);
  }

  @Test
  void instantsAndDurationsStayInRange() {
    Instant from = Instant.parse("2026-11-23T05:00:00.123456789Z");
    Instant to = Instant.parse("2026-11-23T05:00:03.5Z");
    List<Instant> instants = Gens.instants(from, to).samples(random, N);
    assertThat(instants).allMatch(i -> !i.isBefore(from) && !i.isAfter(to));
    assertThat(instants).anyMatch(i -> i.getNano() % 1_000_000 != 0); // nanosecond precision
    assertThat(instants).contains(from); // edge bias on the second, then the nanos
    List<Instant> millis = Gens.instantsMillis(from, to).samples(random, N);
    assertThat(millis).allMatch(i -> i.getNano() % 1_000_000 == 0 && !i.isBefore(from) && !i.isAfter(to));
    assertThat(millis).contains(Instant.parse("2026-11-23T05:00:00.124Z"), to);

    List<Duration> durations = Gens.durations(Duration.ofMillis(-1500), Duration.ofSeconds(2)).samples(random, N);
    assertThat(durations).allMatch(d -> d.compareTo(Duration.ofMillis(-1500)) >= 0 && d.compareTo(Duration.ofSeconds(2)) <= 0);
    assertThat(durations).anyMatch(Duration::isNegative).contains(Duration.ofSeconds(2));
    assertThatThrownBy(() -> Gens.instants(to, from)).isInstanceOf(IllegalArgumentException.class);
  }
}
