package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.testkit.site.ReceivedEvents;
import io.github.vpsdk.vp.testkit.site.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vp site} against vp's receiver, and against a receiver that never answers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SiteCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return VpCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path scenarioFile() throws IOException {
    Path file = dir.resolve("shop.yaml");
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("scenarios/shop.yaml")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void runsAScenarioAndReportsTheExpectationsMet() throws Exception {
    Path file = scenarioFile();
    try (ReceivedEvents centre = ReceivedEvents.start(Scenario.load(file), c -> { })) {
      int code = run("site", file.toString(), "--virtual", "--json", "--receiver", "127.0.0.1:" + centre.address().getPort());
      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(report + err).isEqualTo(VpCli.EXIT_OK);
      assertThat(report).contains("events: 8 queued, 8 acknowledged").contains("expectations: met")
          .contains("{\"panel\":\"shop\",\"data\":\"#1234|1130 01 003\"");
      assertThat(centre.events()).hasSize(8);
    }
  }

  @Test
  void aReceiverThatNeverAnswersFailsTheExpectations() throws Exception {
    Path file = scenarioFile();
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      int code = run("site", file.toString(), "--virtual", "--ack-timeout", "PT0.1S", "--receiver", "127.0.0.1:" + silent.getLocalPort());
      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(report + err).isEqualTo(VpCli.EXIT_CHECK_FAILED);
      assertThat(report).contains("expectation not met: ").contains("were not acknowledged");
    }
  }

  @Test
  void aBadScenarioIsAUsageErrorNamingTheField() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: x\npanels:\n  - {name: p, account: \"12\", zones: [{number: 3, type: laser}]}\n");
    assertThat(run("site", file.toString(), "--receiver", "127.0.0.1:9")).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("panels[0].zones[0].type");
    assertThat(run("site", dir.resolve("missing.yaml").toString())).isEqualTo(VpCli.EXIT_IO);
  }
}
