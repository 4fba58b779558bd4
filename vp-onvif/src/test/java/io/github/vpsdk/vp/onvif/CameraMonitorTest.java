package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServicesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTimeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Service;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.MediaProfile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Date;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SetDateTimeType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SystemDateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Time;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The health monitor against the CXF fake camera on loopback, with time moved by hand. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CameraMonitorTest {
  static final Instant START = Instant.parse("2026-11-23T06:00:00Z");
  static final Duration INTERVAL = Duration.ofSeconds(30);
  static final Credentials CREDS = Credentials.of("operator", "pw-not-logged");

  final ManualScheduler time = new ManualScheduler(START);
  final List<SystemEvent> events = new CopyOnWriteArrayList<>();
  volatile boolean snapshotOk = true;
  FakeCamera fake;
  TcpGate gate;
  HttpServer snapshots;
  OnvifClient client;
  CameraMonitor monitor;

  @BeforeEach
  void setUp() throws Exception {
    fake = new FakeCamera(CREDS.username(), CREDS.password(), time);
    fake.handlers.put("Device.getSystemDateAndTime", r -> time(fake.clock.instant()));
    fake.handlers.put(
        "Device.getDeviceInformation",
        r -> {
          var out = new GetDeviceInformationResponse();
          out.setManufacturer("ACME");
          out.setModel("Dome-9");
          out.setFirmwareVersion("1");
          out.setSerialNumber("SN");
          out.setHardwareId("HW");
          return out;
        });
    fake.handlers.put(
        "Device.getServices",
        r -> {
          var out = new GetServicesResponse();
          Service s = new Service();
          s.setNamespace(ServiceAddresses.MEDIA2);
          s.setXAddr("http://127.0.0.1:" + gate.port() + "/onvif/media2");
          out.getService().add(s);
          return out;
        });
    fake.handlers.put(
        "Media2.getProfiles",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfilesResponse();
          MediaProfile p = new MediaProfile();
          p.setToken("main");
          p.setName("Main");
          out.getProfiles().add(p);
          return out;
        });
    fake.handlers.put(
        "Media2.getSnapshotUri",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUriResponse();
          out.setUri("http://127.0.0.1:" + snapshots.getAddress().getPort() + "/snap.jpg");
          return out;
        });
    fake.start();
    gate = new TcpGate(fake.port);
    snapshots = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    snapshots.createContext(
        "/snap.jpg",
        ex -> {
          byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
          if (snapshotOk) {
            ex.getResponseHeaders().add("Content-Type", "image/jpeg");
            ex.sendResponseHeaders(200, jpeg.length);
            ex.getResponseBody().write(jpeg);
          } else {
            ex.sendResponseHeaders(500, -1);
          }
          ex.close();
        });
    snapshots.start();
    client =
        OnvifClient.create(
            OnvifConfig.create(
                b ->
                    b.clock(time)
                        .rewriteServiceAddresses(false)
                        .connectTimeout(Duration.ofSeconds(2))
                        .requestTimeout(Duration.ofSeconds(5))));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (monitor != null) {
      monitor.close();
    }
    client.close();
    snapshots.stop(0);
    gate.close();
    fake.close();
  }

  URI device() {
    return URI.create("http://127.0.0.1:" + gate.port() + "/onvif/device_service");
  }

  CameraMonitor monitor(java.util.function.Consumer<MonitorConfig.Builder> more) {
    monitor =
        CameraMonitor.create(
            MonitorConfig.create(
                b -> {
                  b.clock(time).scheduler(time).interval(INTERVAL).failuresBeforeAlarm(2)
                      .clockDriftThreshold(Duration.ofSeconds(10));
                  more.accept(b);
                }),
            events::add);
    return monitor;
  }

  /** Moves time and waits for the poll round the timer started. */
  void tick(Duration d) {
    time.advance(d);
    monitor.lastRound().orTimeout(30, TimeUnit.SECONDS).join();
  }

  List<String> codes() {
    return events.stream().map(e -> e.code().text()).collect(Collectors.toList());
  }

  @Test
  void lostAfterConsecutiveFailuresAndRestoredWhenBack() throws Exception {
    monitor(b -> {});
    monitor.add("hall-1", "site-42", device(), CREDS, client);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    monitor.add("ghost", null, URI.create("http://127.0.0.1:" + closedPort + "/onvif/device_service"), CREDS, client);
    monitor.start();

    tick(Duration.ZERO);
    CameraHealth h = monitor.health("hall-1").orElseThrow();
    assertThat(h.status()).isEqualTo(CameraHealth.Status.REACHABLE);
    assertThat(h.lastSeen()).isEqualTo(START);
    assertThat(h.clockDrift()).isEqualTo(Duration.ZERO);
    assertThat(monitor.health("ghost").orElseThrow().status()).isEqualTo(CameraHealth.Status.UNKNOWN);
    assertThat(monitor.health("ghost").orElseThrow().lastError()).isEqualTo(OnvifException.Kind.UNREACHABLE);
    assertThat(events).isEmpty();

    tick(INTERVAL); // ghost fails twice: lost, never seen
    assertThat(codes()).containsExactly("CAMERA_LOST");
    SystemEvent ghostLost = events.get(0);
    assertThat(ghostLost.source()).isEqualTo("camera:ghost");
    assertThat(ghostLost.extended("last-seen")).isEmpty();
    assertThat(ghostLost.extended("error")).contains("unreachable");

    gate.shut(); // the camera is switched off
    tick(INTERVAL);
    assertThat(monitor.health("hall-1").orElseThrow().consecutiveFailures()).isEqualTo(1);
    assertThat(monitor.health("hall-1").orElseThrow().status()).isEqualTo(CameraHealth.Status.REACHABLE);
    assertThat(codes()).containsExactly("CAMERA_LOST"); // one failure is not enough
    tick(INTERVAL);
    tick(INTERVAL);
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_LOST", "CAMERA_LOST"); // once per outage
    SystemEvent lost = events.get(1);
    Instant lostAt = START.plus(INTERVAL.multipliedBy(3));
    assertThat(lost)
        .isEqualTo(
            new SystemEvent(
                "cam-hall-1-" + lostAt.toEpochMilli() + "-camera_lost",
                null,
                "site-42",
                "camera:hall-1",
                CameraMonitor.CAMERA_LOST,
                EventCategory.TROUBLE,
                Priority.MEDIUM,
                false,
                lostAt,
                "camera hall-1 does not answer (2 polls)",
                List.of(
                    new ExtendedField("camera-address", device().toString()),
                    new ExtendedField("error", "unreachable"),
                    new ExtendedField("failures", "2"),
                    new ExtendedField("last-seen", START.plus(INTERVAL).toString()))));
    assertThat(monitor.health("hall-1").orElseThrow().status()).isEqualTo(CameraHealth.Status.UNREACHABLE);

    gate.open(); // back on the same port
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_LOST", "CAMERA_LOST", "CAMERA_RESTORED");
    SystemEvent restored = events.get(2);
    assertThat(restored.restore()).isTrue();
    assertThat(restored.priority()).isEqualTo(Priority.LOW);
    assertThat(restored.occurredAt()).isEqualTo(time.instant());
    assertThat(monitor.health("hall-1").orElseThrow().status()).isEqualTo(CameraHealth.Status.REACHABLE);
    assertThat(events.toString()).doesNotContain(CREDS.password());
  }

  @Test
  void clockDriftRaisedBeyondTheThresholdAndRestoredWithinHalf() {
    monitor(b -> {});
    OnvifCamera cam = client.connect(device(), CREDS).join();
    monitor.add("hall-1", null, cam);
    monitor.start();
    tick(Duration.ZERO);
    assertThat(events).isEmpty();

    fake.clock = Clock.offset(time, Duration.ofMinutes(-3)); // camera clock reset behind
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_CLOCK_DRIFT");
    assertThat(events.get(0).extended("drift-ms")).contains("-180000");
    assertThat(events.get(0).priority()).isEqualTo(Priority.LOW);
    assertThat(monitor.health("hall-1").orElseThrow().clockAlarm()).isTrue();
    tick(INTERVAL);
    assertThat(codes()).hasSize(1);

    fake.clock = Clock.offset(time, Duration.ofSeconds(7)); // better, but above half the threshold
    tick(INTERVAL);
    assertThat(codes()).hasSize(1);
    assertThat(monitor.health("hall-1").orElseThrow().clockDrift()).isEqualTo(Duration.ofSeconds(7));

    fake.clock = Clock.offset(time, Duration.ofSeconds(2));
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_CLOCK_DRIFT", "CAMERA_CLOCK_RESTORED");
    assertThat(events.get(1).restore()).isTrue();
    assertThat(monitor.health("hall-1").orElseThrow().clockAlarm()).isFalse();
  }

  @Test
  void snapshotFailureRaisedAfterConsecutiveFailuresAndRestored() {
    monitor(b -> b.snapshotCheck(true));
    monitor.add("hall-1", "site-42", device(), CREDS, client);
    monitor.start();
    tick(Duration.ZERO);
    assertThat(events).isEmpty();
    assertThat(monitor.health("hall-1").orElseThrow().snapshotAlarm()).isFalse();

    snapshotOk = false;
    tick(INTERVAL);
    assertThat(events).isEmpty();
    tick(INTERVAL);
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_SNAPSHOT_FAILED");
    assertThat(events.get(0).extended("error")).isPresent();
    assertThat(monitor.health("hall-1").orElseThrow().snapshotAlarm()).isTrue();
    assertThat(monitor.health("hall-1").orElseThrow().status()).isEqualTo(CameraHealth.Status.REACHABLE);

    snapshotOk = true;
    tick(INTERVAL);
    assertThat(codes()).containsExactly("CAMERA_SNAPSHOT_FAILED", "CAMERA_SNAPSHOT_RESTORED");
    assertThat(fake.calls.stream().filter("Media2.getProfiles"::equals).count()).isEqualTo(1); // token kept
  }

  @Test
  void pollsAtMostMaxConcurrentCamerasAtOnce() {
    monitor(b -> b.maxConcurrent(2));
    for (int i = 0; i < 5; i++) {
      monitor.add("cam-" + i, null, client.connect(device(), CREDS).join());
    }
    AtomicInteger active = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    fake.handlers.put(
        "Device.getSystemDateAndTime",
        r -> {
          most.accumulateAndGet(active.incrementAndGet(), Math::max);
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          active.decrementAndGet();
          return time(fake.clock.instant());
        });
    var round = monitor.pollNow();
    await().atMost(Duration.ofSeconds(20)).until(() -> active.get() == 2);
    assertThat(monitor.pollNow()).isNotDone(); // cameras already being polled are not queued twice
    release.countDown();
    round.orTimeout(30, TimeUnit.SECONDS).join();
    assertThat(most.get()).isEqualTo(2);
    assertThat(monitor.health().values()).allSatisfy(h -> assertThat(h.lastSeen()).isEqualTo(START));
  }

  static GetSystemDateAndTimeResponse time(Instant now) {
    ZonedDateTime z = now.atZone(ZoneOffset.UTC);
    DateTime dt = new DateTime();
    Date d = new Date();
    d.setYear(z.getYear());
    d.setMonth(z.getMonthValue());
    d.setDay(z.getDayOfMonth());
    Time t = new Time();
    t.setHour(z.getHour());
    t.setMinute(z.getMinute());
    t.setSecond(z.getSecond());
    dt.setDate(d);
    dt.setTime(t);
    SystemDateTime s = new SystemDateTime();
    s.setDateTimeType(SetDateTimeType.NTP);
    s.setUTCDateTime(dt);
    var out = new GetSystemDateAndTimeResponse();
    out.setSystemDateAndTime(s);
    return out;
  }
}
