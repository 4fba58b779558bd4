package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.PanelEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SurGardCommandTest {

  private static final class Running {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final CompletableFuture<Integer> exit;

    Running(String... args) {
      CommandLine cl = VpCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
      exit = CompletableFuture.supplyAsync(() -> cl.execute(args));
    }

    String await(String regex) throws InterruptedException {
      Matcher m = Pattern.compile(regex).matcher("");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!m.reset(err.toString()).find() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return m.group(1);
    }
  }

  @Test
  void aPanelThroughTheBridgeReachesTheListeningAutomation() throws Exception {
    Running automation = new Running("surgard", "listen", "--port", "0", "--bind", "127.0.0.1", "--duration", "PT6S");
    String sgPort = automation.await("listening on .*:(\\d+)");
    Running bridge = new Running("surgard", "bridge", "--dc09-port", "0", "--bind", "127.0.0.1",
        "--connect", "127.0.0.1:" + sgPort, "--duration", "PT5S");
    String dc09Port = bridge.await("DC-09 on [^,]*:(\\d+),");
    StringWriter sendOut = new StringWriter();
    CommandLine send = new CommandLine(new SendCommand());
    send.setOut(new PrintWriter(sendOut, true));
    send.setErr(new PrintWriter(new StringWriter(), true));
    int sent = send.execute("--to", "127.0.0.1:" + dc09Port, "1130 01 003");
    assertThat(sent).as(sendOut + "\n" + bridge.err + "\n" + automation.err).isZero();
    assertThat(sendOut.toString()).contains("\"response\":\"ACK\"");
    assertThat(bridge.exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(automation.exit.get(20, TimeUnit.SECONDS)).isZero();
    List<PanelEvent> events = automation.out.toString().lines().map(EventJson::read)
        .filter(e -> e instanceof PanelEvent).map(e -> (PanelEvent) e).toList();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(new EventCode.ContactId(1, 130));
      assertThat(e.zone()).isEqualTo(3);
      assertThat(e.partition()).isEqualTo(1);
      assertThat(e.transport()).isEqualTo("surgard");
    });
    assertThat(bridge.err.toString()).contains("forwarded 1");
    assertThat(automation.err.toString()).contains("events 1");
  }

  @Test
  void listenWantsAPortOrAPeer() {
    StringWriter err = new StringWriter();
    CommandLine cl = VpCli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(cl.execute("surgard", "listen")).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(cl.execute("surgard", "listen", "--port", "1", "--connect", "h:1")).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(cl.execute("surgard")).isEqualTo(VpCli.EXIT_USAGE);
  }
}
