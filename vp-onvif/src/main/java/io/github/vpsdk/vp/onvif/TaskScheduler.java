package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay. vp-onvif's timers (discovery timeouts and repeats, health polls) go
 * through this interface so that tests drive them by hand, without sleeping: a test scheduler
 * keeps the tasks and runs them when the test advances its clock.
 *
 * <p>Tasks must be short: they hand real work to an executor.
 */
@FunctionalInterface
public interface TaskScheduler {

  /**
   * Schedules a task.
   *
   * @param delay how long to wait, zero or more
   * @param task the task
   * @return a handle that cancels the task if it has not run yet
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduled task that can still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }

  /**
   * A scheduler backed by a JDK scheduled executor. The caller keeps ownership of the executor
   * and shuts it down.
   *
   * @param executor the executor
   * @return the scheduler
   */
  static TaskScheduler of(ScheduledExecutorService executor) {
    Objects.requireNonNull(executor, "executor");
    return (delay, task) -> {
      ScheduledFuture<?> f =
          executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
  }
}
