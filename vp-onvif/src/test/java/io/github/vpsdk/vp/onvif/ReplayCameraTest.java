package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.internal.Mapping;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client API driven against each vendor's recorded answers served on loopback. */
class ReplayCameraTest {

  static List<String> vendors() {
    return Captures.VENDORS;
  }

  /**
   * Snapshots are fetched with a blocking HTTP send from a task of the client's executor: with
   * the HTTP client on that same executor, as many concurrent snapshots as pool threads
   * deadlocked until their timeout (found by the OnvifLoad benchmark).
   */
  @org.junit.jupiter.api.Test
  void moreConcurrentSnapshotsThanPoolThreads() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try (ReplayCamera replay = new ReplayCamera("axis", "admin", "pa55");
        OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.executor(pool).requestTimeout(Duration.ofSeconds(20))))) {
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "pa55")).join();
      String token = cam.profiles().join().get(0).token();
      List<java.util.concurrent.CompletableFuture<Snapshot>> shots = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        shots.add(cam.snapshot(token));
      }
      for (java.util.concurrent.CompletableFuture<Snapshot> f : shots) {
        assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS).isJpeg()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void clientWorksAgainstRecordedCamera(String vendor) throws Exception {
    try (ReplayCamera replay = new ReplayCamera(vendor, "admin", "pa55");
        OnvifClient client =
            OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "pa55")).join();
      assertThat(replay.soapCalls.get(0)).startsWith("GetSystemDateAndTime@");
      assertThat(cam.lastCameraTime().cameraUtc()).isNotNull();
      // every announced address points at the recorded camera's LAN: rewritten to the given host
      assertThat(cam.services().byNamespace().values())
          .allMatch(u -> u.getPort() == replay.deviceUri().getPort() && "127.0.0.1".equals(u.getHost()));
      assertThat(cam.services().address(ServiceAddresses.MEDIA)).isPresent();
      // Axis answers GetServices with a fault: the client falls back to GetCapabilities
      assertThat(cam.services().fromGetServices())
          .isEqualTo(Captures.exists(Captures.file(vendor, "core", "GetServices.Response.xml")));

      DeviceInfo expected =
          Mapping.deviceInfo(
              Captures.parse(
                  Captures.file(vendor, "core", "GetDeviceInformation.Response.xml"),
                  GetDeviceInformationResponse.class));
      assertThat(cam.deviceInfo().join()).isEqualTo(expected);
      assertThat(cam.scopes().join()).isNotEmpty();
      assertThat(cam.networkInterfaces().join()).isNotEmpty();

      List<MediaProfile> profiles = cam.profiles().join();
      assertThat(profiles).isNotEmpty();
      String token = profiles.get(0).token();
      StreamUri stream = cam.streamUri(token).join();
      assertThat(stream.uri().getScheme()).isEqualTo("rtsp");
      assertThat(stream.uri().getHost()).isEqualTo("127.0.0.1");

      URI snap = cam.snapshotUri(token).join();
      assertThat(snap.getPort()).isEqualTo(replay.deviceUri().getPort());
      Snapshot image = cam.snapshot(token).join();
      assertThat(image.bytes()).isEqualTo(ReplayCamera.JPEG);
      assertThat(image.contentType()).isEqualTo("image/jpeg");
      assertThat(image.isJpeg()).isTrue();
      assertThat(replay.snapshotRequests).hasSize(2); // challenge, then digest answer

      if (Captures.exists(Captures.file(vendor, "ptz", "GetPresets.Response.xml"))) {
        assertThat(cam.services().address(ServiceAddresses.PTZ)).isPresent();
        assertThat(cam.presets(token).join()).allMatch(p -> !p.token().isEmpty());
        assertThat(cam.ptzStatus(token).join().panTiltMoving()).isIn("IDLE", "MOVING", "UNKNOWN");
        cam.continuousMove(token, new PtzSpeed(0.2, 0, 0), Duration.ofSeconds(1)).join();
        cam.stop(token).join();
        cam.absoluteMove(token, new PtzVector(0, 0, 0), null).join();
        cam.relativeMove(token, new PtzVector(0.1, 0, 0), new PtzSpeed(1, 1, 1)).join();
        cam.gotoHome(token, null).join();
        assertThat(cam.setPreset(token, "vp", null).join()).isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void eventsWorkAgainstRecordedCamera(String vendor) throws Exception {
    try (ReplayCamera replay = new ReplayCamera(vendor, "admin", "pa55");
        OnvifClient client =
            OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "pa55")).join();
      assertThat(cam.services().address(ServiceAddresses.EVENTS)).isPresent();
      List<EventTopic> topics = cam.events().topics().join();
      assertThat(topics).isNotEmpty();

      PullPointSubscription sub = cam.events().subscribe(Duration.ofSeconds(60), "tns1:RuleEngine//.").join();
      assertThat(sub.address().getPort()).isEqualTo(replay.deviceUri().getPort());
      String create = lastRequest(replay, "CreatePullPointSubscription");
      assertThat(create).contains("TopicExpression").contains("http://www.onvif.org/ver10/topics");
      assertThat(create).contains("http://www.onvif.org/ver10/events/wsdl/EventPortType/CreatePullPointSubscriptionRequest");

      var pulled = sub.pull(Duration.ofSeconds(5), 100);
      if (vendor.equals("axis")) {
        assertThat(sub.referenceParameters()).containsValue("5");
        // the recorded Axis answer to PullMessages is an InvalidArgs fault
        try {
          pulled.join();
          throw new AssertionError("expected the recorded fault");
        } catch (CompletionException e) {
          assertThat(((OnvifException) e.getCause()).kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
        }
      } else {
        assertThat(sub.referenceParameters()).hasSize(vendor.equals("pelco") ? 1 : 0);
        assertThat(pulled.join().terminationTime()).isNotNull();
        assertThat(cam.events().capabilities().join().pullPoint()).isTrue();
        sub.synchronize().join();
      }
      String pull = lastRequest(replay, "PullMessages");
      assertThat(pull).contains("PullPointSubscription/PullMessagesRequest").contains("urn:uuid:");
      if (vendor.equals("pelco")) {
        assertThat(pull).containsPattern("SubscriptionId[^>]*IsReferenceParameter=\"true\"[^>]*>urn:uuid:");
      }
      if (vendor.equals("axis")) {
        assertThat(pull).containsPattern("SubscriptionId[^>]*IsReferenceParameter=\"true\"[^>]*>5");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void relayOutputsOfRecordedCamera(String vendor) throws Exception {
    try (ReplayCamera replay = new ReplayCamera(vendor, "admin", "pa55");
        OnvifClient client =
            OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "pa55")).join();
      List<RelayOutput> relays = cam.io().relayOutputs().join();
      switch (vendor) {
        case "hikvision": // the "fixed" recording comes from a unit without relays
          assertThat(relays)
              .containsExactly(
                  new RelayOutput("AlarmOut_0", "Monostable", Duration.ofSeconds(5), "closed"),
                  new RelayOutput("AlarmOut_1", "Monostable", Duration.ofSeconds(5), "closed"));
          break;
        case "pelco":
          assertThat(relays).containsExactly(new RelayOutput("PCP2##0", "Monostable", Duration.ZERO, "open"));
          break;
        default:
          assertThat(relays).isEmpty();
      }
    }
  }

  static String lastRequest(ReplayCamera replay, String op) {
    String last = null;
    for (var e : replay.rawRequests) {
      if (e.getKey().equals(op)) {
        last = e.getValue();
      }
    }
    assertThat(last).as(op).isNotNull();
    return last;
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void wrongSnapshotPasswordIsAnAuthenticationFailure(String vendor) throws Exception {
    try (ReplayCamera replay = new ReplayCamera(vendor, "admin", "pa55");
        OnvifClient client = OnvifClient.create(OnvifConfig.defaults())) {
      // the replay camera does not check WS-Security, only the snapshot's HTTP digest
      OnvifCamera cam = client.connect(replay.deviceUri(), Credentials.of("admin", "nope")).join();
      URI snap = replay.deviceUri().resolve("/snapshot.jpg");
      try {
        cam.snapshot(snap).join();
        throw new AssertionError("expected a failure");
      } catch (CompletionException e) {
        assertThat(e.getCause()).isInstanceOf(OnvifException.class);
        assertThat(((OnvifException) e.getCause()).kind()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
      }
    }
  }
}
