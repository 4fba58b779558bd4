package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.Faults;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-healing PullPoint event stream of one camera, made by {@link OnvifEvents#stream}.
 *
 * <p>Once {@link #start() started} it runs one step at a time, each an asynchronous call on the
 * client's executor, the next one planned on the {@link EventScheduler}:
 *
 * <ol>
 *   <li>without a subscription: CreatePullPointSubscription;
 *   <li>when {@code now + pullTimeout + renewMargin} reaches the termination time (converted to
 *       the local clock with the camera's own {@code CurrentTime}): Renew;
 *   <li>otherwise: PullMessages, whose answer usually extends the termination time, then again at
 *       once.
 * </ol>
 *
 * <p>A SOAP fault on a pull or a renew ({@code ResourceUnknown} after a reboot, {@code
 * InvalidArgs}) means the camera lost the subscription: the stream subscribes again, at once the
 * first time, then with a doubling back-off while failures follow each other. A timeout or an
 * unreachable camera keeps the subscription and retries after the back-off, until its termination
 * time has passed. Only a successful pull resets the back-off.
 *
 * <p>A stream holds no thread between calls, but a pull holds one executor thread for up to the
 * pull timeout (CXF calls block). For hundreds of cameras give the client an executor sized for
 * it, or virtual threads on Java 21+ ({@code OnvifConfig.executor}).
 */
public final class OnvifEventStream implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnvifEventStream.class);

  /** Where the stream is. */
  public enum State {
    /** Made, not started. */
    NEW,
    /** Creating a subscription. */
    SUBSCRIBING,
    /** Subscribed: pulling or renewing. */
    PULLING,
    /** Waiting out a back-off after a failure. */
    RETRYING,
    /** Closed. */
    CLOSED
  }

  /**
   * Counters since the stream started.
   *
   * @param subscriptions subscriptions created (1 + re-creations)
   * @param pulls successful pulls
   * @param events events delivered
   * @param renewals successful renews
   * @param losses subscriptions lost (faults on pull or renew, expiry)
   * @param failures failed calls of any kind
   */
  public record Stats(
      long subscriptions, long pulls, long events, long renewals, long losses, long failures) {}

  private final OnvifEvents events;
  private final OnvifCamera camera;
  private final EventStreamConfig config;
  private final OnvifEventListener listener;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;
  private volatile State state = State.NEW;
  private volatile @Nullable PullPointSubscription current;
  /** The termination time of the current subscription on the local clock. */
  private volatile @Nullable Instant localDeadline;

  private int consecutiveFailures;
  private final AtomicLong subscriptions = new AtomicLong();
  private final AtomicLong pulls = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong renewals = new AtomicLong();
  private final AtomicLong losses = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  OnvifEventStream(
      OnvifEvents events, OnvifCamera camera, EventStreamConfig config, OnvifEventListener listener) {
    this.events = events;
    this.camera = camera;
    this.config = config;
    this.listener = listener;
    this.clock = camera.client().config().clock();
  }

  /**
   * Starts the stream; a second call does nothing.
   *
   * @return this stream
   */
  public OnvifEventStream start() {
    if (started.compareAndSet(false, true) && !closed) {
      next(Duration.ZERO);
    }
    return this;
  }

  /**
   * Where the stream is.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * The current subscription.
   *
   * @return the subscription, or {@code null} between a loss and the next creation
   */
  public @Nullable PullPointSubscription subscription() {
    return current;
  }

  /**
   * Counters since the start.
   *
   * @return the counters
   */
  public Stats stats() {
    return new Stats(
        subscriptions.get(),
        pulls.get(),
        delivered.get(),
        renewals.get(),
        losses.get(),
        failures.get());
  }

  /**
   * Stops the stream: no further call starts, a pull in progress is let finish and its events are
   * dropped, and Unsubscribe is sent (without waiting) if so configured.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    state = State.CLOSED;
    PullPointSubscription s = current;
    current = null;
    if (s != null && config.unsubscribeOnClose()) {
      s.unsubscribe()
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  LOG.debug("Unsubscribe on close failed: {}", e.getMessage());
                }
                s.release();
              });
    } else if (s != null) {
      s.release();
    }
  }

  private void next(Duration delay) {
    if (!closed) {
      config.scheduler().schedule(delay, this::step);
    }
  }

  private void step() {
    if (closed) {
      return;
    }
    PullPointSubscription s = current;
    if (s == null) {
      subscribe();
    } else if (renewDue()) {
      renew(s);
    } else {
      pull(s);
    }
  }

  private void subscribe() {
    state = State.SUBSCRIBING;
    Instant asked = clock.instant();
    camera
        .invoke(
            "CreatePullPointSubscription",
            () -> events.subscribeBlocking(config.initialTermination(), config.topicFilter()))
        .whenComplete(
            (s, e) -> {
              if (closed) {
                if (s != null && config.unsubscribeOnClose()) {
                  s.unsubscribe().whenComplete((v, x) -> s.release());
                } else if (s != null) {
                  s.release();
                }
                return;
              }
              if (e != null) {
                failed(Faults.map(e, "CreatePullPointSubscription"));
                return;
              }
              subscriptions.incrementAndGet();
              current = s;
              track(s.createdAt(), s.terminationTime(), asked);
              state = State.PULLING;
              LOG.debug("subscribed at {} until {}", s.address(), s.terminationTime());
              safely(() -> listener.onSubscribed(s));
              next(Duration.ZERO);
            });
  }

  private void pull(PullPointSubscription s) {
    state = State.PULLING;
    Instant asked = clock.instant();
    s.pull(config.pullTimeout(), config.messageLimit())
        .whenComplete(
            (r, e) -> {
              if (closed) {
                return;
              }
              if (e != null) {
                OnvifException x = Faults.map(e, "PullMessages");
                if (transientFailure(x) && !expired()) {
                  failed(x);
                } else {
                  lost(s, x);
                }
                return;
              }
              pulls.incrementAndGet();
              consecutiveFailures = 0;
              track(r.currentTime(), r.terminationTime(), asked);
              for (CameraEvent ev : r.events()) {
                delivered.incrementAndGet();
                safely(() -> listener.onEvent(ev));
              }
              next(Duration.ZERO);
            });
  }

  private void renew(PullPointSubscription s) {
    Instant asked = clock.instant();
    Instant cameraAsked = camera.session().cameraNow();
    s.renew(config.initialTermination())
        .whenComplete(
            (t, e) -> {
              if (closed) {
                return;
              }
              if (e != null) {
                OnvifException x = Faults.map(e, "Renew");
                if (transientFailure(x) && !expired()) {
                  failed(x);
                } else {
                  lost(s, x);
                }
                return;
              }
              renewals.incrementAndGet();
              track(cameraAsked, t, asked);
              next(Duration.ZERO);
            });
  }

  /** Converts a camera termination time to the local clock, with the camera's current time. */
  private void track(@Nullable Instant cameraNow, @Nullable Instant termination, Instant localAsked) {
    if (termination == null) {
      if (localDeadline == null) {
        localDeadline = localAsked.plus(config.initialTermination());
      }
      return;
    }
    Instant reference = cameraNow != null ? cameraNow : camera.session().cameraNow();
    localDeadline = localAsked.plus(Duration.between(reference, termination));
  }

  private boolean renewDue() {
    Instant deadline = localDeadline;
    if (deadline == null) {
      return false;
    }
    return !clock
        .instant()
        .plus(config.pullTimeout())
        .plus(config.renewMargin())
        .isBefore(deadline);
  }

  private boolean expired() {
    Instant deadline = localDeadline;
    return deadline != null && !clock.instant().isBefore(deadline);
  }

  private static boolean transientFailure(OnvifException x) {
    return x.kind() == OnvifException.Kind.TIMEOUT
        || x.kind() == OnvifException.Kind.UNREACHABLE
        || x.kind() == OnvifException.Kind.AUTHENTICATION;
  }

  private void lost(PullPointSubscription s, OnvifException cause) {
    losses.incrementAndGet();
    failures.incrementAndGet();
    consecutiveFailures++;
    current = null;
    localDeadline = null;
    s.release();
    LOG.debug("subscription {} lost: {}", s.address(), cause.getMessage());
    safely(() -> listener.onSubscriptionLost(cause));
    Duration delay = consecutiveFailures <= 1 ? Duration.ZERO : backoff(consecutiveFailures - 1);
    state = delay.isZero() ? State.SUBSCRIBING : State.RETRYING;
    next(delay);
  }

  private void failed(OnvifException error) {
    failures.incrementAndGet();
    consecutiveFailures++;
    state = State.RETRYING;
    LOG.debug("event stream call failed ({}): {}", error.kind(), error.getMessage());
    safely(() -> listener.onError(error));
    next(backoff(consecutiveFailures));
  }

  /** The back-off after the n-th consecutive failure: base, doubled each time, capped. */
  Duration backoff(int n) {
    Duration d = config.retryBase();
    for (int i = 1; i < n && d.compareTo(config.retryMax()) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(config.retryMax()) > 0 ? config.retryMax() : d;
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("event listener failed", e);
    }
  }

  @Override
  public String toString() {
    return "OnvifEventStream[" + camera.deviceAddress() + ", " + state + "]";
  }
}
