package io.github.vpsdk.vp.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PropertyRandomTest {

  @Test
  void sameSeedSameSequence() {
    PropertyRandom a = PropertyRandom.of(2026);
    PropertyRandom b = PropertyRandom.of(2026);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    assertThat(PropertyRandom.of(1).nextLong()).isNotEqualTo(PropertyRandom.of(2).nextLong());
  }

  @Test
  void sequenceIsFixedAcrossJdks() {
    // SplitMix64 with seed 0: the first outputs of the reference implementation (Vigna, 2015)
    PropertyRandom r = PropertyRandom.of(0);
    assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
    assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
  }

  @Test
  void inclusiveRangesReachBothEndsAndNoFurther() {
    PropertyRandom r = PropertyRandom.of(7);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      int v = r.nextInt(-3, 3);
      assertThat(v).isBetween(-3, 3);
      seen.add(v);
    }
    assertThat(seen).hasSize(7);
    for (int i = 0; i < 1000; i++) {
      assertThat(r.nextInt(5)).isBetween(0, 4);
      assertThat(r.nextLong(Long.MAX_VALUE - 1, Long.MAX_VALUE)).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
      assertThat(r.nextLong(Long.MIN_VALUE, Long.MIN_VALUE + 2)).isLessThanOrEqualTo(Long.MIN_VALUE + 2);
      assertThat(r.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE)).isBetween(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    assertThat(r.nextLong(5, 5)).isEqualTo(5);
    // the full range works and is not stuck
    assertThat(IntStream.range(0, 10).mapToObj(i -> r.nextLong(Long.MIN_VALUE, Long.MAX_VALUE)).collect(Collectors.toSet())).hasSize(10);
    assertThatThrownBy(() -> r.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.nextLong(2, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void smallRangesAreRoughlyUniform() {
    PropertyRandom r = PropertyRandom.of(99);
    int[] counts = new int[6];
    for (int i = 0; i < 60_000; i++) {
      counts[r.nextInt(6)]++;
    }
    for (int c : counts) {
      assertThat(c).isBetween(9_400, 10_600);
    }
  }

  @Test
  void doublesBytesAndCoins() {
    PropertyRandom r = PropertyRandom.of(3);
    int heads = 0;
    int chances = 0;
    for (int i = 0; i < 10_000; i++) {
      double d = r.nextDouble();
      assertThat(d).isGreaterThanOrEqualTo(0).isLessThan(1);
      heads += r.nextBoolean() ? 1 : 0;
      chances += r.chance(0.1) ? 1 : 0;
    }
    assertThat(heads).isBetween(4_700, 5_300);
    assertThat(chances).isBetween(850, 1_150);
    assertThat(r.nextBytes(0)).isEmpty();
    assertThat(r.nextBytes(13)).hasSize(13);
    assertThat(PropertyRandom.of(5).nextBytes(16)).isEqualTo(PropertyRandom.of(5).nextBytes(16));
  }

  @Test
  void trySeedsStartAtTheBaseAndDiffer() {
    assertThat(PropertyRandom.trySeed(77, 0)).isEqualTo(77);
    Set<Long> seeds = IntStream.range(0, 1000).mapToObj(i -> PropertyRandom.trySeed(77, i)).collect(Collectors.toSet());
    assertThat(seeds).hasSize(1000);
    assertThat(PropertyRandom.trySeed(77, 1)).isEqualTo(PropertyRandom.trySeed(77, 1));
  }

  @Test
  void splitAndRandomViewAreDeterministic() {
    PropertyRandom a = PropertyRandom.of(11);
    PropertyRandom b = PropertyRandom.of(11);
    assertThat(a.split().nextLong()).isEqualTo(b.split().nextLong());
    List<Integer> x = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
    List<Integer> y = new ArrayList<>(x);
    Collections.shuffle(x, a.asRandom());
    Collections.shuffle(y, b.asRandom());
    assertThat(x).isEqualTo(y).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(a.seed()).isEqualTo(11);
    assertThat(a.sample(Gens.constant("k"))).isEqualTo("k");
    assertThat(a.pick(List.of("only"))).isEqualTo("only");
    assertThatThrownBy(() -> a.pick(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
