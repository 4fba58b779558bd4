package io.github.vpsdk.vp.testkit.camera;

import static io.github.vpsdk.vp.testkit.camera.OnvifFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.FocusMove;
import io.github.vpsdk.vp.onvif.FocusOptions;
import io.github.vpsdk.vp.onvif.ImagingSettings;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.OnvifImaging;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import io.github.vpsdk.vp.onvif.internal.SoapSession;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.ImagingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated camera's imaging service driven by vp-onvif's client over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CameraImagingTest {
  static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  static final String SOURCE = "VideoSource_1";

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

  private OnvifCamera connect() {
    cam = SimulatedCamera.builder().credentials("admin", "img").clock(clock).build().start();
    client = OnvifClient.create(OnvifConfig.create(b -> b.clock(clock)));
    return client.connect(cam.xaddr(), Credentials.of("admin", "img")).join();
  }

  @Test
  void settingsAreReadChangedAndLostAtRebootUnlessPersisted() {
    OnvifCamera c = connect();
    assertThat(c.services().address(ServiceAddresses.IMAGING))
        .contains(URI.create("http://127.0.0.1:" + cam.port() + "/onvif/imaging_service"));
    OnvifImaging img = c.imaging();
    assertThat(img.videoSources().join()).containsExactly(SOURCE);
    assertThat(img.settings(SOURCE).join())
        .isEqualTo(new ImagingSettings(50.0, 50.0, 50.0, 50.0, "AUTO", "AUTO", "AUTO"));

    img.setSettings(SOURCE, ImagingSettings.unchanged().withBrightness(70.0).withIrCutFilter("OFF"), true).join();
    img.setSettings(
            SOURCE,
            new ImagingSettings(null, 20.0, 30.0, 40.0, null, "MANUAL", "MANUAL"),
            false)
        .join();
    assertThat(img.settings(SOURCE).join())
        .isEqualTo(new ImagingSettings(70.0, 20.0, 30.0, 40.0, "OFF", "MANUAL", "MANUAL"));

    // out of range, or another source: refused, nothing changed
    OnvifException e = failure(img.setSettings(SOURCE, ImagingSettings.unchanged().withBrightness(101.0), true));
    assertThat(e.kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
    assertThat(failure(img.settings("VideoSource_9")).kind()).isEqualTo(OnvifException.Kind.BAD_ARGUMENT);

    cam.reboot(); // the unpersisted change is lost
    assertThat(img.settings(SOURCE).join())
        .isEqualTo(new ImagingSettings(70.0, 50.0, 50.0, 50.0, "OFF", "AUTO", "AUTO"));

    img.refocus(SOURCE).join();
    assertThat(img.settings(SOURCE).join().focusMode()).isEqualTo("AUTO");
  }

  @Test
  void focusMovesOnTheInjectedClock() {
    OnvifCamera c = connect();
    OnvifImaging img = c.imaging();
    FocusOptions o = img.focusOptions(SOURCE).join();
    assertThat(o.absolutePosition()).isEqualTo(new FocusOptions.Range(0, 1));
    assertThat(o.continuousSpeed()).isEqualTo(new FocusOptions.Range(-1, 1));
    assertThat(cam.focusPosition()).isEqualTo(0.5);

    img.focus(SOURCE, new FocusMove.Absolute(0.9, 0.2)).join();
    clock.advance(Duration.ofSeconds(1));
    assertThat(cam.focusPosition()).isCloseTo(0.7, within(1e-6));
    SoapSession session = new SoapSession(OnvifConfig.create(b -> b.clock(clock)), Credentials.of("admin", "img"));
    session.offset(c.lastCameraTime().offset());
    ImagingPort port = session.proxy(ImagingPort.class, c.services().address(ServiceAddresses.IMAGING).orElseThrow(), true);
    GetStatus req = new GetStatus();
    req.setVideoSourceToken(SOURCE);
    var status = port.getStatus(req).getStatus().getFocusStatus20();
    assertThat(status.getMoveStatus()).isEqualTo(MoveStatus.MOVING);
    assertThat(status.getPosition()).isCloseTo(0.7f, within(1e-5f));
    clock.advance(Duration.ofSeconds(5));
    status = port.getStatus(req).getStatus().getFocusStatus20();
    assertThat(status.getMoveStatus()).isEqualTo(MoveStatus.IDLE);
    assertThat(status.getPosition()).isCloseTo(0.9f, within(1e-5f));

    img.focus(SOURCE, new FocusMove.Relative(-0.5, null)).join(); // default speed 1/s
    clock.advance(Duration.ofSeconds(1));
    assertThat(cam.focusPosition()).isCloseTo(0.4, within(1e-6));

    img.focus(SOURCE, new FocusMove.Continuous(-0.1)).join();
    clock.advance(Duration.ofSeconds(2));
    img.stopFocus(SOURCE).join();
    clock.advance(Duration.ofSeconds(10));
    assertThat(cam.focusPosition()).isCloseTo(0.2, within(1e-6));

    img.focus(SOURCE, new FocusMove.Continuous(-1)).join(); // stops at the near end
    clock.advance(Duration.ofSeconds(10));
    assertThat(cam.focusPosition()).isZero();

    assertThat(failure(img.focus(SOURCE, new FocusMove.Absolute(1.5, null))).kind())
        .isEqualTo(OnvifException.Kind.BAD_ARGUMENT);
  }
}
