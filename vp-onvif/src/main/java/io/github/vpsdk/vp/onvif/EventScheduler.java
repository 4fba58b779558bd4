package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay: the timer of {@link OnvifEventStream}s (next pull, retry back-off).
 * Tasks must be short: streams only start asynchronous calls from them. Tests inject a manual
 * scheduler and advance it by hand, without sleeping.
 */
@FunctionalInterface
public interface EventScheduler {

  /**
   * Runs a task once after a delay.
   *
   * @param delay the delay, zero for as soon as possible
   * @param task the task
   */
  void schedule(Duration delay, Runnable task);

  /**
   * A scheduler on one shared daemon thread, for every stream of the JVM (its tasks only start
   * asynchronous calls, so one thread serves thousands of streams).
   *
   * @return the shared scheduler
   */
  static EventScheduler system() {
    return SystemScheduler.INSTANCE;
  }
}

/** Holder of the shared timer thread. */
final class SystemScheduler implements EventScheduler {
  static final SystemScheduler INSTANCE = new SystemScheduler();

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "vp-onvif-event-timer");
            t.setDaemon(true);
            return t;
          });

  private SystemScheduler() {}

  @Override
  public void schedule(Duration delay, Runnable task) {
    timer.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
  }
}
