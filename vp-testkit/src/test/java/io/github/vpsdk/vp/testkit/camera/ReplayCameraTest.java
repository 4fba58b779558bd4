package io.github.vpsdk.vp.testkit.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.DeviceInfo;
import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.Snapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The replay camera with the recorded exchanges of real cameras (vp-onvif's test captures, MIT,
 * from hawkeye64/onvif-nvt), driven by vp's client.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayCameraTest {
  private static final Path CAPTURES = Path.of("..", "vp-onvif", "src", "test", "resources", "captures");

  @ParameterizedTest
  @ValueSource(strings = {"axis", "hikvision", "pelco"})
  void vpsClientReadsARecordedCamera(String vendor) throws Exception {
    try (ReplayCamera camera = ReplayCamera.start(CAPTURES.resolve(vendor), 0, "admin", "secret");
        OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera c = client.connect(camera.xaddr(), Credentials.of("admin", "secret")).get(60, TimeUnit.SECONDS);
      DeviceInfo info = c.deviceInfo().get(30, TimeUnit.SECONDS);
      assertThat(info.manufacturer()).isNotBlank();
      List<MediaProfile> profiles = c.profiles().get(30, TimeUnit.SECONDS);
      assertThat(profiles).isNotEmpty();
      Snapshot snap = c.snapshot(profiles.get(0).token()).get(30, TimeUnit.SECONDS);
      assertThat(ImageIO.read(new java.io.ByteArrayInputStream(snap.bytes()))).isNotNull();
      assertThat(camera.calls()).contains("core/GetDeviceInformation").anyMatch(s -> s.startsWith("media"));
    }
  }

  @Test
  void anOperationWithoutRecordingIsNotSupported() throws Exception {
    try (ReplayCamera camera = ReplayCamera.start(CAPTURES.resolve("trendnet"), 0, "admin", "secret");
        OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera c = client.connect(camera.xaddr(), Credentials.of("admin", "secret")).get(60, TimeUnit.SECONDS);
      String token = c.profiles().get(30, TimeUnit.SECONDS).get(0).token();
      // TRENDnet's recordings have no PTZ service at all
      assertThatThrownBy(() -> c.ptzStatus(token).join()).isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(OnvifException.class);
    }
  }

  @Test
  void hostileBodiesGetAPlainRefusal() throws Exception {
    try (ReplayCamera camera = ReplayCamera.start(CAPTURES.resolve("axis"), 0, "admin", "secret")) {
      HttpClient http = HttpClient.newHttpClient();
      for (String body : new String[] {"", "<x/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "\u0000\u0001"}) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(camera.xaddr()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("root:");
      }
      HttpResponse<String> unauth = http.send(HttpRequest.newBuilder(URI.create(camera.xaddr().toString().replace("/onvif/device_service", "/snap.jpg"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(unauth.statusCode()).isEqualTo(401);
      assertThat(unauth.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Digest ");
    }
  }
}
