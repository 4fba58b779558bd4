package io.github.vpsdk.vp.protocols.surgard;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the timers of an SG automation link: the ACK timeout, retransmission, heartbeat,
 * supervision and reconnection delays. Injected so that tests drive time by hand instead of
 * sleeping; by default each link runs its own single daemon thread.
 *
 * <p>Tasks may run on any thread; the link's state machines are synchronized.
 */
@FunctionalInterface
public interface LinkScheduler {

  /** A scheduled task that has not run yet. */
  @FunctionalInterface
  interface Timer {
    /** Cancels the task; does nothing if it already ran or was cancelled. */
    void cancel();
  }

  /**
   * Runs a task once after a delay.
   *
   * @param delay the delay, zero or positive
   * @param task the task
   * @return a handle to cancel it
   */
  Timer schedule(Duration delay, Runnable task);

  /**
   * A scheduler backed by an executor the caller owns (and shuts down).
   *
   * @param executor the executor
   * @return the scheduler
   */
  static LinkScheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (delay, task) -> {
      ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
  }
}
