package io.github.vpsdk.vp.testkit.camera;

import static io.github.vpsdk.vp.testkit.camera.OnvifFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.CameraEvent;
import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.PullPointSubscription;
import io.github.vpsdk.vp.onvif.PullResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many simulated cameras in one JVM share a CXF bus, a selector and a thread pool, yet each answers
 * as itself: its own port, credentials, clock, PTZ head, events and faults; closing one leaves the
 * others serving, and closing the last frees the shared threads.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManySimulatedCamerasTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final int CAMERAS = 20;

  final MutableClock clock = new MutableClock(T0);
  final List<SimulatedCamera> cams = new ArrayList<>();
  OnvifClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    for (SimulatedCamera c : cams) {
      c.close();
    }
  }

  static String password(int i) {
    return "pw-" + i;
  }

  /** Threads of the cameras' shared runtime (Jetty pool, scheduler, selector). */
  static long cameraThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("vp-camera"))
        .count();
  }

  private OnvifCamera connect(int i, String password) {
    return client.connect(cams.get(i).xaddr(), Credentials.of("admin", password)).join();
  }

  private static List<String> changedTopics(PullResult r) {
    return r.events().stream()
        .filter(e -> e.operation() == CameraEvent.Operation.CHANGED)
        .map(CameraEvent::topic)
        .collect(Collectors.toList());
  }

  @Test
  void eachCameraAnswersAsItselfAndTheLastOneToCloseFreesTheSharedThreads() {
    // no camera runs before the test (a camera closed by an earlier test may still be stopping)
    await().atMost(Duration.ofSeconds(20)).until(() -> cameraThreads() == 0);
    for (int i = 0; i < CAMERAS; i++) {
      cams.add(
          SimulatedCamera.builder()
              .name("cam-" + i)
              .identity("ACME", "Sim", "1.0", "SN-" + i)
              .credentials("admin", password(i))
              .clock(clock)
              .clockSkew(Duration.ofMinutes(i))
              .ptz(i % 2 == 0)
              .build()
              .start());
    }
    Set<Integer> ports = new HashSet<>();
    for (SimulatedCamera c : cams) {
      ports.add(c.port());
    }
    assertThat(ports).hasSize(CAMERAS);
    // before sharing, each camera held two threads of its own
    assertThat(cameraThreads()).isLessThan(CAMERAS);

    client = OnvifClient.create(OnvifConfig.create(b -> b.clock(clock).requestTimeout(Duration.ofSeconds(10))
        .connectTimeout(Duration.ofSeconds(2))));
    OnvifCamera c0 = connect(0, password(0));
    OnvifCamera c1 = connect(1, password(1));
    OnvifCamera c2 = connect(2, password(2));
    OnvifCamera c4 = connect(4, password(4));

    // identity, credentials and clock are each camera's own
    assertThat(c0.deviceInfo().join().serialNumber()).isEqualTo("SN-0");
    assertThat(c1.deviceInfo().join().serialNumber()).isEqualTo("SN-1");
    assertThat(c2.lastCameraTime().offset()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c4.lastCameraTime().offset()).isEqualTo(Duration.ofMinutes(4));
    long refused = cams.get(3).requestCount("NotAuthorized");
    assertThat(failure(client.connect(cams.get(3).xaddr(), Credentials.of("admin", password(1)))
        .thenCompose(OnvifCamera::deviceInfo)).kind()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
    assertThat(cams.get(3).requestCount("NotAuthorized")).isGreaterThan(refused);
    assertThat(cams.get(1).requestCount("NotAuthorized")).isZero();

    // profiles and snapshots
    assertThat(c1.profiles().join()).isNotEmpty();
    assertThat(c4.snapshot("profile_sub").join().isJpeg()).isTrue();
    assertThat(cams.get(4).requestCount("Snapshot")).isPositive();
    assertThat(cams.get(2).requestCount("Snapshot")).isZero();

    // PTZ: a preset set on one head is not on another; a camera without PTZ has none
    String p = "profile_main";
    c0.absoluteMove(p, new PtzVector(0.5, 0.5, 0.5), null).join();
    clock.advance(Duration.ofSeconds(5));
    String door = c0.setPreset(p, "door", null).join();
    assertThat(c0.presets(p).join()).extracting(PtzPreset::name).contains("door");
    assertThat(c2.presets(p).join()).extracting(PtzPreset::name).doesNotContain("door");
    c0.gotoPreset(p, door, null).join();
    assertThat(cams.get(0).ptzPosition().pan()).isCloseTo(0.5, within(1e-6));
    assertThat(cams.get(2).ptzPosition().pan()).isCloseTo(0.0, within(1e-6));
    assertThat(failure(c1.ptzStatus(p)).kind()).isEqualTo(OnvifException.Kind.NOT_SUPPORTED);

    // events: raised on one camera, pulled from that camera only
    PullPointSubscription s0 = c0.events().subscribe(Duration.ofSeconds(60), null).join();
    PullPointSubscription s2 = c2.events().subscribe(Duration.ofSeconds(60), null).join();
    assertThat(s0.address().getPort()).isEqualTo(cams.get(0).port());
    assertThat(cams.get(0).eventSubscriptionCount()).isEqualTo(1);
    assertThat(cams.get(1).eventSubscriptionCount()).isZero();
    s0.pull(Duration.ofSeconds(1), 100).join(); // the initial states
    s2.pull(Duration.ofSeconds(1), 100).join();
    cams.get(2).raise(CameraEventKind.MOTION, true);
    cams.get(0).raise(CameraEventKind.TAMPER, true);
    assertThat(changedTopics(s2.pull(Duration.ofSeconds(1), 100).join())).isNotEmpty()
        .allMatch(t -> t.contains("Motion"));
    assertThat(changedTopics(s0.pull(Duration.ofSeconds(1), 100).join())).isNotEmpty()
        .noneMatch(t -> t.contains("Motion"));

    // one camera offline, the others answer
    cams.get(4).goOffline(OfflineMode.REFUSE);
    OnvifCamera c6 = connect(6, password(6));
    assertThat(c6.deviceInfo().join().serialNumber()).isEqualTo("SN-6");
    cams.get(4).goOnline();
    assertThat(c4.deviceInfo().join().serialNumber()).isEqualTo("SN-4");

    // closing one camera leaves the others serving, its port closed
    cams.get(0).close();
    assertThat(failure(c0.deviceInfo()).kind()).isIn(OnvifException.Kind.UNREACHABLE, OnvifException.Kind.TIMEOUT);
    assertThat(c2.deviceInfo().join().serialNumber()).isEqualTo("SN-2");
    cams.get(2).raise(CameraEventKind.MOTION, false);
    assertThat(changedTopics(s2.pull(Duration.ofSeconds(1), 100).join())).isNotEmpty();
    assertThat(c1.profiles().join()).isNotEmpty();

    // the last one to close frees the shared bus, selector and threads
    client.close();
    client = null;
    for (SimulatedCamera c : cams) {
      c.close();
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> cameraThreads() == 0);

    // and a camera started afterwards builds them again
    try (SimulatedCamera again = SimulatedCamera.builder().credentials("admin", "pw").build().start()) {
      client = OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(10))));
      OnvifCamera c = client.connect(again.xaddr(), Credentials.of("admin", "pw")).join();
      assertThat(c.deviceInfo().join().model()).isNotEmpty();
    }
  }
}
