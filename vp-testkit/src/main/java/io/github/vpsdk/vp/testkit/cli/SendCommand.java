package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.transmitter.Dc09Transmitter;
import io.github.vpsdk.vp.protocols.transmitter.TransmitterConfig;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vp send}: the panel side, sending events to a receiver and printing its answers. */
@Command(
    name = "send",
    description = {
      "Send events to a DC-09 receiver as a panel would (retrying until acknowledged or the"
          + " timeout) and print one JSON line per event with the receiver's answer.",
      "EVENT is Contact ID data (\"1130 01 003\", sent as ADM-CID) or SIA DC-03 data"
          + " (\"Nri1/BA01\", sent as SIA-DCS); the account part #ACCOUNT| is added.",
      "Exit status: 0 when every event was acknowledged, 1 otherwise, 2 on a usage error."
    },
    mixinStandardHelpOptions = true)
final class SendCommand implements Callable<Integer> {
  private static final Pattern CID = Pattern.compile("[136]\\d{3} ?\\d{2} ?\\d{3}");

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "the receiver")
  String to = "";

  @Option(names = "--backup", paramLabel = "HOST:PORT", description = "a backup receiver path")
  @Nullable String backup;

  @Option(names = "--udp", description = "send over UDP (default TCP)")
  boolean udp;

  @Option(names = "--account", defaultValue = "1234", paramLabel = "ACCOUNT", description = "the panel account (default: ${DEFAULT-VALUE})")
  String account = "1234";

  @Option(names = "--receiver", paramLabel = "R", description = "the R field")
  @Nullable String receiverField;

  @Option(names = "--prefix", defaultValue = "0", paramLabel = "L", description = "the L field (default: ${DEFAULT-VALUE})")
  String prefix = "0";

  @Option(names = "--key", paramLabel = "KEY", description = "encrypt with this AES key: hex:HEX or ascii:CHARS")
  @Nullable String key;

  @Option(names = "--timeout", defaultValue = "PT20S", paramLabel = "DURATION", description = "give up on an event after this long (default: ${DEFAULT-VALUE})")
  Duration timeout = Duration.ofSeconds(20);

  @Parameters(paramLabel = "EVENT", arity = "1..*", description = "the events to send")
  List<String> events = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    TransmitterConfig config;
    try {
      Dc09Key k = key == null ? null : Dc09Key.parse(key);
      config = TransmitterConfig.create(b -> {
        b.path(address(to), Duration.ZERO).udp(udp).account(account, receiverField, prefix).key(k)
            .ackTimeout(Duration.ofSeconds(3)).retries(3, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30));
        if (backup != null) {
          b.path(address(backup), Duration.ZERO);
        }
      });
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    boolean all = true;
    try (Dc09Transmitter panel = Dc09Transmitter.start(config)) {
      for (String event : events) {
        String data = event.strip();
        String token = CID.matcher(data).matches() ? Dc09Message.ADM_CID : Dc09Message.SIA_DCS;
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", data);
        line.put("id", token);
        try {
          Dc09Message answer = panel.send(token, "#" + account + "|" + data).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          line.put("ok", true);
          line.put("response", (answer.encrypted() ? "*" : "") + answer.token());
          line.put("seq", answer.sequence());
        } catch (ExecutionException e) {
          all = false;
          line.put("ok", false);
          line.put("error", String.valueOf(e.getCause().getMessage()));
        } catch (TimeoutException e) {
          all = false;
          line.put("ok", false);
          line.put("error", "no ACK within " + timeout);
        }
        JsonLines.write(out, line);
      }
      Dc09Transmitter.Stats stats = panel.stats();
      err.println("acks " + stats.acks() + ", naks " + stats.naks() + ", failed attempts " + stats.failures());
    }
    return all ? VpCli.EXIT_OK : VpCli.EXIT_CHECK_FAILED;
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
    }
    return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
  }
}
