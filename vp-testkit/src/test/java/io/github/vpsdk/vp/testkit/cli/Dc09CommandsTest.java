package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.PanelEvent;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Dc09CommandsTest {

  private static String[] run(Object command, String input, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    if (command instanceof DecodeCommand) {
      ((DecodeCommand) command).input = new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1));
    }
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void decodeWritesOneJsonLinePerInputLineAndNeverStops() {
    String input = String.join("\n",
        "\\n59890012\"ACK\"0000L0#1409[]\\r",
        "\"ADM-CID\"0003L0#1002[#1002|1602 00 001]",
        "#1234|1130 01 003",
        "Nri1/BA01/BA02",
        "\\x00\\xff not a frame",
        "F19A002B\"ADM-CID\"0056L9999#9999[#9999|1900 00 001]\\r",
        "");
    String[] r = run(new DecodeCommand(), input);
    List<String> lines = r[1].lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("{\"ok\":true,\"protocol\":\"dc09\",\"id\":\"ACK\"");
    assertThat(lines.get(1)).contains("\"code\":\"RP\"").contains("\"cid\":\"1602\"").contains("\"category\":\"test\"");
    assertThat(lines.get(2)).contains("\"protocol\":\"contact-id\"").contains("\"code\":\"BA\"").contains("\"zone\":3");
    assertThat(lines.get(3)).contains("\"protocol\":\"sia-dc03\"").contains("\"zone\":2");
    assertThat(lines.get(4)).startsWith("{\"ok\":false");
    assertThat(lines.get(5)).contains("\"ok\":true");
    assertThat(r[0]).isEqualTo("1");
    String[] strict = run(new DecodeCommand(), lines.isEmpty() ? "" : "F19A002B\"ADM-CID\"0056L9999#9999[#9999|1900 00 001]\\r\n", "--strict");
    assertThat(strict[1]).contains("NON_STANDARD");
    assertThat(run(new DecodeCommand(), "", "--protocol", "nope")[0]).isEqualTo("2");
    String[] sg = run(new DecodeCommand(), "5011 187037E13001004\\x14\n1011           @    \n", "--protocol", "surgard");
    assertThat(sg[1].lines().toList()).hasSize(2);
    assertThat(sg[1]).contains("\"type\":\"contact-id\"").contains("\"zone\":4").contains("\"type\":\"heartbeat\"");
    assertThat(sg[0]).isEqualTo("0");
  }

  @Test
  void sendToReceiveWithAJournal(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine receive = new CommandLine(new ReceiveCommand());
    receive.setOut(new PrintWriter(out, true));
    receive.setErr(new PrintWriter(err, true));
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> receive.execute(
        "--port", "0", "--bind", "127.0.0.1", "--duration", "PT4S", "--journal", dir.resolve("journal").toString(),
        "--key", "1234=ascii:0123456789abcdef"));
    Matcher m = Pattern.compile("listening on .*:(\\d+)").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!m.reset(err.toString()).find() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String port = m.group(1);
    String[] sent = run(new SendCommand(), "", "--to", "127.0.0.1:" + port, "--key", "ascii:0123456789abcdef", "1130 01 003", "Nri2/OP5");
    assertThat(sent[0]).isEqualTo("0");
    assertThat(sent[1].lines().toList()).hasSize(2).allMatch(l -> l.contains("\"ok\":true") && l.contains("\"response\":\"*ACK\""));
    assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
    List<String> events = out.toString().lines().toList();
    assertThat(events).hasSize(2);
    PanelEvent first = (PanelEvent) EventJson.read(events.get(0));
    assertThat(first.zone()).isEqualTo(3);
    assertThat(err.toString()).contains("acked 2");
    String[] tail = run(new JournalCommand(), "", "tail", dir.resolve("journal").toString());
    assertThat(tail[1].lines().toList()).hasSize(2);
    String[] noReceiver = run(new SendCommand(), "", "--to", "127.0.0.1:" + port, "--timeout", "PT2S", "1130 01 003");
    assertThat(noReceiver[0]).isEqualTo("1");
    assertThat(noReceiver[1]).contains("\"ok\":false");
  }
}
