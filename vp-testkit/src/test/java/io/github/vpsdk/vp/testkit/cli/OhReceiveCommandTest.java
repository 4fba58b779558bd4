package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.protocols.oh.OhEvent;
import io.github.vpsdk.vp.protocols.oh.OhHeartbeat;
import io.github.vpsdk.vp.protocols.transmitter.OsborneHoffmanTransmitter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OhReceiveCommandTest {
  @Test
  void receiveWithAnOhPortPrintsOhEvents() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine receive = new CommandLine(new ReceiveCommand());
    receive.setOut(new PrintWriter(out, true));
    receive.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> receive.execute(
        "--port", "0", "--oh-port", "0", "--bind", "127.0.0.1", "--duration", "PT3S"));
    Matcher m = Pattern.compile("Osborne-Hoffman on .*:(\\d+)").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!m.reset(err.toString()).find() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    int port = Integer.parseInt(m.group(1));
    try (OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(new InetSocketAddress("127.0.0.1", port), Duration.ofSeconds(5))) {
      assertThat(panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0L)).assignedPanelId()).isNotNull();
      assertThat(panel.send(OhEvent.contactId(1, 0x6666, 0x1234, "005412", "1130 01 003")).acknowledged()).isTrue();
    }
    assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
    List<String> events = out.toString().lines().toList();
    assertThat(events).hasSize(1);
    PanelEvent e = (PanelEvent) EventJson.read(events.get(0));
    assertThat(e.zone()).isEqualTo(3);
    assertThat(e.transport()).isEqualTo("OH/ADM-CID");
    assertThat(err.toString()).contains("Osborne-Hoffman: packets 2, acked 2");
  }
}
