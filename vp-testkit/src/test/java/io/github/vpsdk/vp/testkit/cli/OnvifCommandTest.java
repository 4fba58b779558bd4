package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import io.github.vpsdk.vp.onvif.discovery.DiscoveryResponder;
import io.github.vpsdk.vp.onvif.discovery.ResponderConfig;
import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OnvifCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static SimulatedCamera camera;

  @BeforeAll
  static void startCamera() {
    camera =
        SimulatedCamera.builder()
            .name("Lobby")
            .credentials("op", "pw-1")
            .ptz(true)
            .preset("door", new PtzVector(0.5, -0.25, 0.0))
            .clockSkew(Duration.ofSeconds(90))
            .bind("127.0.0.1", 0)
            .build()
            .start();
  }

  @AfterAll
  static void stopCamera() {
    camera.close();
  }

  record Result(int exit, String out, String err) {
    List<JsonNode> lines() {
      return out.lines().map(JSON::readTree).toList();
    }
  }

  private static Result vp(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = VpCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  private static String addr() {
    return "127.0.0.1:" + camera.port();
  }

  @Test
  void infoPrintsDeviceServicesAndClockOffset() {
    Result r = vp("onvif", "info", addr(), "--user", "op", "--password", "pw-1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lines()).hasSize(1);
    JsonNode line = r.lines().get(0);
    assertThat(line.get("model").asString()).isEqualTo("SimulatedCamera");
    assertThat(line.get("address").asString()).isEqualTo(camera.xaddr().toString());
    assertThat(line.get("services").has(ServiceAddresses.PTZ)).isTrue();
    assertThat(line.get("servicesFrom").asString()).isEqualTo("GetServices");
    assertThat(line.get("cameraTime").isNull()).isFalse();
    assertThat(line.get("clockOffsetMillis").asLong()).isCloseTo(90_000L, within(5_000L));
  }

  @Test
  void profilesPrintOneLinePerProfileWithStreamAndSnapshotUris() {
    Result r = vp("onvif", "profiles", camera.xaddr().toString(), "-u", "op", "-p", "pw-1");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> lines = r.lines();
    assertThat(lines).extracting(l -> l.get("token").asString())
        .containsExactlyElementsOf(camera.profiles().stream().map(CameraProfile::token).toList());
    for (JsonNode l : lines) {
      assertThat(l.get("streamUri").asString()).startsWith("rtsp://127.0.0.1");
      assertThat(URI.create(l.get("snapshotUri").asString()))
          .isEqualTo(camera.snapshotUri(l.get("token").asString()));
    }
  }

  @Test
  void snapshotWritesTheJpeg(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shot.jpg");
    String token = camera.profiles().get(1).token();
    Result r = vp("onvif", "snapshot", addr(), "-u", "op", "-p", "pw-1", "--profile", token, "--out", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes).startsWith((byte) 0xFF, (byte) 0xD8);
    JsonNode line = r.lines().get(0);
    assertThat(line.get("size").asInt()).isEqualTo(bytes.length);
    assertThat(line.get("profile").asString()).isEqualTo(token);
    assertThat(line.get("jpeg").asBoolean()).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void ptzPresetMoveStatusStopAndHome() {
    String[] account = {"-u", "op", "-p", "pw-1"};
    Result preset = vp(concat(new String[] {"onvif", "ptz", addr(), "--preset", "door"}, account));
    assertThat(preset.exit()).as(preset.err()).isZero();
    assertThat(preset.lines().get(0).get("preset").asString()).isEqualTo("preset_1");
    await().atMost(Duration.ofSeconds(10)).until(() -> camera.ptzPosition().equals(new PtzVector(0.5, -0.25, 0.0)));

    Result abs = vp(concat(new String[] {"onvif", "ptz", addr(), "--move", "-0.5,0.25,0.75", "--absolute"}, account));
    assertThat(abs.exit()).as(abs.err()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> camera.ptzPosition().equals(new PtzVector(-0.5, 0.25, 0.75)));

    Result status = vp(concat(new String[] {"onvif", "ptz", addr(), "--status"}, account));
    assertThat(status.exit()).as(status.err()).isZero();
    JsonNode pos = status.lines().get(0).get("position");
    assertThat(pos.get("pan").asDouble()).isEqualTo(-0.5);
    assertThat(pos.get("zoom").asDouble()).isEqualTo(0.75);

    Result cont = vp(concat(new String[] {"onvif", "ptz", addr(), "--move", "0.5,0", "--continuous", "--for", "30s"}, account));
    assertThat(cont.exit()).as(cont.err()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(camera::ptzMoving);
    Result stop = vp(concat(new String[] {"onvif", "ptz", addr(), "--stop"}, account));
    assertThat(stop.exit()).as(stop.err()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> !camera.ptzMoving());

    Result home = vp(concat(new String[] {"onvif", "ptz", addr(), "--home"}, account));
    assertThat(home.exit()).as(home.err()).isZero();
    assertThat(home.lines().get(0).get("action").asString()).isEqualTo("home");
  }

  @Test
  void ptzUsageErrors() {
    assertThat(vp("onvif", "ptz", addr(), "--stop", "--home").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif", "ptz", addr()).exit()).isEqualTo(VpCli.EXIT_USAGE);
    Result range = vp("onvif", "ptz", addr(), "--move", "2,0");
    assertThat(range.exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(range.err().lines()).hasSize(1).allMatch(l -> l.contains("-1..1"));
    assertThat(vp("onvif", "ptz", addr(), "--stop", "--absolute").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif", "ptz", addr(), "--move", "0,0", "--for", "1s").exit()).isEqualTo(VpCli.EXIT_USAGE);
  }

  @Test
  void errorsArePrintedOnOneLineWithTheirExitCode() throws Exception {
    Result wrong = vp("onvif", "info", addr(), "-u", "op", "-p", "wrong");
    assertThat(wrong.exit()).isEqualTo(VpCli.EXIT_CHECK_FAILED);
    assertThat(wrong.out()).isEmpty();
    assertThat(wrong.err().lines()).hasSize(1).allMatch(l -> l.startsWith("vp onvif info: AUTHENTICATION: "));
    assertThat(wrong.err()).doesNotContain("wrong");

    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Result unreachable = vp("onvif", "info", "127.0.0.1:" + closed, "--timeout", "3s");
    assertThat(unreachable.exit()).isEqualTo(VpCli.EXIT_IO);
    assertThat(unreachable.err().lines()).hasSize(1).allMatch(l -> l.startsWith("vp onvif info: UNREACHABLE: "));

    assertThat(vp("onvif", "info", "ftp://127.0.0.1/x").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif", "info", "127.0.0.1:" + camera.port() + "/path").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif", "info", addr(), "--timeout", "soon").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif").exit()).isEqualTo(VpCli.EXIT_USAGE);
    Result noProfile = vp("onvif", "snapshot", addr(), "-u", "op", "-p", "pw-1", "--profile", "nope", "--out", "x.jpg");
    assertThat(noProfile.exit()).isEqualTo(VpCli.EXIT_CHECK_FAILED);
    assertThat(noProfile.err()).contains("BAD_ARGUMENT");
  }

  @Test
  void faultsSentWithHttp400AreReadAsFaults() {
    try (SimulatedCamera strict =
        SimulatedCamera.builder().name("Strict").credentials("op", "pw-1").strictFaultStatus(true).bind("127.0.0.1", 0).build().start()) {
      Result wrong = vp("onvif", "info", "127.0.0.1:" + strict.port(), "-u", "op", "-p", "wrong");
      assertThat(wrong.exit()).isEqualTo(VpCli.EXIT_CHECK_FAILED);
      assertThat(wrong.err()).startsWith("vp onvif info: AUTHENTICATION: ").doesNotContain("HTTP 400");
      Result ok = vp("onvif", "info", "127.0.0.1:" + strict.port(), "-u", "op", "-p", "pw-1");
      assertThat(ok.exit()).as(ok.err()).isZero();
    }
  }

  @Test
  void eventsStreamOrReportThatTheCameraHasNoEventService() throws Exception {
    boolean hasEvents;
    try (OnvifClient client = OnvifClient.create(OnvifConfig.defaults())) {
      OnvifCamera c = client.connect(camera.xaddr(), Credentials.of("op", "pw-1")).join();
      hasEvents = c.services().address(ServiceAddresses.EVENTS).isPresent();
    }
    OnvifEventsCommand command = new OnvifEventsCommand();
    PipedOutputStream stdin = new PipedOutputStream();
    command.input = new PipedInputStream(stdin);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = VpCli.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(err, true));
    int exit = cl.execute(addr(), "-u", "op", "-p", "pw-1", "--for", "5s", "--max", "1");
    stdin.close();
    if (hasEvents) {
      // a camera with PullPoint: whatever it sends must come out as well-formed lines
      assertThat(exit).as(err.toString()).isZero();
      for (String line : out.toString().lines().toList()) {
        JsonNode n = JSON.readTree(line);
        assertThat(n.get("topic").asString()).isNotBlank();
        assertThat(n.get("operation").asString()).isIn("INITIALIZED", "CHANGED", "DELETED", "NONE");
      }
    } else {
      assertThat(exit).isEqualTo(VpCli.EXIT_CHECK_FAILED);
      assertThat(out.toString()).isEmpty();
      assertThat(err.toString().lines()).hasSize(1)
          .allMatch(l -> l.startsWith("vp onvif events: NOT_SUPPORTED: ") && l.contains("event service"));
    }
  }

  @Test
  void eventsPrintsOneLinePerEventWithTheMappedAlarm() throws Exception {
    try (PullPointFake fake = new PullPointFake()) {
      OnvifEventsCommand command = new OnvifEventsCommand();
      PipedOutputStream stdin = new PipedOutputStream();
      command.input = new PipedInputStream(stdin);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = VpCli.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(err, true));
      int exit =
          cl.execute(
              "127.0.0.1:" + fake.port(), "-u", "op", "-p", "pw-1", "--filter", "tns1:VideoSource//.", "--max", "1", "--for", "60s");
      stdin.close();
      assertThat(exit).as(err.toString()).isZero();
      List<String> lines = out.toString().lines().toList();
      assertThat(lines).hasSize(1);
      JsonNode e = JSON.readTree(lines.get(0));
      assertThat(e.get("topic").asString()).isEqualTo("tns1:VideoSource/MotionAlarm");
      assertThat(e.get("operation").asString()).isEqualTo("CHANGED");
      assertThat(e.get("time").asString()).endsWith("Z");
      assertThat(e.get("source").get("Source").asString()).isEqualTo("vs1");
      assertThat(e.get("data").get("State").asString()).isEqualTo("true");
      assertThat(e.get("active").asBoolean()).isTrue();
      JsonNode alarm = e.get("alarm");
      assertThat(alarm.get("code").asString()).isEqualTo("CAMERA_MOTION");
      assertThat(alarm.get("category").asString()).isEqualTo("INTRUSION");
      assertThat(alarm.get("restore").asBoolean()).isFalse();
      assertThat(alarm.get("source").asString()).isEqualTo("camera:127.0.0.1:" + fake.port());
      assertThat(fake.requests)
          .filteredOn(r -> r.getKey().equals("CreatePullPointSubscription"))
          .singleElement()
          .satisfies(r -> assertThat(r.getValue()).contains("tns1:VideoSource//."));
    }
  }

  @Test
  void eventsStopWhenInputCloses() throws Exception {
    try (PullPointFake fake = new PullPointFake()) {
      OnvifEventsCommand command = new OnvifEventsCommand();
      PipedOutputStream stdin = new PipedOutputStream();
      command.input = new PipedInputStream(stdin);
      StringWriter out = new StringWriter();
      CommandLine cl = VpCli.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
      java.util.concurrent.CompletableFuture<Integer> running =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> cl.execute("127.0.0.1:" + fake.port()));
      await().atMost(Duration.ofSeconds(30)).until(() -> !out.toString().isEmpty() || running.isDone());
      await().atMost(Duration.ofSeconds(30)).until(() -> fake.count("PullMessages") >= 3);
      assertThat(running).isNotDone(); // no --for, no --max: it keeps pulling
      stdin.close();
      assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(VpCli.EXIT_OK);
      assertThat(out.toString().lines()).hasSize(1);
    }
  }

  @Test
  void discoverProbesOneAddress() {
    String uuid = "6a1f0e8c-2f4b-4c1e-9d3a-0b7c5e2d9f10";
    URI xaddr = URI.create("http://127.0.0.1:8080/onvif/device_service");
    try (DiscoveryResponder responder =
        DiscoveryResponder.start(
            ResponderConfig.create(
                b ->
                    b.bind(new InetSocketAddress("127.0.0.1", 0))
                        .joinGroup(false)
                        .endpointReference("urn:uuid:" + uuid)
                        .maxResponseDelay(Duration.ZERO)
                        .scopes(
                            List.of(
                                "onvif://www.onvif.org/name/Hall%20Cam",
                                "onvif://www.onvif.org/hardware/SIM-1",
                                "onvif://www.onvif.org/location/building/hall",
                                "onvif://www.onvif.org/Profile/Streaming"))
                        .xAddrs(List.of(xaddr))))) {
      Result r = vp("onvif", "discover", "--probe", "127.0.0.1:" + responder.localAddress().getPort(), "--timeout", "2s");
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.lines()).hasSize(1);
      JsonNode d = r.lines().get(0);
      assertThat(d.get("uuid").asString()).isEqualTo(uuid);
      assertThat(d.get("xaddrs").get(0).asString()).isEqualTo(xaddr.toString());
      assertThat(d.get("name").asString()).isEqualTo("Hall Cam");
      assertThat(d.get("hardware").asString()).isEqualTo("SIM-1");
      assertThat(d.get("location").asString()).isEqualTo("building/hall");
      assertThat(d.get("profiles").get(0).asString()).isEqualTo("Streaming");
      assertThat(d.get("scopes")).hasSize(4);
      assertThat(responder.probesAnswered()).isPositive();
    }
    assertThat(vp("onvif", "discover", "--probe", "127.0.0.1:99999").exit()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(vp("onvif", "discover", "--interface", "no-such-nif0").exit()).isEqualTo(VpCli.EXIT_USAGE);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
