package io.github.vpsdk.vp.testkit.camera;

import static io.github.vpsdk.vp.testkit.camera.OnvifFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.CameraAlarms;
import io.github.vpsdk.vp.onvif.CameraEvent;
import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.EventCapabilities;
import io.github.vpsdk.vp.onvif.EventStreamConfig;
import io.github.vpsdk.vp.onvif.EventTopic;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifEventListener;
import io.github.vpsdk.vp.onvif.OnvifEventStream;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.PullPointSubscription;
import io.github.vpsdk.vp.onvif.PullResult;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated camera's event service (PullPoint) driven by vp-onvif's client over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CameraEventsTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final String USER = "admin";
  static final String PASSWORD = "ev3nts";
  static final Duration SHORT = Duration.ofMillis(200);

  final MutableClock clock = new MutableClock(T0);
  SimulatedCamera cam;
  OnvifClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    if (cam != null) {
      cam.close();
    }
  }

  private OnvifCamera connect(Clock c) {
    cam = SimulatedCamera.builder().name("Yard").credentials(USER, PASSWORD).clock(c).build().start();
    client = OnvifClient.create(OnvifConfig.create(b -> b.clock(c).requestTimeout(Duration.ofSeconds(10))));
    return client.connect(cam.xaddr(), Credentials.of(USER, PASSWORD)).join();
  }

  private static List<String> topics(PullResult r) {
    return r.events().stream().map(CameraEvent::topic).collect(Collectors.toList());
  }

  @Test
  void announcesTheEventServiceAndItsTopics() {
    OnvifCamera c = connect(clock);
    assertThat(c.services().address(ServiceAddresses.EVENTS))
        .contains(URI.create("http://127.0.0.1:" + cam.port() + "/onvif/event_service"));
    EventCapabilities caps = c.events().capabilities().join();
    assertThat(caps.pullPoint()).isTrue();
    assertThat(caps.maxPullPoints()).isEqualTo(16);

    List<EventTopic> topics = c.events().topics().join();
    assertThat(topics)
        .extracting(EventTopic::topic)
        .containsExactlyInAnyOrder(
            "tns1:VideoSource/MotionAlarm",
            "tns1:RuleEngine/CellMotionDetector/Motion",
            "tns1:RuleEngine/LineDetector/Crossed",
            "tns1:RuleEngine/FieldDetector/ObjectsInside",
            "tns1:VideoSource/GlobalSceneChange/ImagingService",
            "tns1:VideoSource/SignalLoss",
            "tns1:Device/Trigger/DigitalInput");
    EventTopic line =
        topics.stream().filter(t -> t.topic().endsWith("Crossed")).findFirst().orElseThrow();
    assertThat(line.property()).isFalse();
    assertThat(line.dataItems()).containsExactly("ObjectId");
    EventTopic input =
        topics.stream().filter(t -> t.topic().endsWith("DigitalInput")).findFirst().orElseThrow();
    assertThat(input.property()).isTrue();
    assertThat(input.sourceItems()).containsExactly("InputToken");
    assertThat(input.dataItems()).containsExactly("LogicalState");
  }

  @Test
  void subscribeSendsTheInitialStatesThenEachChange() {
    OnvifCamera c = connect(clock);
    cam.raise(CameraEventKind.DIGITAL_INPUT, true); // before the subscription: told as Initialized
    PullPointSubscription s = c.events().subscribe(Duration.ofSeconds(60), null).join();
    assertThat(s.address().toString()).startsWith("http://127.0.0.1:" + cam.port() + "/onvif/subscription?Idx=");
    assertThat(s.referenceParameters()).isEmpty();
    assertThat(s.terminationTime()).isEqualTo(T0.plusSeconds(60));
    assertThat(cam.eventSubscriptionCount()).isEqualTo(1);

    PullResult first = s.pull(Duration.ofSeconds(1), 100).join();
    assertThat(first.events()).hasSize(6).allMatch(e -> e.operation() == CameraEvent.Operation.INITIALIZED);
    assertThat(first.currentTime()).isEqualTo(T0);
    CameraEvent input =
        first.events().stream().filter(e -> e.topic().endsWith("DigitalInput")).findFirst().orElseThrow();
    assertThat(input.active()).contains(true);
    assertThat(input.source()).containsEntry("InputToken", "DigitalInput_1");
    assertThat(CameraAlarms.toAlarmEvent(input, "yard", null, "e0", T0)).isPresent(); // already present

    clock.advance(Duration.ofSeconds(5));
    assertThat(cam.raise(CameraEventKind.MOTION, true)).isEqualTo(2);
    assertThat(cam.raise(CameraEventKind.MOTION, true)).isZero(); // no change, no message
    PullResult motion = s.pull(Duration.ofSeconds(1), 1).join();
    assertThat(topics(motion)).containsExactly("tns1:VideoSource/MotionAlarm");
    CameraEvent m = motion.events().get(0);
    assertThat(m.operation()).isEqualTo(CameraEvent.Operation.CHANGED);
    assertThat(m.utcTime()).isEqualTo(T0.plusSeconds(5));
    assertThat(m.active()).contains(true);
    Optional<SystemEvent> alarm = CameraAlarms.toAlarmEvent(m, "yard", "site-1", "e1", T0);
    assertThat(alarm).isPresent();
    assertThat(alarm.get().code()).isEqualTo(CameraAlarms.MOTION);
    assertThat(alarm.get().restore()).isFalse();
    // the message limit left the second motion topic queued
    assertThat(topics(s.pull(Duration.ofSeconds(1), 10).join()))
        .containsExactly("tns1:RuleEngine/CellMotionDetector/Motion");

    cam.raise(CameraEventKind.LINE_CROSSING, true);
    cam.raise(CameraEventKind.LINE_CROSSING, false); // an event has no end
    cam.raise(CameraEventKind.LINE_CROSSING, true);
    cam.raise(CameraEventKind.MOTION, false);
    PullResult more = s.pull(Duration.ofSeconds(1), 10).join();
    assertThat(topics(more))
        .containsExactly(
            "tns1:RuleEngine/LineDetector/Crossed",
            "tns1:RuleEngine/LineDetector/Crossed",
            "tns1:VideoSource/MotionAlarm",
            "tns1:RuleEngine/CellMotionDetector/Motion");
    assertThat(more.events().get(0).data()).containsEntry("ObjectId", "1");
    assertThat(more.events().get(1).data()).containsEntry("ObjectId", "2");
    assertThat(more.events().get(0).operation()).isEqualTo(CameraEvent.Operation.NONE);
    assertThat(CameraAlarms.toAlarmEvent(more.events().get(0), "yard", null, "e2", T0).orElseThrow().code())
        .isEqualTo(CameraAlarms.LINE_CROSSED);
    assertThat(CameraAlarms.toAlarmEvent(more.events().get(2), "yard", null, "e3", T0).orElseThrow().restore())
        .isTrue();

    // SetSynchronizationPoint: the current states again
    s.synchronize().join();
    assertThat(s.pull(Duration.ofSeconds(1), 100).join().events())
        .hasSize(6)
        .allMatch(e -> e.operation() == CameraEvent.Operation.INITIALIZED);
  }

  @Test
  void aPullIsHeldUntilAnEventComesAndAnsweredEmptyAtItsTimeout() {
    OnvifCamera c = connect(clock);
    PullPointSubscription s = c.events().subscribe(Duration.ofSeconds(60), "tns1:VideoSource/SignalLoss").join();
    assertThat(topics(s.pull(Duration.ofSeconds(1), 10).join())).containsExactly("tns1:VideoSource/SignalLoss");

    long t0 = System.nanoTime();
    assertThat(s.pull(SHORT, 10).join().events()).isEmpty(); // held for its timeout, then empty
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(SHORT.toNanos());

    long pulls = cam.requestCount("PullMessages");
    CompletableFuture<PullResult> held = s.pull(Duration.ofSeconds(30), 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> cam.requestCount("PullMessages") > pulls);
    assertThat(held).isNotDone();
    long raised = System.nanoTime();
    assertThat(cam.raise(CameraEventKind.VIDEO_LOSS, true)).isEqualTo(1);
    PullResult r = held.orTimeout(10, TimeUnit.SECONDS).join();
    assertThat(topics(r)).containsExactly("tns1:VideoSource/SignalLoss");
    assertThat(r.events().get(0).active()).contains(true);
    assertThat(Duration.ofNanos(System.nanoTime() - raised)).isLessThan(Duration.ofSeconds(5));
    // a pull keeps the subscription for at least its timeout afterwards (ONVIF Core 9.1.1)
    assertThat(r.terminationTime()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void topicFiltersSelectWhatASubscriptionReceives() {
    OnvifCamera c = connect(clock);
    PullPointSubscription rules = c.events().subscribe(Duration.ofSeconds(60), "tns1:RuleEngine//.").join();
    PullPointSubscription all = c.events().subscribe(Duration.ofSeconds(60), null).join();
    assertThat(topics(rules.pull(Duration.ofSeconds(1), 100).join()))
        .containsExactlyInAnyOrder(
            "tns1:RuleEngine/CellMotionDetector/Motion", "tns1:RuleEngine/FieldDetector/ObjectsInside");
    assertThat(all.pull(Duration.ofSeconds(1), 100).join().events()).hasSize(6);

    assertThat(cam.raise(CameraEventKind.TAMPER, true)).isEqualTo(1); // only the unfiltered one
    assertThat(cam.raise(CameraEventKind.FIELD_DETECTION, true)).isEqualTo(2);
    assertThat(topics(rules.pull(Duration.ofSeconds(1), 100).join()))
        .containsExactly("tns1:RuleEngine/FieldDetector/ObjectsInside");
    assertThat(topics(all.pull(Duration.ofSeconds(1), 100).join()))
        .containsExactly(
            "tns1:VideoSource/GlobalSceneChange/ImagingService", "tns1:RuleEngine/FieldDetector/ObjectsInside");

    OnvifException bad = failure(c.events().subscribe(Duration.ofSeconds(60), "tns1:RuleEngine//Foo//Bar"));
    assertThat(bad).hasMessageContaining("InvalidTopicExpressionFault");
  }

  @Test
  void subscriptionsEndAtTheirTerminationTimeUnlessRenewedAndOnUnsubscribe() {
    OnvifCamera c = connect(clock);
    PullPointSubscription shortLived = c.events().subscribe(Duration.ofSeconds(10), null).join();
    PullPointSubscription renewed = c.events().subscribe(Duration.ofSeconds(10), null).join();
    assertThat(renewed.renew(Duration.ofSeconds(120)).join()).isEqualTo(T0.plusSeconds(120));
    clock.advance(Duration.ofSeconds(11)); // the camera clock passes the first termination time
    OnvifException lost = failure(shortLived.pull(SHORT, 10));
    assertThat(lost.faultCode()).contains("ResourceUnknownFault");
    assertThat(renewed.pull(SHORT, 100).join().events()).hasSize(6);
    assertThat(cam.eventSubscriptionCount()).isEqualTo(1);

    renewed.unsubscribe().join();
    assertThat(cam.eventSubscriptionCount()).isZero();
    assertThat(failure(renewed.pull(SHORT, 10)).faultCode()).contains("ResourceUnknownFault");

    // at most 16 at once
    for (int i = 0; i < 16; i++) {
      c.events().subscribe(Duration.ofSeconds(60), null).join();
    }
    assertThat(failure(c.events().subscribe(Duration.ofSeconds(60), null)))
        .hasMessageContaining("SubscribeCreationFailedFault");
    clock.advance(Duration.ofSeconds(61)); // all end together: room again
    assertThat(c.events().subscribe(Duration.ofSeconds(60), null).join().terminationTime())
        .isEqualTo(T0.plusSeconds(11 + 61 + 60));
  }

  @Test
  void rebootDropsSubscriptionsAndHeldPullsFail() {
    OnvifCamera c = connect(clock);
    PullPointSubscription s = c.events().subscribe(Duration.ofSeconds(60), null).join();
    s.pull(SHORT, 100).join();
    long pulls = cam.requestCount("PullMessages");
    CompletableFuture<PullResult> held = s.pull(Duration.ofSeconds(30), 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> cam.requestCount("PullMessages") > pulls);
    cam.reboot();
    assertThat(failure(held.orTimeout(10, TimeUnit.SECONDS)).faultCode()).contains("ResourceUnknownFault");
    assertThat(cam.eventSubscriptionCount()).isZero();
  }

  @Test
  void anEventStreamMapsMotionToAnAlarmAndSubscribesAgainAfterAReboot() {
    OnvifCamera c = connect(Clock.systemUTC());
    List<CameraEvent> events = new CopyOnWriteArrayList<>();
    List<PullPointSubscription> subscribed = new CopyOnWriteArrayList<>();
    List<OnvifException> lost = new CopyOnWriteArrayList<>();
    OnvifEventListener listener =
        new OnvifEventListener() {
          @Override
          public void onEvent(CameraEvent event) {
            events.add(event);
          }

          @Override
          public void onSubscribed(PullPointSubscription subscription) {
            subscribed.add(subscription);
          }

          @Override
          public void onSubscriptionLost(OnvifException cause) {
            lost.add(cause);
          }
        };
    EventStreamConfig config =
        EventStreamConfig.create(
            b ->
                b.topicFilter("tns1:VideoSource/MotionAlarm")
                    .pullTimeout(Duration.ofSeconds(2))
                    .retry(Duration.ofMillis(100), Duration.ofSeconds(1)));
    try (OnvifEventStream stream = c.events().stream(config, listener).start()) {
      await().atMost(Duration.ofSeconds(15)).until(() -> events.size() == 1); // Initialized false
      cam.raise(CameraEventKind.MOTION, true);
      await().atMost(Duration.ofSeconds(15)).until(() -> alarms(events).size() == 1);
      SystemEvent alarm = alarms(events).get(0);
      assertThat(alarm.code()).isEqualTo(CameraAlarms.MOTION);
      assertThat(alarm.source()).isEqualTo("camera:yard");
      assertThat(alarm.restore()).isFalse();

      cam.reboot();
      await().atMost(Duration.ofSeconds(15)).until(() -> subscribed.size() == 2);
      assertThat(lost).isNotEmpty();
      assertThat(cam.eventSubscriptionCount()).isEqualTo(1);
      // the new subscription is told motion is still on, then gets its end
      await().atMost(Duration.ofSeconds(15)).until(() -> alarms(events).size() == 2);
      cam.raise(CameraEventKind.MOTION, false);
      await().atMost(Duration.ofSeconds(15)).until(() -> alarms(events).size() == 3);
      assertThat(alarms(events).get(1).extended()).anyMatch(f -> f.tag().equals("initialized"));
      assertThat(alarms(events).get(2).restore()).isTrue();
    }
  }

  private static List<SystemEvent> alarms(List<CameraEvent> events) {
    return events.stream()
        .map(e -> CameraAlarms.toAlarmEvent(e, "yard", null, "id", Instant.EPOCH))
        .flatMap(Optional::stream)
        .collect(Collectors.toList());
  }
}
