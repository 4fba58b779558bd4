package io.github.vpsdk.vp.protocols.internal.surgard;

import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import io.github.vpsdk.vp.protocols.surgard.LinkScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler driven by hand with a {@link MutableClock}: {@link #advance} runs what falls due, in time order. */
public final class ManualScheduler implements LinkScheduler {
  private final MutableClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long order;

  private final class Task implements Timer {
    final Instant due;
    final long seq;
    final Runnable run;
    boolean cancelled;

    Task(Instant due, long seq, Runnable run) {
      this.due = due;
      this.seq = seq;
      this.run = run;
    }

    @Override
    public void cancel() {
      synchronized (ManualScheduler.this) {
        cancelled = true;
        tasks.remove(this);
      }
    }
  }

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Timer schedule(Duration delay, Runnable task) {
    Task t = new Task(clock.instant().plus(delay), order++, task);
    tasks.add(t);
    return t;
  }

  /** Moves the clock forward, running each task when its time comes. */
  public void advance(Duration d) {
    Instant end = clock.instant().plus(d);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream().filter(t -> !t.due.isAfter(end))
            .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq)).orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      if (next.due.isAfter(clock.instant())) {
        clock.set(next.due);
      }
      next.run.run();
    }
    clock.set(end);
  }

  /** How many tasks are pending. */
  public synchronized int pending() {
    return tasks.size();
  }
}
