package io.github.vpsdk.vp.protocols.internal.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with log-linear buckets: values from 1 µs to about 1 hour, with
 * 16 sub-buckets per power of two, so a reported percentile is within 1/16 (6.25 %) of the true
 * value. Recording is one array increment; safe from any thread.
 */
public final class LatencyHistogram {
  private static final int SUB_BUCKET_BITS = 4;
  private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
  private static final int MAGNITUDES = 32; // 2^32 µs ≈ 71 minutes
  private final AtomicLongArray counts = new AtomicLongArray(MAGNITUDES * SUB_BUCKETS);
  private final LongAdder total = new LongAdder();
  private final LongAdder sumMicros = new LongAdder();

  /**
   * Records one latency.
   *
   * @param nanos the latency in nanoseconds
   */
  public void recordNanos(long nanos) {
    long micros = Math.max(1, nanos / 1000);
    counts.incrementAndGet(index(micros));
    total.increment();
    sumMicros.add(micros);
  }

  /**
   * How many values were recorded.
   *
   * @return the count
   */
  public long count() {
    return total.sum();
  }

  /**
   * The mean, in microseconds.
   *
   * @return the mean, or 0 when empty
   */
  public double meanMicros() {
    long n = total.sum();
    return n == 0 ? 0 : (double) sumMicros.sum() / n;
  }

  /**
   * A percentile, in microseconds (the upper bound of the bucket holding it).
   *
   * @param percentile from 0 to 100
   * @return the value, or 0 when empty
   */
  public long percentileMicros(double percentile) {
    long n = 0;
    long[] snapshot = new long[counts.length()];
    for (int i = 0; i < snapshot.length; i++) {
      snapshot[i] = counts.get(i);
      n += snapshot[i];
    }
    if (n == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * n);
    long seen = 0;
    for (int i = 0; i < snapshot.length; i++) {
      seen += snapshot[i];
      if (seen >= Math.max(1, rank)) {
        return upperBound(i);
      }
    }
    return upperBound(snapshot.length - 1);
  }

  static int index(long micros) {
    if (micros < SUB_BUCKETS) {
      return (int) micros;
    }
    int magnitude = 63 - Long.numberOfLeadingZeros(micros); // >= SUB_BUCKET_BITS
    int shift = magnitude - SUB_BUCKET_BITS;
    int sub = (int) (micros >>> shift) & (SUB_BUCKETS - 1);
    int bucket = (shift + 1) * SUB_BUCKETS + sub;
    return Math.min(bucket, MAGNITUDES * SUB_BUCKETS - 1);
  }

  static long upperBound(int index) {
    if (index < SUB_BUCKETS) {
      return index;
    }
    int shift = index / SUB_BUCKETS - 1;
    long sub = index % SUB_BUCKETS;
    return ((SUB_BUCKETS + sub + 1) << shift) - 1;
  }
}
