package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.testkit.camera.CameraEventKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The event side of a simulated camera: the property states, the PullPoint subscriptions and their
 * queues. Subscriptions end at their termination time on the camera clock, and all of them are
 * dropped at reboot. Pulls are held (wall clock, bounded) until a message arrives. Thread-safe:
 * one lock guards everything and wakes held pulls.
 */
public final class EventBroker {
  /** Most live subscriptions (announced as MaxPullPoints). */
  public static final int MAX_SUBSCRIPTIONS = 16;
  /** Most messages queued per subscription; the oldest are dropped beyond. */
  public static final int MAX_QUEUE = 1000;
  /** Longest a pull is held without a message, whatever its timeout. */
  public static final Duration MAX_HOLD = Duration.ofSeconds(60);
  /** Longest lifetime granted to a subscription. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(1);

  /** One topic a kind of event is sent on. */
  record Emission(String topic, boolean property, Map<String, String> source, String dataItem, String dataType) {}

  /** A message waiting in a subscription's queue. */
  record Note(
      String topic,
      boolean property,
      @Nullable String operation,
      Instant at,
      Map<String, String> source,
      Map<String, String> data) {}

  /** What a pull takes from a subscription. */
  record Pulled(List<Note> notes, Instant now, Instant termination) {}

  private static final Map<CameraEventKind, List<Emission>> EMISSIONS = emissions();

  private final Supplier<Instant> cameraClock;
  private final Object lock = new Object();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, Boolean> states = new LinkedHashMap<>();
  private int nextId = 1;
  private long objectId;
  private boolean closed;

  /**
   * Creates the broker.
   *
   * @param cameraClock the camera clock (with skew)
   */
  public EventBroker(Supplier<Instant> cameraClock) {
    this.cameraClock = cameraClock;
    for (List<Emission> list : EMISSIONS.values()) {
      for (Emission e : list) {
        if (e.property()) {
          states.put(e.topic(), Boolean.FALSE);
        }
      }
    }
  }

  private static Map<CameraEventKind, List<Emission>> emissions() {
    Map<String, String> videoSource = Map.of("Source", MediaService.VIDEO_SOURCE);
    Map<CameraEventKind, List<Emission>> m = new LinkedHashMap<>();
    m.put(
        CameraEventKind.MOTION,
        List.of(
            new Emission("tns1:VideoSource/MotionAlarm", true, videoSource, "State", "xs:boolean"),
            new Emission(
                "tns1:RuleEngine/CellMotionDetector/Motion",
                true,
                rule("MyMotionDetectorRule"),
                "IsMotion",
                "xs:boolean")));
    m.put(
        CameraEventKind.LINE_CROSSING,
        List.of(
            new Emission(
                "tns1:RuleEngine/LineDetector/Crossed",
                false,
                rule("MyLineDetectorRule"),
                "ObjectId",
                "tt:ObjectRefType")));
    m.put(
        CameraEventKind.FIELD_DETECTION,
        List.of(
            new Emission(
                "tns1:RuleEngine/FieldDetector/ObjectsInside",
                true,
                rule("MyFieldDetectorRule"),
                "IsInside",
                "xs:boolean")));
    m.put(
        CameraEventKind.TAMPER,
        List.of(
            new Emission(
                "tns1:VideoSource/GlobalSceneChange/ImagingService", true, videoSource, "State", "xs:boolean")));
    m.put(
        CameraEventKind.VIDEO_LOSS,
        List.of(new Emission("tns1:VideoSource/SignalLoss", true, videoSource, "State", "xs:boolean")));
    m.put(
        CameraEventKind.DIGITAL_INPUT,
        List.of(
            new Emission(
                "tns1:Device/Trigger/DigitalInput",
                true,
                Map.of("InputToken", "DigitalInput_1"),
                "LogicalState",
                "xs:boolean")));
    return m;
  }

