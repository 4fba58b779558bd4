package io.github.vpsdk.vp.protocols.internal.transmitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The decisions of a panel-side transmitter, free of any network: what to send next, on which
 * path, when to retry, when to fail over to a backup receiver and when to come back, when to send
 * a {@code NULL} poll. The network layer asks {@link #next()} for an action, performs it, and
 * reports the outcome with {@link #succeeded} or {@link #failed}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Messages go strictly in order, one at a time: the next leaves only when the head is
 *       acknowledged. The queue is bounded; {@link #offer} refuses when full. Nothing is dropped
 *       once queued: a message that fails on every path is retried until it goes.
 *   <li>A failed attempt is retried on the same path after an exponential back-off (base, doubled
 *       each time, capped), up to {@code attemptsPerPath}; then the scheduler fails over to the
 *       next path at once.
 *   <li>While on a backup path, the primary (path 0) is tried again every {@code
 *       retryPrimaryAfter}; success there makes it current again.
 *   <li>When idle, each path with a poll interval is polled when nothing was exchanged on it for
 *       that interval (a fast poll on the primary and a slow one on the backup is the EN 50136
 *       dual-path practice).
 * </ul>
 *
 * <p>Time comes from the injected clock; not thread-safe (the transmitter confines it to one
 * thread).
 *
 * @param <M> the message type
 */
public final class DeliveryScheduler<M> {

  /** What the network layer should do now. */
  public sealed interface Action<M> permits Send, Poll, Wait {}

  /**
   * Send a message on a path.
   *
   * @param message the message
   * @param path the path index, 0 the primary
   * @param attempt the attempt number on this path, from 1
   * @param <M> the message type
   */
  public record Send<M>(M message, int path, int attempt) implements Action<M> {}

  /**
   * Send a link test ({@code NULL}) on a path.
   *
   * @param path the path index
   * @param <M> the message type
   */
  public record Poll<M>(int path) implements Action<M> {}

  /**
   * Nothing to do until a time (or until a message is offered).
   *
   * @param until the time to ask again, or {@code null} when only an offer can create work
   * @param <M> the message type
   */
  public record Wait<M>(@Nullable Instant until) implements Action<M> {}

  /**
   * Settings.
   *
   * @param paths how many receiver paths (1 or more), path 0 the primary
   * @param capacity the most queued messages
   * @param attemptsPerPath attempts on one path before failing over
   * @param backoffBase the first retry delay on a path
   * @param backoffMax the longest retry delay
   * @param retryPrimaryAfter how long to stay on a backup before trying the primary again
   * @param pollIntervals the poll interval of each path, {@code Duration.ZERO} for none
   */
  public record Settings(
      int paths,
      int capacity,
      int attemptsPerPath,
      Duration backoffBase,
      Duration backoffMax,
      Duration retryPrimaryAfter,
      Duration[] pollIntervals) {
    /** Validates. */
    public Settings {
      if (paths < 1 || capacity < 1 || attemptsPerPath < 1) {
        throw new IllegalArgumentException("paths, capacity and attemptsPerPath must be positive");
      }
      if (pollIntervals.length != paths) {
        throw new IllegalArgumentException("one poll interval per path");
      }
      pollIntervals = pollIntervals.clone();
    }
  }

  private final Settings settings;
  private final Clock clock;
  private final ArrayDeque<M> queue = new ArrayDeque<>();
  private final Instant[] lastExchange;
  private int current;
  private int attempts;
  private @Nullable Instant retryAt;
  private @Nullable Instant leftPrimaryAt;
  private boolean inFlight;
  private boolean inFlightIsPrimaryProbe;
  private int inFlightPath = -1;
  private boolean inFlightIsPoll;

  /**
   * Creates a scheduler.
   *
   * @param settings the settings
   * @param clock the clock
   */
  public DeliveryScheduler(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastExchange = new Instant[settings.paths()];
    Arrays.fill(lastExchange, clock.instant());
  }

  /**
   * Queues a message.
   *
   * @param message the message
   * @return {@code false} if the queue is full
   */
  public boolean offer(M message) {
    if (queue.size() >= settings.capacity()) {
      return false;
    }
    queue.addLast(Objects.requireNonNull(message, "message"));
    return true;
  }

  /**
   * How many messages wait, including one in flight.
   *
   * @return the queue depth
   */
  public int depth() {
    return queue.size();
  }

  /**
   * The path messages currently go to.
   *
   * @return the path index
   */
  public int currentPath() {
    return current;
  }

  /**
   * The next action. Call again after reporting the outcome of a {@link Send} or {@link Poll}, or
   * when a {@link Wait} expires or a message is offered.
   *
   * @return the action
   * @throws IllegalStateException if an action is still in flight
   */
  public Action<M> next() {
    if (inFlight) {
      throw new IllegalStateException("an action is in flight");
    }
    Instant now = clock.instant();
    if (retryAt != null && now.isBefore(retryAt)) {
      return new Wait<>(retryAt);
    }
    int path = current;
    boolean probe = false;
    if (current != 0
        && leftPrimaryAt != null
        && !now.isBefore(leftPrimaryAt.plus(settings.retryPrimaryAfter()))) {
      path = 0;
      probe = true;
    }
    if (!queue.isEmpty()) {
      return start(new Send<>(queue.peekFirst(), path, probe ? 1 : attempts + 1), path, probe, false);
    }
    if (probe) {
      return start(new Poll<>(0), 0, true, true);
    }
    Instant earliest = null;
    for (int p = 0; p < settings.paths(); p++) {
      Duration interval = settings.pollIntervals()[p];
      if (interval.isZero() || interval.isNegative()) {
        continue;
      }
      Instant due = lastExchange[p].plus(interval);
      if (!now.isBefore(due)) {
        return start(new Poll<>(p), p, false, true);
      }
      earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
    }
    if (current != 0 && leftPrimaryAt != null) {
      Instant back = leftPrimaryAt.plus(settings.retryPrimaryAfter());
      earliest = earliest == null || back.isBefore(earliest) ? back : earliest;
    }
    return new Wait<>(earliest);
  }

  /** Reports that the action in flight was acknowledged. */
  public void succeeded() {
    requireInFlight();
    Instant now = clock.instant();
    lastExchange[inFlightPath] = now;
    if (inFlightIsPrimaryProbe || inFlightPath == current) {
      current = inFlightPath;
      if (current == 0) {
        leftPrimaryAt = null;
      }
      attempts = 0;
      retryAt = null;
    }
    if (!inFlightIsPoll) {
      queue.pollFirst();
    }
    inFlight = false;
  }

  /** Reports that the action in flight failed: no answer in time, NAK, refused connection. */
  public void failed() {
    requireInFlight();
    inFlight = false;
    Instant now = clock.instant();
    if (inFlightIsPrimaryProbe) {
      leftPrimaryAt = now; // stay on the backup, try the primary again later
      return;
    }
    if (inFlightPath != current) {
      return; // a poll of another path: it only tells that path's health
    }
    attempts++;
    if (attempts < settings.attemptsPerPath()) {
      retryAt = now.plus(backoff(attempts));
      return;
    }
    attempts = 0;
    int next = (current + 1) % settings.paths();
    if (current == 0 && next != 0) {
      leftPrimaryAt = now;
    }
    if (next == 0 && settings.paths() > 1) {
      leftPrimaryAt = null;
    }
    // failing over is immediate, except when there is nowhere else to go
    retryAt = next == current ? now.plus(settings.backoffMax()) : null;
    current = next;
  }

  private Duration backoff(int attempt) {
    Duration d = settings.backoffBase();
    for (int i = 1; i < attempt && d.compareTo(settings.backoffMax()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : d;
  }

  private Action<M> start(Action<M> action, int path, boolean probe, boolean poll) {
    inFlight = true;
    inFlightPath = path;
    inFlightIsPrimaryProbe = probe;
    inFlightIsPoll = poll;
    return action;
  }

  private void requireInFlight() {
    if (!inFlight) {
      throw new IllegalStateException("no action in flight");
    }
  }
}
