package io.github.vpsdk.vp.testkit.camera;

import static io.github.vpsdk.vp.testkit.camera.OnvifFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vpsdk.vp.onvif.CameraTime;
import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.DeviceInfo;
import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzSpeed;
import io.github.vpsdk.vp.onvif.PtzStatus;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import io.github.vpsdk.vp.onvif.Snapshot;
import io.github.vpsdk.vp.onvif.internal.SoapSession;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfiles;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSources;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated camera driven by vp-onvif's client over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatedCameraTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final String USER = "admin";
  static final String PASSWORD = "s3cret/pw";

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

  private SimulatedCamera.Builder camera() {
    return SimulatedCamera.builder()
        .name("Gate 1")
        .identity("ACME", "Sim-PTZ", "2.1.0", "SN-42")
        .credentials(USER, PASSWORD)
        .clock(clock);
  }

  private OnvifCamera connect(SimulatedCamera c, String password) {
    return connect(c, password, Duration.ofSeconds(10));
  }

  private OnvifCamera connect(SimulatedCamera c, String password, Duration timeout) {
    client =
        OnvifClient.create(OnvifConfig.create(b -> b.clock(clock).requestTimeout(timeout).connectTimeout(Duration.ofSeconds(2))));
    return client.connect(c.xaddr(), Credentials.of(USER, password)).join();
  }

  @Test
  void deviceInformationServicesScopesAndInterfaces() {
    cam = camera().ptz(true).build().start();
    assertThat(cam.xaddr().toString())
        .isEqualTo("http://127.0.0.1:" + cam.port() + "/onvif/device_service");
    OnvifCamera c = connect(cam, PASSWORD);

    DeviceInfo info = c.deviceInfo().join();
    assertThat(info.manufacturer()).isEqualTo("ACME");
    assertThat(info.model()).isEqualTo("Sim-PTZ");
    assertThat(info.firmwareVersion()).isEqualTo("2.1.0");
    assertThat(info.serialNumber()).isEqualTo("SN-42");

    ServiceAddresses s = c.services();
    assertThat(s.fromGetServices()).isTrue();
    String base = "http://127.0.0.1:" + cam.port() + "/onvif/";
    assertThat(s.address(ServiceAddresses.MEDIA)).contains(URI.create(base + "media_service"));
    assertThat(s.address(ServiceAddresses.MEDIA2)).contains(URI.create(base + "media2_service"));
    assertThat(s.address(ServiceAddresses.PTZ)).contains(URI.create(base + "ptz_service"));

    assertThat(c.scopes().join()).contains("onvif://www.onvif.org/name/Gate%201", "onvif://www.onvif.org/type/ptz");
    assertThat(c.networkInterfaces().join()).hasSize(1);
    assertThat(c.networkInterfaces().join().get(0).ipv4Addresses()).containsExactly("127.0.0.1/8");
  }

  @Test
  void aCameraWithoutPtzAnnouncesNoPtzService() {
    cam = camera().build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    assertThat(c.services().address(ServiceAddresses.PTZ)).isEmpty();
    assertThat(failure(c.ptzStatus("profile_main")).kind()).isEqualTo(OnvifException.Kind.NOT_SUPPORTED);
    assertThat(c.profiles().join()).noneMatch(MediaProfile::ptz);
  }

  @Test
  void clockOffsetOfASkewedCameraAndASkewChangedAtRunTime() {
    Duration skew = Duration.ofHours(2).plusSeconds(17);
    cam = camera().clockSkew(skew).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    CameraTime t = c.lastCameraTime();
    assertThat(t.cameraUtc()).isEqualTo(T0.plus(skew));
    assertThat(t.offset()).isEqualTo(skew);
    assertThat(c.deviceInfo().join().model()).isEqualTo("Sim-PTZ");

    // the camera clock jumps back a day (a reboot without NTP): the next token is refused, the
    // client reads the clock again and retries
    cam.setClockSkew(Duration.ofDays(-1));
    long refusedBefore = cam.requestCount("NotAuthorized");
    assertThat(c.deviceInfo().join().model()).isEqualTo("Sim-PTZ");
    assertThat(cam.requestCount("NotAuthorized")).isEqualTo(refusedBefore + 1);
    assertThat(c.lastCameraTime().offset()).isEqualTo(Duration.ofDays(-1));
  }

  @Test
  void wrongPasswordIsRefusedButTheClockIsReadWithoutCredentials() throws Exception {
    cam = camera().build().start();
    OnvifCamera c = connect(cam, "wrong");
    assertThat(c.lastCameraTime().cameraUtc()).isEqualTo(T0);
    OnvifException e = failure(c.deviceInfo());
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
    assertThat(e.faultCode()).contains("NotAuthorized");
    assertThat(failure(c.snapshot("profile_sub")).kind()).isEqualTo(OnvifException.Kind.AUTHENTICATION);

    // the snapshot URI challenges with Digest (MD5 and SHA-256) and no Basic
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(cam.snapshotUri("profile_sub")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().allValues("WWW-Authenticate"))
        .hasSize(2)
        .allMatch(h -> h.startsWith("Digest realm=\"Gate 1\", qop=\"auth\""))
        .anyMatch(h -> h.endsWith("algorithm=MD5"))
        .anyMatch(h -> h.endsWith("algorithm=SHA-256"));
  }

  @Test
  void profilesThroughMedia2AndMedia1() {
    cam = camera().ptz(true).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    List<MediaProfile> profiles = c.profiles().join();
    assertThat(profiles)
        .containsExactly(
            new MediaProfile("profile_main", "mainStream", "H264", 1920, 1080, true, true),
            new MediaProfile("profile_sub", "subStream", "H264", 640, 360, true, true));

    // Media1 straight through the generated interface, with vp-onvif's token code
    SoapSession session =
        new SoapSession(OnvifConfig.create(b -> b.clock(clock)), Credentials.of(USER, PASSWORD));
    session.offset(c.lastCameraTime().offset());
    Media media1 = session.proxy(Media.class, c.services().address(ServiceAddresses.MEDIA).orElseThrow(), true);
    var p1 = media1.getProfiles(new GetProfiles()).getProfiles();
    assertThat(p1).extracting(p -> p.getToken()).containsExactly("profile_main", "profile_sub");
    assertThat(p1.get(1).getVideoEncoderConfiguration().getResolution().getWidth()).isEqualTo(640);
    assertThat(p1.get(0).getPTZConfiguration().getNodeToken()).isEqualTo("PTZNode_1");
    var sources = media1.getVideoSources(new GetVideoSources()).getVideoSources();
    assertThat(sources.get(0).getResolution().getWidth()).isEqualTo(1920);
  }

  @Test
  void streamAndSnapshotUris() {
    cam = camera().rtspPort(8554).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    assertThat(c.streamUri("profile_main").join().uri())
        .isEqualTo(URI.create("rtsp://127.0.0.1:8554/profile_main"));
    assertThat(c.snapshotUri("profile_sub").join()).isEqualTo(cam.snapshotUri("profile_sub"));
    assertThat(cam.snapshotUri("profile_sub").toString())
        .isEqualTo("http://127.0.0.1:" + cam.port() + "/onvif/snapshot?profile=profile_sub");
    assertThat(failure(c.streamUri("nope")).kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
  }

  @Test
  void snapshotIsADecodableJpegOfTheProfileSizeShowingTheScene() throws Exception {
    cam = camera().ptz(true).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    Snapshot s = c.snapshot("profile_sub").join();
    assertThat(s.isJpeg()).isTrue();
    assertThat(s.contentType()).isEqualTo("image/jpeg");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.bytes()));
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(360);
    BufferedImage main = ImageIO.read(new ByteArrayInputStream(c.snapshot("profile_main").join().bytes()));
    assertThat(main.getWidth()).isEqualTo(1920);
    assertThat(main.getHeight()).isEqualTo(1080);

    // drawn at request time: same clock, position and scene give the same picture; a scene does not
    assertThat(c.snapshot("profile_sub").join()).isEqualTo(s);
    cam.setScene("person in zone 3");
    Snapshot withScene = c.snapshot("profile_sub").join();
    assertThat(withScene).isNotEqualTo(s);
    assertThat(cam.scene()).isEqualTo("person in zone 3");
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.snapshot("profile_sub").join()).isNotEqualTo(withScene);
    assertThat(cam.requestCount("Snapshot")).isGreaterThanOrEqualTo(10); // each fetch: challenge + answer
  }

  @Test
  void basicSnapshotAuthenticationWhenConfigured() {
    cam = camera().snapshotAuth(SnapshotAuth.BASIC).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    assertThat(c.snapshot("profile_sub").join().isJpeg()).isTrue();
  }

  @Test
  void snapshotFaults() {
    cam = camera().build().start();
    OnvifCamera c = connect(cam, PASSWORD, Duration.ofMillis(700));
    cam.setSnapshotFailing(true);
    assertThat(failure(c.snapshot("profile_sub")).kind()).isEqualTo(OnvifException.Kind.PROTOCOL);
    cam.setSnapshotFailing(false);
    cam.setSnapshotDelay(Duration.ofSeconds(5));
    assertThat(failure(c.snapshot("profile_sub")).kind()).isEqualTo(OnvifException.Kind.TIMEOUT);
    cam.setSnapshotDelay(Duration.ZERO);
    assertThat(c.snapshot("profile_sub").join().isJpeg()).isTrue();
  }

  @Test
  void continuousMoveProgressesWithTheClockThenStops() {
    cam = camera().ptz(true).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    String p = "profile_main";
    PtzStatus st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("IDLE");
    assertThat(st.position()).isEqualTo(new PtzVector(0, 0, 0));
    assertThat(st.utcTime()).isEqualTo(T0);

    // pan at half velocity: 0.25 units per second with the default top speed of 0.5
    c.continuousMove(p, new PtzSpeed(0.5, 0, 0), Duration.ofSeconds(3)).join();
    assertThat(c.ptzStatus(p).join().panTiltMoving()).isEqualTo("MOVING");
    clock.advance(Duration.ofSeconds(2));
    st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("MOVING");
    assertThat(st.position().pan()).isCloseTo(0.5, within(1e-6));
    assertThat(cam.ptzMoving()).isTrue();
    clock.advance(Duration.ofSeconds(2)); // the 3 s timeout ends the move
    st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("IDLE");
    assertThat(st.position().pan()).isCloseTo(0.75, within(1e-6));

    // tilt down until Stop
    c.continuousMove(p, new PtzSpeed(0, -1, 0), null).join();
    clock.advance(Duration.ofMillis(500));
    c.stop(p).join();
    clock.advance(Duration.ofSeconds(10));
    st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("IDLE");
    assertThat(st.position().tilt()).isCloseTo(-0.25, within(1e-6));
    assertThat(cam.ptzPosition().pan()).isCloseTo(0.75, within(1e-6));

    // zoom in stops at the limit
    c.continuousMove(p, new PtzSpeed(0, 0, 1), Duration.ofSeconds(30)).join();
    clock.advance(Duration.ofSeconds(10));
    st = c.ptzStatus(p).join();
    assertThat(st.zoomMoving()).isEqualTo("IDLE");
    assertThat(st.position().zoom()).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void absoluteAndRelativeMovesReachTheirTarget() {
    cam = camera().ptz(true).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    String p = "profile_sub";
    c.absoluteMove(p, new PtzVector(0.5, -0.25, 0.1), null).join();
    clock.advance(Duration.ofMillis(500));
    PtzStatus st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("MOVING");
    assertThat(st.position().pan()).isCloseTo(0.25, within(1e-6));
    assertThat(st.position().tilt()).isCloseTo(-0.25, within(1e-6)); // tilt arrived already
    clock.advance(Duration.ofSeconds(1));
    st = c.ptzStatus(p).join();
    assertThat(st.panTiltMoving()).isEqualTo("IDLE");
    assertThat(st.zoomMoving()).isEqualTo("IDLE");
    assertThat(st.position().pan()).isCloseTo(0.5, within(1e-6));
    assertThat(st.position().zoom()).isCloseTo(0.1, within(1e-6));

    // at a quarter of the top speed, a 0.25 pan step takes 2 s
    c.relativeMove(p, new PtzVector(-0.25, 0, 0), new PtzSpeed(0.25, 0.25, 1)).join();
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.ptzStatus(p).join().position().pan()).isCloseTo(0.375, within(1e-6));
    clock.advance(Duration.ofSeconds(1));
    assertThat(c.ptzStatus(p).join().position().pan()).isCloseTo(0.25, within(1e-6));

    assertThat(failure(c.absoluteMove(p, new PtzVector(2, 0, 0), null)).kind())
        .isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
    assertThat(failure(c.absoluteMove("nope", new PtzVector(0, 0, 0), null)).kind())
        .isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
  }

  @Test
  void presetsSetGotoRemoveAndHome() {
    cam = camera().ptz(true).preset("entrance", new PtzVector(-0.5, 0.2, 0)).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    String p = "profile_main";
    assertThat(c.presets(p).join()).extracting(PtzPreset::token, PtzPreset::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("preset_1", "entrance"));

    c.absoluteMove(p, new PtzVector(0.5, 0.5, 0.5), null).join();
    clock.advance(Duration.ofSeconds(5));
    String door = c.setPreset(p, "door", null).join();
    assertThat(door).isEqualTo("preset_2");
    assertThat(c.presets(p).join()).extracting(PtzPreset::name).containsExactly("entrance", "door");
    assertThat(c.presets(p).join().get(1).position().pan()).isCloseTo(0.5, within(1e-6));
    // ter:InvalidArgVal / ter:PresetExist: vp-onvif keeps the most specific subcode
    assertThat(failure(c.setPreset(p, "door", null)).faultCode()).contains("PresetExist");

    c.gotoPreset(p, "preset_1", null).join();
    assertThat(cam.ptzMoving()).isTrue();
    clock.advance(Duration.ofSeconds(5));
    PtzVector at = c.ptzStatus(p).join().position();
    assertThat(at.pan()).isCloseTo(-0.5, within(1e-6));
    assertThat(at.tilt()).isCloseTo(0.2, within(1e-6));

    c.setHome(p).join();
    c.gotoPreset(p, door, null).join();
    clock.advance(Duration.ofSeconds(5));
    assertThat(cam.ptzPosition().pan()).isCloseTo(0.5, within(1e-6));
    c.gotoHome(p, null).join();
    clock.advance(Duration.ofSeconds(5));
    assertThat(cam.ptzPosition().pan()).isCloseTo(-0.5, within(1e-6));

    c.removePreset(p, door).join();
    assertThat(c.presets(p).join()).extracting(PtzPreset::token).containsExactly("preset_1");
    assertThat(failure(c.removePreset(p, door)).kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
    assertThat(failure(c.gotoPreset(p, door, null)).kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
  }

  @Test
  void rebootSendsTheHeadHomeAndAnswers503ForTheDowntime() {
    cam = camera().ptz(true).rebootDowntime(Duration.ofSeconds(30)).build().start();
    OnvifCamera c = connect(cam, PASSWORD);
    c.absoluteMove("profile_main", new PtzVector(0.5, 0, 0), null).join();
    clock.advance(Duration.ofSeconds(5));
    assertThat(c.reboot().join()).isEqualTo("Rebooting in 30 seconds");
    assertThat(cam.rebootCount()).isEqualTo(1);
    assertThat(cam.ptzPosition()).isEqualTo(new PtzVector(0, 0, 0));
    assertThat(failure(c.deviceInfo()).kind()).isIn(OnvifException.Kind.PROTOCOL, OnvifException.Kind.UNREACHABLE);
    clock.advance(Duration.ofSeconds(31));
    assertThat(c.deviceInfo().join().model()).isEqualTo("Sim-PTZ");

    cam.reboot();
    assertThat(cam.rebootCount()).isEqualTo(2);
  }

  @Test
  void offlineRefusingThenSilentThenBackOnTheSamePort() {
    cam = camera().build().start();
    int port = cam.port();
    OnvifCamera c = connect(cam, PASSWORD, Duration.ofMillis(800));
    cam.goOffline(OfflineMode.REFUSE);
    assertThat(cam.offline()).contains(OfflineMode.REFUSE);
    OnvifException refused = failure(c.deviceInfo());
    assertThat(refused.kind()).as(refused.toString()).isIn(OnvifException.Kind.UNREACHABLE, OnvifException.Kind.TIMEOUT);
    cam.goOnline();
    assertThat(cam.port()).isEqualTo(port);
    assertThat(c.deviceInfo().join().model()).isEqualTo("Sim-PTZ");

    cam.goOffline(OfflineMode.SILENT);
    assertThat(failure(c.deviceInfo()).kind()).isEqualTo(OnvifException.Kind.TIMEOUT);
    cam.goOnline();
    assertThat(c.deviceInfo().join().model()).isEqualTo("Sim-PTZ");
  }

  @Test
  void strictSoap12FaultStatusIsHttp400() throws Exception {
    cam = camera().strictFaultStatus(true).build().start();
    HttpResponse<String> r = post(cam.xaddr(), envelope("", "<tds:GetDeviceInformation/>"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("NotAuthorized").contains("Sender");
  }

  @Test
  void usernameTokenDigestReplayAndPasswordText() throws Exception {
    cam = camera().clockSkew(Duration.ofMinutes(-3)).build().start();
    String created = T0.minus(Duration.ofMinutes(3)).toString();
    byte[] nonce = new byte[16];
    new java.util.Random(7).nextBytes(nonce);
    java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
    sha1.update(nonce);
    sha1.update(created.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    sha1.update(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
    String digest = token(
        "<wsse:Password Type=\"" + PROFILE + "#PasswordDigest\">" + b64.encodeToString(sha1.digest()) + "</wsse:Password>"
            + "<wsse:Nonce EncodingType=\"" + SOAP_MESSAGE_SECURITY + "#Base64Binary\">" + b64.encodeToString(nonce) + "</wsse:Nonce>"
            + "<wsu:Created>" + created + "</wsu:Created>");
    String body = "<tds:GetDeviceInformation/>";
    HttpResponse<String> first = post(cam.xaddr(), envelope(digest, body));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("<Manufacturer>ACME</Manufacturer>");
    HttpResponse<String> replay = post(cam.xaddr(), envelope(digest, body));
    assertThat(replay.statusCode()).isEqualTo(500);
    assertThat(replay.body()).contains("NotAuthorized");

    // the same token 6 minutes later is out of the 5-minute window whatever its nonce
    String text = token("<wsse:Password Type=\"" + PROFILE + "#PasswordText\">" + PASSWORD + "</wsse:Password>");
    assertThat(post(cam.xaddr(), envelope(text, body)).statusCode()).isEqualTo(200);
    String wrongText = token("<wsse:Password Type=\"" + PROFILE + "#PasswordText\">nope</wsse:Password>");
    assertThat(post(cam.xaddr(), envelope(wrongText, body)).statusCode()).isEqualTo(500);

    // GetSystemDateAndTime needs no token
    HttpResponse<String> time = post(cam.xaddr(), envelope("", "<tds:GetSystemDateAndTime/>"));
    assertThat(time.statusCode()).isEqualTo(200);
    assertThat(time.body()).containsPattern("Hour>7</").containsPattern("Minute>57</");
  }

  static final String PROFILE =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
  static final String SOAP_MESSAGE_SECURITY =
      "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0";

  private static String token(String inner) {
    return "<wsse:Security s:mustUnderstand=\"1\""
        + " xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\""
        + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
        + "<wsse:UsernameToken><wsse:Username>" + USER + "</wsse:Username>" + inner
        + "</wsse:UsernameToken></wsse:Security>";
  }

  private static String envelope(String header, String body) {
    return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:tds=\"http://www.onvif.org/ver10/device/wsdl\">"
        + "<s:Header>" + header + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
  }

  private static HttpResponse<String> post(URI uri, String xml) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void operationsAreChosenByTheBodyNotByTheWsdlsSoapAction() throws Exception {
    cam = SimulatedCamera.builder().clock(clock).build().start(); // no account
    URI media = URI.create(cam.xaddr().toString().replace("device_service", "media_service"));
    String xml =
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>"
            + "<GetVideoSources xmlns=\"http://www.onvif.org/ver10/media/wsdl\"/></s:Body></s:Envelope>";
    // media.wsdl says .../wsdlGetVideoSources/; clients such as npm onvif send this one
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(media)
                    .header("Content-Type",
                        "application/soap+xml; charset=utf-8; action=\"http://www.onvif.org/ver10/media/wsdl/GetVideoSources\"")
                    .POST(HttpRequest.BodyPublishers.ofString(xml))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("VideoSource_1");
  }

  @Test
  void portIsFreedOnClose() throws Exception {
    cam = camera().build().start();
    int port = cam.port();
    cam.close();
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
    }
    cam.goOnline(); // a closed camera stays closed
    try (java.net.ServerSocket s = new java.net.ServerSocket()) {
      s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
    }
  }
}
