package io.github.vpsdk.vp.testkit.internal.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.vpsdk.vp.testkit.camera.RtspSettings;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream played by a client vp did not write: ffmpeg's RTSP demuxer and RTP/JPEG depacketizer.
 * Skipped when {@code ffmpeg} is not on the PATH ({@code .ci/run} installs it).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RtspFfmpegTest {
  @TempDir Path dir;

  static boolean ffmpegPresent() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isEmpty() && Files.isExecutable(Path.of(p, "ffmpeg"))) {
        return true;
      }
    }
    return false;
  }

  private List<Path> ffmpeg(String url, String transport, int frames) throws IOException, InterruptedException {
    Path log = dir.resolve("ffmpeg-" + transport + ".log");
    List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "info"));
    if (!transport.isEmpty()) {
      cmd.addAll(List.of("-rtsp_transport", transport));
    }
    cmd.addAll(List.of("-i", url, "-frames:v", String.valueOf(frames), "-f", "image2",
        dir.resolve(transport.isEmpty() ? "default%d.jpg" : transport + "%d.jpg").toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean done = p.waitFor(45, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println("ffmpeg " + transport + ":\n" + output);
    assertThat(done).as("ffmpeg finished in time:\n%s", output).isTrue();
    assertThat(p.exitValue()).as("ffmpeg exit status:\n%s", output).isZero();
    List<Path> out = new ArrayList<>();
    for (int i = 1; i <= frames; i++) {
      out.add(dir.resolve((transport.isEmpty() ? "default" : transport) + i + ".jpg"));
    }
    return out;
  }

  @Test
  void ffmpegPlaysTheStreamOverTcpWithDigest() throws Exception {
    assumeTrue(ffmpegPresent(), "ffmpeg is not on the PATH: install it (apt-get install ffmpeg) to run this test");
    try (SimulatedCamera cam = SimulatedCamera.builder()
        .name("Gate 1")
        .credentials("admin", "s3cret")
        .rtsp(RtspSettings.defaults().withFrameRate(10))
        .build()
        .start()) {
      URI uri = cam.streamUri("profile_sub");
      String url = "rtsp://admin:s3cret@127.0.0.1:" + uri.getPort() + uri.getPath();
      for (Path jpg : ffmpeg(url, "tcp", 3)) {
        BufferedImage img = ImageIO.read(jpg.toFile());
        assertThat(img).as("%s decodes", jpg).isNotNull();
        assertThat(img.getWidth()).isEqualTo(640);
        assertThat(img.getHeight()).isEqualTo(360);
      }
      assertThat(cam.requestCount("RTSP PLAY")).isEqualTo(1);
    }
  }

  @Test
  void ffmpegPlaysOverUdpByDefault() throws Exception {
    assumeTrue(ffmpegPresent(), "ffmpeg is not on the PATH: install it (apt-get install ffmpeg) to run this test");
    try (SimulatedCamera cam = SimulatedCamera.builder().rtsp(true).build().start()) {
      for (Path jpg : ffmpeg(cam.streamUri("profile_main").toString(), "", 1)) {
        BufferedImage img = ImageIO.read(jpg.toFile());
        assertThat(img).as("%s decodes", jpg).isNotNull();
        assertThat(img.getWidth()).isEqualTo(1920);
        assertThat(img.getHeight()).isEqualTo(1080);
      }
    }
  }
}
