package io.github.vpsdk.vp.testkit.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.PtzVector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated camera driven by a client vp did not write: the npm {@code onvif} package (pinned
 * in {@code src/test/node/package-lock.json}) connects, reads device information, profiles,
 * stream and snapshot URIs, moves the head and recalls a preset, subscribes to events and pulls a
 * motion event this test raises while the pull is held. Skipped, with a message saying why, when
 * {@code node} or {@code npm} is missing or the npm registry cannot be reached; {@code .ci/run}
 * installs node and npm.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NpmOnvifInteropTest {
  static final Path NODE_DIR = Paths.get("src", "test", "node");

  @TempDir Path work;

  @Test
  void npmOnvifClientTalksToTheSimulatedCamera() throws Exception {
    Assumptions.assumeTrue(
        runs("node", "--version") && runs("npm", "--version"),
        "node and npm are not installed: the npm onvif interoperability test is skipped"
            + " (.ci/run installs them)");
    for (String f : new String[] {"package.json", "package-lock.json", "interop.js"}) {
      Files.copy(NODE_DIR.resolve(f), work.resolve(f));
    }
    Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofSeconds(60));
    Assumptions.assumeTrue(
        ci.exit == 0, "npm ci failed (registry unreachable?), interoperability test skipped:\n" + ci.output);

    try (SimulatedCamera cam =
        SimulatedCamera.builder()
            .name("Interop")
            .identity("ACME", "Sim-Interop", "3.0", "SN-NPM")
            .credentials("admin", "npm-pw")
            .ptz(true)
            .preset("entrance", new PtzVector(-0.5, 0.2, 0))
            .build()
            .start()) {
      Process p =
          new ProcessBuilder("node", "interop.js", cam.xaddr().toString(), "admin", "npm-pw")
              .directory(work.toFile())
              .redirectErrorStream(true)
              .start();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      Thread reader = drain(p.getInputStream(), stdout);
      try {
        // the first pull takes the initial states; raise motion once the second one is held
        await()
            .atMost(Duration.ofSeconds(40))
            .until(() -> cam.requestCount("PullMessages") >= 2 || !p.isAlive());
        cam.raise(CameraEventKind.MOTION, true);
        assertThat(p.waitFor(40, TimeUnit.SECONDS)).as("node finished").isTrue();
      } finally {
        p.destroyForcibly();
        reader.join(5000);
      }
      String text = stdout.toString(StandardCharsets.UTF_8);
      String json = text.substring(Math.max(0, text.lastIndexOf("\n{\"") + 1)).trim();
      JsonNode out = JsonMapper.builder().build().readTree(json);
      assertThat(out.path("ok").asBoolean()).as(text).isTrue();
      assertThat(out.path("deviceInformation").path("model").asString()).isEqualTo("Sim-Interop");
      assertThat(out.path("deviceInformation").path("serialNumber").asString()).isEqualTo("SN-NPM");
      assertThat(out.path("profiles").toString()).contains("profile_main", "profile_sub");
      assertThat(out.path("streamUri").asString()).isEqualTo("rtsp://127.0.0.1/profile_main");
      assertThat(out.path("snapshotUri").asString())
          .isEqualTo("http://127.0.0.1:" + cam.port() + "/onvif/snapshot?profile=profile_main");
      assertThat(out.path("preset").path("name").asString()).isEqualTo("entrance");
      assertThat(out.path("subscriptionAddress").asString())
          .startsWith("http://127.0.0.1:" + cam.port() + "/onvif/subscription?Idx=");
      assertThat(out.path("initial").size()).isEqualTo(6);
      assertThat(out.path("initial").get(0).path("operation").asString()).isEqualTo("Initialized");
      JsonNode motion = out.path("motion");
      assertThat(motion.path("topic").asString()).isEqualTo("tns1:VideoSource/MotionAlarm");
      assertThat(motion.path("data").path("State").asString()).isEqualTo("true");
      assertThat(motion.path("source").path("Source").asString()).isEqualTo("VideoSource_1");
      // one absolute move, one preset recall, and the subscription was ended
      assertThat(cam.requestCount("AbsoluteMove")).isEqualTo(1);
      assertThat(cam.requestCount("GotoPreset")).isEqualTo(1);
      assertThat(cam.eventSubscriptionCount()).isZero();
    }
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(OutputStreamSink.INSTANCE);
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private record Result(int exit, String output) {}

  private Result run(List<String> command, Duration limit) throws Exception {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(work.toFile()).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = drain(p.getInputStream(), out);
    boolean done = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    reader.join(5000);
    return new Result(done ? p.exitValue() : -1, out.toString(StandardCharsets.UTF_8));
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(sink);
              } catch (IOException e) {
                // the process ended
              }
            },
            "npm-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Discards output. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
