package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a simulated site did and saw: every frame sent and every answer received, every event
 * and its fate. A snapshot: take another after the site moved on.
 *
 * @param frames the wire, in order of occurrence per panel
 * @param events the events, in the order they were queued
 */
public record SiteOutcome(List<FrameRecord> frames, List<EventRecord> events) {
  /** Copies. */
  public SiteOutcome {
    frames = List.copyOf(frames);
    events = List.copyOf(events);
  }

  /**
   * The events of one status.
   *
   * @param status the status
   * @return those events
   */
  public List<EventRecord> events(EventRecord.Status status) {
    Objects.requireNonNull(status, "status");
    List<EventRecord> out = new ArrayList<>();
    for (EventRecord e : events) {
      if (e.status() == status) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The frames of one kind.
   *
   * @param kind the kind
   * @return those frames
   */
  public List<FrameRecord> frames(FrameRecord.Kind kind) {
    List<FrameRecord> out = new ArrayList<>();
    for (FrameRecord f : frames) {
      if (f.kind() == kind) {
        out.add(f);
      }
    }
    return out;
  }

  /** @return how many event frames were written again after a first attempt */
  public int retries() {
    int n = 0;
    for (EventRecord e : events) {
      n += Math.max(0, e.attempts() - 1);
    }
    return n;
  }

  /** @return how many answers were {@code NAK} */
  public int naks() {
    return countAnswers("NAK");
  }

  /** @return how many {@code NULL} link tests were written */
  public int polls() {
    int n = 0;
    for (FrameRecord f : frames) {
      if (f.kind() == FrameRecord.Kind.SENT && f.token().endsWith("NULL")) {
        n++;
      }
    }
    return n;
  }

  private int countAnswers(String token) {
    int n = 0;
    for (FrameRecord f : frames) {
      if (f.kind() == FrameRecord.Kind.ANSWERED && token.equals(f.answer())) {
        n++;
      }
    }
    return n;
  }

  /**
   * A percentile of the acknowledged events' latency (queuing to {@code ACK}).
   *
   * @param percentile 0 to 100
   * @return the latency, or {@code null} if none was acknowledged
   */
  public @Nullable Duration latencyPercentile(double percentile) {
    List<Duration> l = new ArrayList<>();
    for (EventRecord e : events) {
      if (e.latency() != null) {
        l.add(e.latency());
      }
    }
    if (l.isEmpty()) {
      return null;
    }
    l.sort(null);
    int index = (int) Math.ceil(percentile / 100.0 * l.size()) - 1;
    return l.get(Math.max(0, Math.min(l.size() - 1, index)));
  }

  /**
   * What the run broke of a scenario's expectations.
   *
   * @param expectations the expectations
   * @return one sentence per broken expectation, empty if all hold
   */
  public List<String> check(Expectations expectations) {
    List<String> broken = new ArrayList<>();
    if (expectations.allAcknowledged()) {
      List<EventRecord> not = new ArrayList<>(events);
      not.removeIf(e -> e.status() == EventRecord.Status.ACKNOWLEDGED);
      if (!not.isEmpty()) {
        broken.add(not.size() + " of " + events.size() + " events were not acknowledged, first: " + describe(not.get(0)));
      }
    }
    Duration within = expectations.acknowledgedWithin();
    if (within != null) {
      for (EventRecord e : events) {
        if (e.latency() != null && e.latency().compareTo(within) > 0) {
          broken.add("an event was acknowledged after " + millis(e.latency()) + ", more than " + millis(within) + ": " + describe(e));
          break;
        }
      }
    }
    Integer maxRetries = expectations.maxRetries();
    if (maxRetries != null && retries() > maxRetries) {
      broken.add(retries() + " retries, more than the " + maxRetries + " allowed");
    }
    return broken;
  }

  /**
   * A report for people: counts and latency percentiles.
   *
   * @return several lines
   */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "events: %d queued, %d acknowledged, %d refused (DUH), %d failed, %d pending%n",
        events.size(), events(EventRecord.Status.ACKNOWLEDGED).size(), events(EventRecord.Status.REFUSED).size(),
        events(EventRecord.Status.FAILED).size(), events(EventRecord.Status.PENDING).size()));
    b.append(String.format(Locale.ROOT, "frames: %d sent (%d link tests), %d answered (%d NAK), %d failed attempts, %d retries%n",
        frames(FrameRecord.Kind.SENT).size(), polls(), frames(FrameRecord.Kind.ANSWERED).size(), naks(),
        frames(FrameRecord.Kind.FAILED).size(), retries()));
    Duration p50 = latencyPercentile(50);
    if (p50 != null) {
      b.append(String.format(Locale.ROOT, "ack latency: p50 %s, p95 %s, p99 %s, max %s%n", millis(p50),
          millis(Objects.requireNonNull(latencyPercentile(95))), millis(Objects.requireNonNull(latencyPercentile(99))),
          millis(Objects.requireNonNull(latencyPercentile(100)))));
    }
    return b.toString();
  }

  private static String describe(EventRecord e) {
    return e.panel() + " " + e.data() + " (" + e.status().name().toLowerCase(Locale.ROOT) + ", " + e.attempts() + " attempts)";
  }

  private static String millis(Duration d) {
    return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
  }
}
