package io.github.vpsdk.vp.testkit.internal.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a simulated site. In real time it is the system clock. In virtual time it starts
 * at a chosen instant, runs at the pace of real time (so that network timeouts and back-offs,
 * which are real, still see time pass) and jumps forward on {@link #advanceTo}. Thread-safe.
 */
public final class SiteClock extends Clock {
  private final boolean virtual;
  private final Instant start;
  private volatile long startNanos = System.nanoTime();
  private volatile long offsetNanos;

  private SiteClock(boolean virtual, Instant start) {
    this.virtual = virtual;
    this.start = start;
  }

  /** @return the system clock */
  public static SiteClock real() {
    return new SiteClock(false, Instant.EPOCH);
  }

  /**
   * A virtual clock.
   *
   * @param start where it starts
   * @return the clock
   */
  public static SiteClock virtual(Instant start) {
    return new SiteClock(true, start);
  }

  /** @return whether the clock is virtual */
  public boolean isVirtual() {
    return virtual;
  }

  /**
   * Jumps forward (virtual clocks only); never backwards.
   *
   * @param target the new time
   */
  public synchronized void advanceTo(Instant target) {
    if (!virtual) {
      throw new IllegalStateException("a real-time site cannot jump in time");
    }
    long behind = Duration.between(instant(), target).toNanos();
    if (behind > 0) {
      offsetNanos += behind;
    }
  }

  /**
   * Puts a virtual clock back to its start (once the site is set up, so that setting up takes no
   * virtual time). Real clocks are left alone.
   */
  public synchronized void restart() {
    if (virtual) {
      offsetNanos = 0;
      startNanos = System.nanoTime();
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    if (!virtual) {
      return Instant.now();
    }
    return start.plusNanos(System.nanoTime() - startNanos + offsetNanos);
  }
}
