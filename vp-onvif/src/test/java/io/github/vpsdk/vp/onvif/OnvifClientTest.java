package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetScopesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServicesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTimeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Service;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.ConfigurationSet;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.MediaProfile;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.ContinuousMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetPresetsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetStatusResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoPresetResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPresetResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.StopResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.ContinuousMoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Date;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MediaUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZMoveStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Profile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Scope;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SetDateTimeType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SystemDateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Time;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoder2Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoResolution2;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public API driven against a CXF-served fake device on loopback. */
class OnvifClientTest {
  static final Instant LOCAL = Instant.parse("2026-11-23T06:00:00Z");
  static final Duration CAMERA_AHEAD = Duration.ofHours(2).plusSeconds(17);

  FakeCamera cam;
  OnvifClient client;
  final CountDownLatch release = new CountDownLatch(1);
  final Map<String, PTZPreset> presets = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() {
    cam = new FakeCamera("operator", "s3cr/t:pw", Clock.fixed(LOCAL.plus(CAMERA_AHEAD), ZoneOffset.UTC));
    cam.handlers.put("Device.getSystemDateAndTime", r -> time(cam.clock.instant()));
    cam.handlers.put(
        "Device.getDeviceInformation",
        r -> {
          var out = new GetDeviceInformationResponse();
          out.setManufacturer("ACME");
          out.setModel("Dome-9");
          out.setFirmwareVersion("1.2.3");
          out.setSerialNumber("SN42");
          out.setHardwareId("HW7");
          return out;
        });
    cam.handlers.put(
        "Device.getScopes",
        r -> {
          var out = new GetScopesResponse();
          Scope s = new Scope();
          s.setScopeItem("onvif://www.onvif.org/name/Dome-9");
          out.getScopes().add(s);
          return out;
        });
    cam.handlers.put(
        "Device.getServices",
        r -> {
          var out = new GetServicesResponse();
          out.getService().add(service(ServiceAddresses.DEVICE, "/onvif/device_service"));
          out.getService().add(service(ServiceAddresses.MEDIA, "/onvif/media"));
          if (cam.media2) {
            out.getService().add(service(ServiceAddresses.MEDIA2, "/onvif/media2"));
          }
          out.getService().add(service(ServiceAddresses.PTZ, "/onvif/ptz"));
          return out;
        });
    cam.handlers.put(
        "Media2.getProfiles",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfilesResponse();
          MediaProfile p = new MediaProfile();
          p.setToken("main");
          p.setName("Main stream");
          ConfigurationSet c = new ConfigurationSet();
          VideoEncoder2Configuration v = new VideoEncoder2Configuration();
          v.setEncoding("H265");
          VideoResolution2 res = new VideoResolution2();
          res.setWidth(2560);
          res.setHeight(1440);
          v.setResolution(res);
          c.setVideoEncoder(v);
          p.setConfigurations(c);
          out.getProfiles().add(p);
          return out;
        });
    cam.handlers.put(
        "Media2.getStreamUri",
        r -> {
          var req = (io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUri) r;
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUriResponse();
          out.setUri("rtsp://10.0.0.9:554/media2/" + req.getProfileToken() + "?proto=" + req.getProtocol());
          return out;
        });
    cam.handlers.put(
        "Media2.getSnapshotUri",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUriResponse();
          out.setUri(cam.snapshotUri);
          return out;
        });
    cam.handlers.put(
        "Media.getProfiles",
        r -> {
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfilesResponse();
          Profile p = new Profile();
          p.setToken("profile_1");
          p.setName("H264 main");
          out.getProfiles().add(p);
          return out;
        });
    cam.handlers.put(
        "Media.getStreamUri",
        r -> {
          var req = (io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUri) r;
          var out = new io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUriResponse();
          MediaUri mu = new MediaUri();
          mu.setUri("rtsp://10.0.0.9/media1/" + req.getProfileToken() + "/"
              + req.getStreamSetup().getTransport().getProtocol().value());
          out.setMediaUri(mu);
          return out;
        });
    cam.handlers.put(
        "PTZ.getStatus",
        r -> {
          var out = new GetStatusResponse();
          PTZStatus st = new PTZStatus();
          st.setPosition(io.github.vpsdk.vp.onvif.internal.Mapping.toVector(new PtzVector(0.5, -0.25, 0.1)));
          PTZMoveStatus ms = new PTZMoveStatus();
          ms.setPanTilt(MoveStatus.IDLE);
          ms.setZoom(MoveStatus.MOVING);
          st.setMoveStatus(ms);
          out.setPTZStatus(st);
          return out;
        });
    cam.handlers.put(
        "PTZ.continuousMove",
        r -> {
          ContinuousMove m = (ContinuousMove) r;
          cam.calls.add("velocity=" + m.getVelocity().getPanTilt().getX() + "," + m.getVelocity().getPanTilt().getY()
              + "," + m.getVelocity().getZoom().getX() + " timeout=" + m.getTimeout());
          return new ContinuousMoveResponse();
        });
    cam.handlers.put("PTZ.stop", r -> new StopResponse());
    cam.handlers.put(
        "PTZ.setPreset",
        r -> {
          SetPreset s = (SetPreset) r;
          PTZPreset p = new PTZPreset();
          p.setToken("P" + (presets.size() + 1));
          p.setName(s.getPresetName());
          presets.put(p.getToken(), p);
          var out = new SetPresetResponse();
          out.setPresetToken(p.getToken());
          return out;
        });
    cam.handlers.put(
        "PTZ.getPresets",
        r -> {
          var out = new GetPresetsResponse();
          out.getPreset().addAll(presets.values());
          return out;
        });
    cam.handlers.put(
        "PTZ.gotoPreset",
        r -> {
          GotoPreset g = (GotoPreset) r;
          if (!presets.containsKey(g.getPresetToken())) {
            throw FakeCamera.fault("NoToken", "no such preset");
          }
          return new GotoPresetResponse();
        });
    cam.start();
    client = OnvifClient.create(config(b -> {}));
  }

  OnvifConfig config(java.util.function.Consumer<OnvifConfig.Builder> more) {
    return OnvifConfig.create(
        b -> {
          b.clock(Clock.fixed(LOCAL, ZoneOffset.UTC)).requestTimeout(Duration.ofSeconds(10));
          more.accept(b);
        });
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    client.close();
    cam.close();
  }

  Service service(String ns, String path) {
    Service s = new Service();
    s.setNamespace(ns);
    // announced on an unreachable address, as cameras behind NAT do
    s.setXAddr("http://" + cam.announcedHost + path);
    return s;
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

  OnvifCamera connect() {
    return client.connect(cam.deviceUri(), Credentials.of("operator", "s3cr/t:pw")).join();
  }

  static OnvifException failure(java.util.concurrent.CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(OnvifException.class);
      return (OnvifException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void connectsCorrectsTheClockAndRewritesServiceAddresses() {
    OnvifCamera c = connect();
    assertThat(c.lastCameraTime().offset()).isEqualTo(CAMERA_AHEAD);
    assertThat(c.lastCameraTime().ntp()).isTrue();
    assertThat(c.services().fromGetServices()).isTrue();
    assertThat(c.services().address(ServiceAddresses.PTZ))
        .contains(URI.create("http://127.0.0.1:" + cam.port + "/onvif/ptz"));
    assertThat(cam.calls).startsWith("Device.getSystemDateAndTime", "Device.getServices");
  }

  @Test
  void deviceOperations() {
    OnvifCamera c = connect();
    assertThat(c.deviceInfo().join()).isEqualTo(new DeviceInfo("ACME", "Dome-9", "1.2.3", "SN42", "HW7"));
    assertThat(c.scopes().join()).containsExactly("onvif://www.onvif.org/name/Dome-9");
    assertThat(c.systemDateAndTime().join().cameraUtc()).isEqualTo(LOCAL.plus(CAMERA_AHEAD));
  }

  @Test
  void withoutClockCorrectionTheCameraWouldRefuse() {
    OnvifCamera c = connect();
    // the camera clock jumps (reboot reset): the first token is refused, vp re-reads the clock and retries
    cam.clock = Clock.fixed(LOCAL.minus(Duration.ofDays(3)), ZoneOffset.UTC);
    assertThat(c.deviceInfo().join().model()).isEqualTo("Dome-9");
    assertThat(c.lastCameraTime().offset()).isEqualTo(Duration.ofDays(-3));
    assertThat(cam.calls.stream().filter(s -> s.equals("Device.getSystemDateAndTime")).count()).isEqualTo(2);
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() {
    OnvifException e =
        failure(client.connect(cam.deviceUri(), Credentials.of("operator", "wrong")));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.AUTHENTICATION);
    assertThat(e.reason()).isEqualTo(VpException.Reason.REFUSED);
    assertThat(e.faultCode()).isEqualTo("NotAuthorized");
    assertThat(e.getMessage()).doesNotContain("wrong");
    assertThat(cam.passwordTextTokens).hasValue(0);
  }

  @Test
  void passwordTextOnlyWhenAllowed() {
    client.close();
    client = OnvifClient.create(config(b -> b.passwordTextFallback(true)));
    OnvifCamera c = connect();
    cam.clock = Clock.fixed(LOCAL.minus(Duration.ofDays(3)), ZoneOffset.UTC);
    assertThat(c.deviceInfo().join().model()).isEqualTo("Dome-9");
    assertThat(cam.passwordTextTokens).hasValue(0); // digest succeeded after the resync
  }

  @Test
  void httpDigestWhenTheCameraDemandsIt() {
    cam.requireHttpDigest = true;
    OnvifCamera c = connect();
    assertThat(c.deviceInfo().join().manufacturer()).isEqualTo("ACME");
    assertThat(cam.httpChallenges.get()).isPositive();
  }

  @Test
  void media2ProfilesAndStreamUri() {
    OnvifCamera c = connect();
    List<io.github.vpsdk.vp.onvif.MediaProfile> profiles = c.profiles().join();
    assertThat(profiles)
        .containsExactly(new io.github.vpsdk.vp.onvif.MediaProfile("main", "Main stream", "H265", 2560, 1440, false, true));
    StreamUri s = c.streamUri("main").join();
    assertThat(s.uri()).isEqualTo(URI.create("rtsp://127.0.0.1:554/media2/main?proto=RTSP"));
  }

  @Test
  void media1WhenMedia2IsAbsentOrBroken() {
    cam.media2 = false;
    OnvifCamera c = connect();
    assertThat(c.profiles().join()).extracting(p -> p.token()).containsExactly("profile_1");
    assertThat(c.streamUri("profile_1").join().uri().getPath()).isEqualTo("/media1/profile_1/RTSP");

    cam.media2 = true;
    cam.media2Broken = true;
    OnvifCamera c2 = connect();
    assertThat(c2.profiles().join()).extracting(p -> p.media2()).containsExactly(false);
  }

  @Test
  void ptzOperations() {
    OnvifCamera c = connect();
    PtzStatus st = c.ptzStatus("main").join();
    assertThat(st.position()).isEqualTo(new PtzVector(0.5, -0.25, 0.10000000149011612));
    assertThat(st.panTiltMoving()).isEqualTo("IDLE");
    assertThat(st.zoomMoving()).isEqualTo("MOVING");

    c.continuousMove("main", new PtzSpeed(0.5, -0.5, 0), Duration.ofMillis(1500)).join();
    assertThat(cam.calls).contains("velocity=0.5,-0.5,0.0 timeout=PT1.5S");
    c.stop("main").join();

    String token = c.setPreset("main", "Gate", null).join();
    assertThat(c.presets("main").join()).containsExactly(new PtzPreset(token, "Gate", null));
    c.gotoPreset("main", token, null).join();

    OnvifException e = failure(c.gotoPreset("main", "nope", null));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
    assertThat(e.reason()).isEqualTo(VpException.Reason.INVALID_ARGUMENT);
    assertThat(e.faultCode()).isEqualTo("NoToken");
  }

  @Test
  void unimplementedOperationIsNotSupported() {
    OnvifCamera c = connect();
    OnvifException e = failure(c.gotoHome("main", null));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.NOT_SUPPORTED);
    assertThat(e.faultCode()).isEqualTo("ActionNotSupported");
  }

  @Test
  void announcedAddressesUnreachableWithoutRewriting() {
    client.close();
    client = OnvifClient.create(config(b -> b.rewriteServiceAddresses(false).connectTimeout(Duration.ofSeconds(2))));
    OnvifCamera c = connect();
    OnvifException e = failure(c.ptzStatus("main"));
    assertThat(e.kind()).as(chain(e)).isEqualTo(OnvifException.Kind.UNREACHABLE);
    assertThat(e.reason()).isEqualTo(VpException.Reason.IO);
  }

  @Test
  void slowCameraTimesOut() {
    client.close();
    client = OnvifClient.create(config(b -> b.requestTimeout(Duration.ofMillis(700))));
    OnvifCamera c = connect();
    cam.handlers.put(
        "PTZ.getStatus",
        r -> {
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
          return new GetStatusResponse();
        });
    OnvifException e = failure(c.ptzStatus("main"));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.TIMEOUT);
    assertThat(e.reason()).isEqualTo(VpException.Reason.TIMEOUT);
  }

  @Test
  void closedPortIsUnreachable() {
    OnvifException e =
        failure(
            client.connect(
                URI.create("http://127.0.0.1:1/onvif/device_service"), Credentials.of("a", "b")));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.UNREACHABLE);
  }

  @Test
  void cameraThatRefusesTheClockWithoutCredentials() {
    cam.clock = Clock.fixed(LOCAL, ZoneOffset.UTC);
    cam.handlers.put(
        "Device.getSystemDateAndTime",
        r -> {
          throw FakeCamera.fault("NotAuthorized", "Sender not Authorized");
        });
    OnvifCamera c = connect();
    assertThat(c.lastCameraTime().offset()).isZero();
    assertThat(c.lastCameraTime().cameraUtc()).isNull();
    assertThat(c.deviceInfo().join().model()).isEqualTo("Dome-9");
  }

  static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(" <- ").append(c.getClass().getName()).append(": ").append(c.getMessage());
    }
    return sb.toString();
  }

  @Test
  void concurrentCallsShareOneCameraWithFreshNonces() {
    OnvifCamera c = connect();
    List<java.util.concurrent.CompletableFuture<DeviceInfo>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 24; i++) {
      all.add(c.deviceInfo());
    }
    // the fake device rejects a reused nonce: every call passing shows each token is fresh
    assertThat(all).allSatisfy(f -> assertThat(f.join().serialNumber()).isEqualTo("SN42"));
  }

  @Test
  void credentialsNeverShowThePassword() {
    assertThat(Credentials.of("operator", "s3cr/t:pw").toString()).doesNotContain("s3cr");
  }
}
