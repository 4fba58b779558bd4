package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscription;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PropertyOperation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** PullPoint subscriptions and the self-healing stream against an Axis-like fake, by a manual clock. */
class EventStreamTest {
  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  MutableClock clock = new MutableClock(START);
  ManualEventScheduler scheduler = new ManualEventScheduler();
  FakeEventCamera fake;
  OnvifClient client;
  OnvifCamera camera;
  final List<CameraEvent> events = new CopyOnWriteArrayList<>();
  final List<String> happenings = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    fake = new FakeEventCamera(clock).start();
    client =
        OnvifClient.create(
            OnvifConfig.create(b -> b.clock(clock).requestTimeout(Duration.ofSeconds(10))));
    camera = client.connect(fake.cam.deviceUri(), Credentials.of("operator", "pw")).join();
  }

  @AfterEach
  void tearDown() {
    client.close();
    fake.close();
  }

  OnvifEventListener listener() {
    return new OnvifEventListener() {
      @Override
      public void onEvent(CameraEvent event) {
        events.add(event);
      }

      @Override
      public void onSubscribed(PullPointSubscription s) {
        happenings.add("subscribed " + s.referenceParameters().values());
      }

      @Override
      public void onSubscriptionLost(OnvifException cause) {
        happenings.add("lost " + cause.kind());
      }

      @Override
      public void onError(OnvifException error) {
        happenings.add("error " + error.kind());
      }
    };
  }

  EventStreamConfig config() {
    return EventStreamConfig.create(
        b ->
            b.scheduler(scheduler)
                .initialTermination(Duration.ofSeconds(60))
                .pullTimeout(Duration.ofSeconds(10))
                .renewMargin(Duration.ofSeconds(10))
                .topicFilter("tns1:VideoSource//.|tns1:RuleEngine//."));
  }

  @Test
  void streamPullsRenewsBeforeTerminationAndResubscribesAfterReboot() {
    OnvifEventStream stream = camera.events().stream(config(), listener()).start();

    assertThat(scheduler.runNext()).isZero(); // create
    await().until(() -> happenings.contains("subscribed [1]"));
    assertThat(fake.subscriptionLog).containsExactly("create 1");
    CreatePullPointSubscription create = (CreatePullPointSubscription) fake.createRequests.get(0);
    assertThat(create.getInitialTerminationTime().getValue()).isEqualTo("PT1M");
    assertThat(create.getFilter().getAny()).hasSize(1);

    fake.queue(
        "tns1:VideoSource/MotionAlarm",
        PropertyOperation.CHANGED,
        Map.of("Source", "VideoSource_1"),
        Map.of("State", "true"));
    assertThat(scheduler.runNext()).isZero(); // pull
    await().until(() -> events.size() == 1);
    CameraEvent motion = events.get(0);
    assertThat(motion.topic()).isEqualTo("tns1:VideoSource/MotionAlarm");
    assertThat(motion.operation()).isEqualTo(CameraEvent.Operation.CHANGED);
    assertThat(motion.source()).containsEntry("Source", "VideoSource_1");
    assertThat(motion.active()).contains(true);
    assertThat(motion.utcTime()).isEqualTo(START);

    // every subscription request carries the WS-Addressing headers and the echoed parameter
    List<Element> headers = fake.cam.lastHeaders("PullMessages");
    assertThat(header(headers, FakeEventCamera.WSA, "Action"))
        .isEqualTo("http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest");
    assertThat(header(headers, FakeEventCamera.WSA, "To")).endsWith("/onvif/subscription");
    assertThat(header(headers, FakeEventCamera.WSA, "MessageID")).startsWith("urn:uuid:");
    assertThat(header(headers, FakeEventCamera.AXIS_EVENT, "SubscriptionId")).isEqualTo("1");

    // 35 s later a pull still fits before the 60 s termination (35 + 10 + 10 < 60)
    clock.advance(Duration.ofSeconds(35));
    scheduler.runNext();
    await().until(() -> fake.subscriptionLog.size() == 3);
    assertThat(fake.subscriptionLog.get(2)).isEqualTo("pull 1");

    // 45 s after creation it does not: the stream renews
    clock.advance(Duration.ofSeconds(10));
    scheduler.runNext();
    await().until(() -> fake.subscriptionLog.size() == 4);
    assertThat(fake.subscriptionLog.get(3)).isEqualTo("renew 1 PT1M");
    assertThat(header(fake.cam.lastHeaders("Renew"), FakeEventCamera.WSA, "Action"))
        .isEqualTo("http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest");
    assertThat(header(fake.cam.lastHeaders("Renew"), FakeEventCamera.AXIS_EVENT, "SubscriptionId"))
        .isEqualTo("1");
    assertThat(fake.subscriptions.get("1")).isEqualTo(START.plusSeconds(45 + 60));
    scheduler.runNext(); // and pulls again
    await().until(() -> fake.subscriptionLog.size() == 5);
    assertThat(fake.subscriptionLog.get(4)).isEqualTo("pull 1");

    // the camera restarts: the next pull fails, the stream subscribes again at once
    fake.reboot();
    scheduler.runNext();
    await().until(() -> happenings.contains("lost DEVICE_FAULT"));
    assertThat(scheduler.runNext()).isZero();
    await().until(() -> happenings.contains("subscribed [2]"));
    fake.queue(
        "tns1:RuleEngine/CellMotionDetector/Motion",
        PropertyOperation.CHANGED,
        Map.of("VideoSourceConfigurationToken", "vsc1", "Rule", "MyMotion"),
        Map.of("IsMotion", "false"));
    scheduler.runNext();
    await().until(() -> events.size() == 2);
    assertThat(fake.subscriptionLog).endsWith("create 2", "pull 2");
    assertThat(events.get(1).active()).contains(false);
    assertThat(stream.stats())
        .isEqualTo(new OnvifEventStream.Stats(2, 4, 2, 1, 1, 1));

    stream.close();
    await().until(() -> fake.subscriptionLog.contains("unsubscribe 2"));
    assertThat(stream.state()).isEqualTo(OnvifEventStream.State.CLOSED);
  }

  @Test
  void refusedCreationsBackOffExponentiallyAndRecover() {
    fake.refuseCreate = true;
    OnvifEventStream stream =
        camera
            .events()
            .stream(
                EventStreamConfig.create(
                    b -> b.scheduler(scheduler).retry(Duration.ofSeconds(1), Duration.ofSeconds(5))),
                listener())
            .start();
    scheduler.runNext();
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(1));
    scheduler.runNext();
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(2));
    scheduler.runNext();
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(4));
    scheduler.runNext();
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(5)); // capped
    assertThat(stream.state()).isEqualTo(OnvifEventStream.State.RETRYING);
    fake.refuseCreate = false;
    scheduler.runNext();
    await().until(() -> happenings.contains("subscribed [1]"));
    assertThat(happenings).filteredOn(h -> h.startsWith("error")).hasSize(4);
    scheduler.runNext(); // first successful pull resets the back-off
    await().until(() -> stream.stats().pulls() == 1);
    fake.reboot();
    scheduler.runNext();
    assertThat(scheduler.peekDelay()).isZero(); // first loss after success: at once
    stream.close();
  }

  @Test
  void unreachableCameraKeepsTheSubscriptionUntilItsTerminationTime() throws Exception {
    // through a relay that the test shuts: closing the fake's Jetty engine is not deterministic
    // (CXF may keep it listening, or a kept-alive connection may hang until the request timeout)
    TcpGate gate = new TcpGate(fake.cam.port);
    OnvifCamera gated =
        client
            .connect(
                java.net.URI.create("http://127.0.0.1:" + gate.port() + "/onvif/device_service"),
                Credentials.of("operator", "pw"))
            .join();
    OnvifEventStream stream =
        gated
            .events()
            .stream(
                EventStreamConfig.create(
                    b -> b.scheduler(scheduler).retry(Duration.ofSeconds(2), Duration.ofSeconds(8))),
                listener())
            .start();
    scheduler.runNext();
    await().until(() -> happenings.contains("subscribed [1]"));
    gate.shut(); // the camera goes away (power cut, network): connections refused and cut
    scheduler.runNext();
    await().untilAsserted(() -> assertThat(happenings).contains("error UNREACHABLE"));
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(stream.subscription()).isNotNull(); // still valid by its termination time
    clock.advance(Duration.ofSeconds(2));
    scheduler.runNext(); // 2 s after creation the renew is not due yet: pull, fails again
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(4));
    assertThat(stream.stats().losses()).isZero();
    clock.advance(Duration.ofSeconds(60)); // past the 60 s termination
    scheduler.runNext();
    await().until(() -> stream.stats().losses() == 1);
    assertThat(stream.subscription()).isNull();
    assertThat(happenings).contains("lost UNREACHABLE");
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(4)); // third failure in a row
    scheduler.runNext(); // re-subscribing fails too: the back-off keeps growing, capped
    assertThat(scheduler.peekDelay()).isEqualTo(Duration.ofSeconds(8));
    assertThat(stream.state()).isEqualTo(OnvifEventStream.State.RETRYING);
    stream.close();
    gate.close();
  }

  @Test
  void camerasThatExtendOnPullAreNeverRenewed() {
    fake.extendOnPull = true;
    OnvifEventStream stream = camera.events().stream(config(), listener()).start();
    scheduler.runNext();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(30));
      scheduler.runNext();
      int n = i;
      await().until(() -> stream.stats().pulls() == n + 1);
    }
    assertThat(fake.subscriptionLog).noneMatch(s -> s.startsWith("renew"));
    assertThat(stream.stats().subscriptions()).isEqualTo(1);
    stream.close();
  }

  @Test
  void lowLevelSubscriptionEchoesReferenceParametersAndTheFakeRefusesWithout() {
    PullPointSubscription sub =
        camera.events().subscribe(Duration.ofSeconds(30), null).join();
    assertThat(sub.referenceParameters())
        .containsExactly(Map.entry("{" + FakeEventCamera.AXIS_EVENT + "}SubscriptionId", "1"));
    assertThat(sub.address().getPort()).isEqualTo(fake.cam.deviceUri().getPort());
    assertThat(sub.terminationTime()).isEqualTo(START.plusSeconds(30));
    fake.queue("tns1:Device/Trigger/DigitalInput", PropertyOperation.CHANGED,
        Map.of("InputToken", "DI_1"), Map.of("LogicalState", "true"));
    PullResult r = sub.pull(Duration.ofSeconds(5), 10).join();
    assertThat(r.events()).hasSize(1);
    assertThat(r.currentTime()).isEqualTo(START);

    // the same request without the reference parameter is refused: the check above is real
    var bare =
        camera
            .session()
            .addressedProxy(
                io.github.vpsdk.vp.onvif.internal.wsdl.events.PullPointSubscription.class,
                sub.address(),
                List.of(),
                false);
    PullMessages req = new PullMessages();
    req.setTimeout(OnvifCamera.toXml(Duration.ofSeconds(1)));
    req.setMessageLimit(1);
    try {
      bare.pullMessages(req);
      throw new AssertionError("expected a fault");
    } catch (Exception e) {
      assertThat(io.github.vpsdk.vp.onvif.internal.Faults.map(e, "PullMessages").faultCode())
          .isEqualTo("InvalidArgs");
    }

    assertThat(sub.renew(Duration.ofSeconds(90)).join()).isEqualTo(START.plusSeconds(90));
    sub.unsubscribe().join();
    assertThat(fake.subscriptions).isEmpty();
    try {
      sub.pull(Duration.ofSeconds(1), 1).join();
      throw new AssertionError("expected a failure");
    } catch (CompletionException e) {
      assertThat(((OnvifException) e.getCause()).kind()).isEqualTo(OnvifException.Kind.DEVICE_FAULT);
    }
  }

  @Test
  void pulledEventsBecomeAlarmEvents() {
    PullPointSubscription sub = camera.events().subscribe(Duration.ofSeconds(30), null).join();
    fake.queue("tns1:VideoSource/GlobalSceneChange/ImagingService", PropertyOperation.CHANGED,
        Map.of("Source", "VS1"), Map.of("State", "true"));
    CameraEvent e = sub.pull(Duration.ofSeconds(5), 10).join().events().get(0);
    SystemEvent alarm =
        CameraAlarms.toAlarmEvent(e, "hall-1", "site-9", "evt-1", clock.instant()).orElseThrow();
    assertThat(alarm.source()).isEqualTo("camera:hall-1");
    assertThat(alarm.category()).isEqualTo(EventCategory.TAMPER);
    assertThat(alarm.code()).isEqualTo(CameraAlarms.TAMPER);
    assertThat(alarm.extended("sia")).contains("TA");
    assertThat(alarm.extended("src.Source")).contains("VS1");
  }

  static String header(List<Element> headers, String ns, String local) {
    for (Element e : headers) {
      if (ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
        return e.getTextContent().trim();
      }
    }
    throw new AssertionError("no header " + local + " in " + headers.size() + " headers");
  }
}