  private static Map<String, String> rule(String name) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("VideoSourceConfigurationToken", MediaService.VIDEO_SOURCE_CONFIG);
    s.put("VideoAnalyticsConfigurationToken", "VideoAnalyticsConfig_1");
    s.put("Rule", name);
    return s;
  }

  /**
   * Every topic the camera announces, in a stable order.
   *
   * @return the emissions
   */
  static List<Emission> allEmissions() {
    List<Emission> out = new ArrayList<>();
    for (List<Emission> l : EMISSIONS.values()) {
      out.addAll(l);
    }
    return out;
  }

  /**
   * Raises or clears an event: every live subscription whose filter matches gets a message.
   * Properties whose state does not change send nothing; a stateless event is sent only when
   * {@code active}.
   *
   * @param kind the event
   * @param active the new state
   * @return how many messages were queued over all subscriptions
   */
  public int raise(CameraEventKind kind, boolean active) {
    synchronized (lock) {
      Instant now = cameraClock.get();
      purge(now);
      int queued = 0;
      for (Emission e : EMISSIONS.get(kind)) {
        Map<String, String> data;
        String op;
        if (e.property()) {
          Boolean old = states.put(e.topic(), active);
          if (old != null && old == active) {
            continue;
          }
          data = Map.of(e.dataItem(), Boolean.toString(active));
          op = "Changed";
        } else {
          if (!active) {
            continue;
          }
          data = Map.of(e.dataItem(), Long.toString(++objectId));
          op = null;
        }
        Note n = new Note(e.topic(), e.property(), op, now, e.source(), data);
        for (Subscription s : subscriptions.values()) {
          if (s.accepts(e.topic())) {
            s.offer(n);
            queued++;
          }
        }
      }
      lock.notifyAll();
      return queued;
    }
  }

  /**
   * Creates a subscription, queuing an {@code Initialized} message per matching property.
   *
   * @param lifetime how long from now it lives
   * @param filter the topic filter, or {@code null} for all
   * @return the subscription id and termination time, or empty when the camera is full
   */
  Optional<Map.Entry<String, Instant>> subscribe(Duration lifetime, @Nullable TopicFilter filter) {
    synchronized (lock) {
      Instant now = cameraClock.get();
      purge(now);
      if (closed || subscriptions.size() >= MAX_SUBSCRIPTIONS) {
        return Optional.empty();
      }
      String id = Integer.toString(nextId++);
      Instant end = now.plus(min(lifetime, MAX_LIFETIME));
      Subscription s = new Subscription(end, filter);
      subscriptions.put(id, s);
      initialize(s, now);
      return Optional.of(Map.entry(id, end));
    }
  }

  private void initialize(Subscription s, Instant now) {
    for (Emission e : allEmissions()) {
      if (e.property() && s.accepts(e.topic())) {
        Map<String, String> data = Map.of(e.dataItem(), Boolean.toString(states.getOrDefault(e.topic(), false)));
        s.offer(new Note(e.topic(), true, "Initialized", now, e.source(), data));
      }
    }
  }

  /**
   * Pulls messages: at once when some are queued, otherwise held (wall clock) until one comes, the
   * timeout passes (at most {@link #MAX_HOLD}), another pull on the same subscription arrives, the
   * subscription ends or the camera closes. A pull keeps the subscription alive for at least its
   * timeout afterwards (ONVIF Core 9.1.1).
   *
   * @param id the subscription
   * @param timeout the request's timeout
   * @param limit the most messages
   * @return the messages, or empty when the subscription is unknown or ended
   */
  Optional<Pulled> pull(String id, Duration timeout, int limit) {
    long deadline = System.nanoTime() + min(timeout, MAX_HOLD).toNanos();
    synchronized (lock) {
      Subscription s = live(id);
      if (s == null) {
        return Optional.empty();
      }
      long ticket = ++s.pulls;
      lock.notifyAll(); // an earlier held pull on this subscription answers now
      long left;
      while (s.queue.isEmpty()
          && !closed
          && s.pulls == ticket
          && subscriptions.get(id) == s
          && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      Instant now = cameraClock.get();
      if (subscriptions.get(id) != s) {
        return Optional.empty();
      }
      List<Note> out = new ArrayList<>();
      while (out.size() < limit && !s.queue.isEmpty()) {
        out.add(s.queue.poll());
      }
      Instant keep = now.plus(min(timeout, MAX_LIFETIME));
      if (keep.isAfter(s.termination)) {
        s.termination = keep;
      }
      return Optional.of(new Pulled(out, now, s.termination));
    }
  }

  /**
   * Renews a subscription.
   *
   * @param id the subscription
   * @param lifetime the new lifetime from now
   * @return the new termination time, or empty when unknown or ended
   */
  Optional<Instant> renew(String id, Duration lifetime) {
    synchronized (lock) {
      Subscription s = live(id);
      if (s == null) {
        return Optional.empty();
      }
      s.termination = cameraClock.get().plus(min(lifetime, MAX_LIFETIME));
      return Optional.of(s.termination);
    }
  }

  /**
   * Queues an {@code Initialized} message for every matching property (SetSynchronizationPoint).
   *
   * @param id the subscription
   * @return false when unknown or ended
   */
  boolean synchronize(String id) {
    synchronized (lock) {
      Subscription s = live(id);
      if (s == null) {
        return false;
      }
      initialize(s, cameraClock.get());
      lock.notifyAll();
      return true;
    }
  }

  /**
   * Ends a subscription.
   *
   * @param id the subscription
   * @return false when unknown or ended
   */
  boolean unsubscribe(String id) {
    synchronized (lock) {
      boolean known = live(id) != null;
      subscriptions.remove(id);
      lock.notifyAll();
      return known;
    }
  }

  /**
   * The live subscriptions.
   *
   * @return how many
   */
  public int subscriptionCount() {
    synchronized (lock) {
      purge(cameraClock.get());
      return subscriptions.size();
    }
  }

  /** Drops every subscription (reboot); held pulls answer with a fault. */
  public void dropAll() {
    synchronized (lock) {
      subscriptions.clear();
      lock.notifyAll();
    }
  }

  /** Stops: held pulls answer, no new subscriptions. */
  public void close() {
    synchronized (lock) {
      closed = true;
      subscriptions.clear();
      lock.notifyAll();
    }
  }

  private @Nullable Subscription live(String id) {
    Subscription s = subscriptions.get(id);
    if (s != null && !cameraClock.get().isBefore(s.termination)) {
      subscriptions.remove(id);
      return null;
    }
    return s;
  }

  private void purge(Instant now) {
    subscriptions.values().removeIf(s -> !now.isBefore(s.termination));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static final class Subscription {
    private final @Nullable TopicFilter filter;
    private final ArrayDeque<Note> queue = new ArrayDeque<>();
    private Instant termination;
    private long pulls;

    Subscription(Instant termination, @Nullable TopicFilter filter) {
      this.termination = termination;
      this.filter = filter;
    }

    boolean accepts(String topic) {
      return filter == null || filter.matches(topic);
    }

    void offer(Note n) {
      if (queue.size() >= MAX_QUEUE) {
        queue.poll();
      }
      queue.add(n);
    }
  }
}
