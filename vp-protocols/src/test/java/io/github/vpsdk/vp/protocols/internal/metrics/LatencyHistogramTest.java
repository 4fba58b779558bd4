package io.github.vpsdk.vp.protocols.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketsCoverEveryValueWithinOneSixteenth() {
    for (long v = 1; v < 10_000_000L; v = v * 3 / 2 + 1) {
      int i = LatencyHistogram.index(v);
      long upper = LatencyHistogram.upperBound(i);
      assertThat(upper).as("upper bound of %d", v).isGreaterThanOrEqualTo(v);
      assertThat((double) upper).as("precision at %d", v).isLessThanOrEqualTo(v * (1 + 1.0 / 16) + 1);
      if (i > 0) {
        assertThat(LatencyHistogram.upperBound(i - 1)).isLessThan(v);
      }
    }
  }

  @Test
  void percentilesMatchExactOnesWithinPrecision() {
    long seed = 20261123L;
    SplittableRandom random = new SplittableRandom(seed);
    LatencyHistogram h = new LatencyHistogram();
    long[] values = new long[100_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1 + (long) Math.exp(random.nextDouble() * 12); // 1 µs .. ~160 ms, long tail
      h.recordNanos(values[i] * 1000);
    }
    Arrays.sort(values);
    for (double p : new double[] {50, 90, 99, 99.9}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat((double) h.percentileMicros(p)).as("seed=%d p%s", seed, p).isCloseTo(exact, within(exact / 16.0 + 1));
    }
    assertThat(h.count()).isEqualTo(values.length);
  }

  @Test
  void emptyAndHugeValues() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentileMicros(99)).isZero();
    h.recordNanos(Long.MAX_VALUE);
    h.recordNanos(0);
    assertThat(h.percentileMicros(100)).isPositive();
    assertThat(h.percentileMicros(1)).isEqualTo(1);
  }
}
