package io.github.vpsdk.vp.testkit.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.RecordingInfo;
import io.github.vpsdk.vp.onvif.ReplayTransport;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Profile G on the simulated camera, through vp's client: recordings, search, replay URI. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CameraRecordingsTest {

  @Test
  void aConsoleFindsTheRecordingOfAnAlarmAndItsReplayUri() throws Exception {
    try (SimulatedCamera cam = SimulatedCamera.builder().name("Gate").credentials("admin", "secret")
            .rtsp(RtspSettings.defaults().withAuthenticated(false)).build().start();
        OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      OnvifCamera c = client.connect(cam.xaddr(), Credentials.of("admin", "secret")).get(60, TimeUnit.SECONDS);
      assertThat(c.services().address(ServiceAddresses.RECORDING)).isPresent();
      assertThat(c.services().address(ServiceAddresses.SEARCH)).isPresent();
      assertThat(c.services().address(ServiceAddresses.REPLAY)).isPresent();

      List<RecordingInfo> all = c.recordings().list().get(30, TimeUnit.SECONDS);
      assertThat(all).singleElement().satisfies(r -> {
        assertThat(r.token()).isEqualTo("REC_1");
        assertThat(r.tracks()).singleElement().satisfies(t -> assertThat(t.type()).isEqualTo("Video"));
      });

      Instant alarm = cam.cameraTime().minus(Duration.ofMinutes(10));
      List<RecordingInfo> found = c.recordings().find(null, alarm.minusSeconds(30), alarm.plusSeconds(60), 10)
          .get(30, TimeUnit.SECONDS);
      assertThat(found).singleElement().satisfies(r -> {
        assertThat(r.earliest()).isBefore(alarm);
        assertThat(r.latest()).isAfter(alarm);
      });
      assertThat(c.recordings().find(null, alarm.minus(Duration.ofDays(3)), alarm.minus(Duration.ofDays(2)), 10)
          .get(30, TimeUnit.SECONDS)).as("nothing recorded two days ago").isEmpty();
      assertThat(cam.requestCount("EndSearch")).isEqualTo(2);

      URI replay = c.recordings().replayUri("REC_1", ReplayTransport.RTSP).get(30, TimeUnit.SECONDS);
      assertThat(replay.getScheme()).isEqualTo("rtsp");
      assertThat(replay.getPath()).isEqualTo("/replay/REC_1");
      assertThat(describe(replay)).as("the replay URI is served").startsWith("RTSP/1.0 200").contains("m=video 0 RTP/AVP 26");
      assertThatThrownBy(() -> c.recordings().replayUri("REC_9", ReplayTransport.RTSP).join())
          .isInstanceOf(CompletionException.class);
    }
  }

  private static String describe(URI uri) throws Exception {
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("DESCRIBE " + uri + " RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      StringBuilder b = new StringBuilder();
      byte[] buf = new byte[4096];
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!b.toString().contains("m=video") && System.nanoTime() < deadline) {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        b.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
      }
      return b.toString();
    }
  }
}
