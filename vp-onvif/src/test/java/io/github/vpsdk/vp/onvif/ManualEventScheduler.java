package io.github.vpsdk.vp.onvif;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An {@link EventScheduler} driven by the test: tasks wait in a queue with their delay until
 * {@link #runNext()} runs the next one. Nothing sleeps; the only wait is for the asynchronous call
 * of the previous step to plan the next one.
 */
final class ManualEventScheduler implements EventScheduler {
  record Task(Duration delay, Runnable task) {}

  private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  final List<Duration> delays = new ArrayList<>();

  @Override
  public void schedule(Duration delay, Runnable task) {
    queue.add(new Task(delay, task));
  }

  /** Waits (bounded) until the stream plans its next step, runs it, and returns its delay. */
  synchronized Duration runNext() {
    await().atMost(Duration.ofSeconds(20)).until(() -> !queue.isEmpty());
    Task t = queue.poll();
    delays.add(t.delay());
    t.task().run();
    return t.delay();
  }

  /** Waits until a next step is planned, without running it. */
  Duration peekDelay() {
    await().atMost(Duration.ofSeconds(20)).until(() -> !queue.isEmpty());
    return queue.peek().delay();
  }
}
