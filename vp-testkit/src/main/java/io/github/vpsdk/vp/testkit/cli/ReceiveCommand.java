package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.OsborneHoffmanReceiver;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import io.github.vpsdk.vp.protocols.receiver.SupervisionPolicy;
import io.github.vpsdk.vp.testkit.internal.cli.Dc09Json;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vp receive}: a running DC-09 (and optionally Osborne-Hoffman) receiver printing events as JSON lines. */
@Command(
    name = "receive",
    description = {
      "Run a SIA DC-09 receiver (TCP and UDP on one port) and print every event as a JSON line"
          + " (the form of docs/json.md). With --journal, each event is written to the journal and"
          + " made durable before the panel gets its ACK.",
      "With --oh-port, an Osborne-Hoffman receiver (Aritech/ATS, Interlogix; TCP) runs too, with the"
          + " same sink.",
      "The first line on standard error says where it listens. Stops on Ctrl-C (or after"
          + " --duration), then prints its counters on standard error."
    },
    mixinStandardHelpOptions = true)
final class ReceiveCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(names = "--port", required = true, paramLabel = "PORT", description = "the port (0: any free port)")
  int port;

  @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "the address (default: ${DEFAULT-VALUE})")
  String bind = "0.0.0.0";

  @Option(names = "--key", paramLabel = "ACCOUNT=KEY", description = "an AES key, ACCOUNT=hex:HEX or ACCOUNT=ascii:CHARS (ACCOUNT * for any); repeatable")
  List<String> keys = new ArrayList<>();

  @Option(names = "--journal", paramLabel = "DIR", description = "write every event to this journal before acknowledging it")
  @Nullable Path journalDir;

  @Option(names = "--supervise", paramLabel = "DURATION", description = "report accounts silent longer than this (ISO-8601, e.g. PT3M)")
  @Nullable Duration supervise;

  @Option(names = "--strict", description = "refuse frames that depart from the standard")
  boolean strict;

  @Option(names = "--oh-port", paramLabel = "PORT", description = "also run an Osborne-Hoffman receiver on this TCP port (0: any free port)")
  @Nullable Integer ohPort;

  @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (ISO-8601, e.g. PT30S); default: until interrupted")
  @Nullable Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    Dc09Keys keyring;
    try {
      keyring = Dc09Json.keys(keys);
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    Journal journal = journalDir == null ? null : Journal.open(journalDir);
    EventSink print = event -> {
      synchronized (out) {
        out.println(EventJson.write(event));
        out.flush();
      }
      return CompletableFuture.completedFuture(null);
    };
    EventSink sink = journal == null ? print
        : event -> EventSink.journal(journal).deliver(event).thenCompose(x -> print.deliver(event));
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "vp-receive-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    SupervisionPolicy supervision = supervise == null ? SupervisionPolicy.none() : SupervisionPolicy.create(p -> p.defaultInterval(supervise));
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
        .bindAddress(new InetSocketAddress(bind, port))
        .keys(keyring)
        .strict(strict)
        .sink(sink)
        .supervision(supervision)));
        OsborneHoffmanReceiver oh = ohPort == null ? null : OsborneHoffmanReceiver.start(ReceiverConfig.create(c -> c
            .bindAddress(new InetSocketAddress(bind, ohPort))
            .strict(strict)
            .sink(sink)
            .supervision(supervision)))) {
      err.println("listening on " + receiver.localAddress() + " (TCP and UDP)"
          + (oh != null ? ", Osborne-Hoffman on " + oh.localAddress() + " (TCP)" : "")
          + (journal != null ? ", journal " + journalDir : ""));
      err.flush();
      if (duration != null) {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      ReceiverMetrics m = receiver.metrics();
      err.println("frames " + m.framesDecoded() + ", acked " + m.acked() + ", duplicates " + m.duplicates()
          + ", events " + m.eventsDelivered() + ", refused " + m.refused()
          + ", ack latency p50 " + m.ackLatencyP50Micros() + " us, p99 " + m.ackLatencyP99Micros() + " us");
      if (oh != null) {
        ReceiverMetrics o = oh.metrics();
        err.println("Osborne-Hoffman: packets " + o.framesDecoded() + ", acked " + o.acked() + ", duplicates "
            + o.duplicates() + ", events " + o.eventsDelivered() + ", refused " + o.refused());
      }
      err.flush();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
      if (journal != null) {
        journal.close();
      }
    }
    return VpCli.EXIT_OK;
  }
}
