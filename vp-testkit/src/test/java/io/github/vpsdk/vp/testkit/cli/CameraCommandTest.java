package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.ServiceAddresses;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CameraCommandTest {

  @Test
  void twoCamerasPrintTheirAddressesAnswerAndStopWhenInputCloses() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CameraCommand command = new CameraCommand();
    PipedOutputStream stdin = new PipedOutputStream();
    command.input = new PipedInputStream(stdin);
    CommandLine cl = VpCli.configure(new CommandLine(new VpCli()), new PrintWriter(out, true), new PrintWriter(err, true));
    // run the instance whose input the test holds
    CommandLine camera = VpCli.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(cl.getSubcommands()).containsKey("camera");
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(
            () -> camera.execute("--count", "2", "--user", "op", "--password", "pw-1", "--ptz", "--name", "Lobby"));

    await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().lines().count() == 2 || running.isDone());
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).as("stderr: %s", err).hasSize(2);
    JsonMapper json = JsonMapper.builder().build();
    try (OnvifClient client = OnvifClient.create(OnvifConfig.defaults())) {
      for (int i = 0; i < 2; i++) {
        JsonNode line = json.readTree(lines.get(i));
        assertThat(line.get("name").asString()).isEqualTo("Lobby-" + (i + 1));
        assertThat(line.get("user").asString()).isEqualTo("op");
        assertThat(line.get("password").asString()).isEqualTo("pw-1");
        URI xaddr = URI.create(line.get("xaddr").asString());
        assertThat(xaddr.toString()).matches("http://127\\.0\\.0\\.1:\\d+/onvif/device_service");
        OnvifCamera c = client.connect(xaddr, Credentials.of("op", "pw-1")).join();
        assertThat(c.deviceInfo().join().model()).isEqualTo("SimulatedCamera");
        assertThat(c.services().address(ServiceAddresses.PTZ)).isPresent();
        assertThat(c.snapshot("profile_sub").join().isJpeg()).isTrue();
      }
    }
    assertThat(running).isNotDone();
    stdin.close();
    assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(VpCli.EXIT_OK);
  }

  @Test
  void rtspPrintsAStreamUriThatAnswers() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CameraCommand command = new CameraCommand();
    PipedOutputStream stdin = new PipedOutputStream();
    command.input = new PipedInputStream(stdin);
    CommandLine camera = VpCli.configure(new CommandLine(command), new PrintWriter(out, true), new PrintWriter(err, true));
    CompletableFuture<Integer> running =
        CompletableFuture.supplyAsync(() -> camera.execute("--rtsp", "--fps", "2", "--duration", "PT60S"));
    await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().lines().count() == 1 || running.isDone());
    JsonNode line = JsonMapper.builder().build().readTree(out.toString().lines().findFirst().orElseThrow());
    URI stream = URI.create(line.get("stream").asString());
    assertThat(stream.toString()).matches("rtsp://127\\.0\\.0\\.1:\\d+/profile_main");
    try (java.net.Socket s = new java.net.Socket(stream.getHost(), stream.getPort())) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write("OPTIONS * RTSP/1.0\r\nCSeq: 1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] head = s.getInputStream().readNBytes(15);
      assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RTSP/1.0 200 OK");
    }
    stdin.close();
    assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(VpCli.EXIT_OK);
  }

  @Test
  void badCountIsAUsageError() {
    StringWriter err = new StringWriter();
    CommandLine camera = VpCli.configure(new CommandLine(new CameraCommand()), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(camera.execute("--count", "0")).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(err.toString()).contains("--count");
  }
}
