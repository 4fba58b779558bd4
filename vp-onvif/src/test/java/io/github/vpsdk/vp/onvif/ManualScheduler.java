package io.github.vpsdk.vp.onvif;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link TaskScheduler} and {@link Clock} that tests move by hand: {@link #advance} runs every
 * task that falls due, in time order, with the clock set to each task's time. No thread, no sleep.
 */
public final class ManualScheduler extends Clock implements TaskScheduler {
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>((a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
  private final List<Duration> requestedDelays = new ArrayList<>();
  private volatile Instant now;
  private long seq;

  public ManualScheduler(Instant start) {
    this.now = start;
  }

  private static final class Task {
    final Instant at;
    final long seq;
    final Runnable body;
    volatile boolean cancelled;

    Task(Instant at, long seq, Runnable body) {
      this.at = at;
      this.seq = seq;
      this.body = body;
    }
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    requestedDelays.add(delay);
    Task t = new Task(now.plus(delay), seq++, task);
    tasks.add(t);
    return () -> t.cancelled = true;
  }

  /** Moves time forward, running due tasks (outside the lock, so they may schedule more). */
  public void advance(Duration d) {
    Instant end = now.plus(d);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.at.isAfter(end)) {
          now = end;
          return;
        }
        tasks.poll();
        if (next.at.isAfter(now)) {
          now = next.at;
        }
      }
      if (!next.cancelled) {
        next.body.run();
      }
    }
  }

  public synchronized List<Duration> requestedDelays() {
    return List.copyOf(requestedDelays);
  }

  public synchronized int pending() {
    int n = 0;
    for (Task t : tasks) {
      if (!t.cancelled) {
        n++;
      }
    }
    return n;
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
    return now;
  }
}
