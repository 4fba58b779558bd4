package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vp demo}: the README's end-to-end demo, run as the README runs it. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void theWholeChainRunsAndTheJournalVerifies() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path demo = dir.resolve("demo");
    int code = VpCli.run(new String[] {"demo", demo.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text + err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text)
        .contains("events: 3 queued, 3 acknowledged")
        .contains("INC-100 opened and taken by op-demo")
        .contains("camera moved to preset \"zone 3\"")
        .contains("restore: INC-100 closed")
        .contains("OK: 11 entries, 1 checkpoint signature checked");
    BufferedImage snapshot = ImageIO.read(demo.resolve("INC-100-snapshot.jpg").toFile());
    assertThat(snapshot).isNotNull();
    assertThat(snapshot.getWidth()).isGreaterThan(100);
    assertThat(run(new String[] {"demo", demo.toString()})).as("refuses a directory that is not empty").isEqualTo(VpCli.EXIT_USAGE);
    assertThat(Files.exists(demo.resolve("journal"))).isTrue();
  }

  private static int run(String[] args) {
    return VpCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
