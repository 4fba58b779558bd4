package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardAutomationReceiver;
import io.github.vpsdk.vp.protocols.surgard.SurGardAutomationSender;
import io.github.vpsdk.vp.protocols.surgard.SurGardEndpoint;
import io.github.vpsdk.vp.protocols.surgard.SurGardReceiverConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardReceiverMetrics;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderMetrics;
import io.github.vpsdk.vp.testkit.internal.cli.Dc09Json;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vp surgard}: the Sur-Gard SG automation link, both ends. */
@Command(
    name = "surgard",
    description = "Sur-Gard SG automation output links (docs/protocols/surgard.md).",
    subcommands = {SurGardCommand.Listen.class, SurGardCommand.Bridge.class},
    mixinStandardHelpOptions = true)
final class SurGardCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Override
  public Integer call() {
    Objects.requireNonNull(spec).commandLine().usage(spec.commandLine().getErr());
    return VpCli.EXIT_USAGE;
  }

  /** Listen for the peer on a port, or connect to HOST:PORT. */
  static final class Where {
    @Option(names = "--port", paramLabel = "PORT", description = "listen on this port (0: any free port)")
    @Nullable Integer port;

    @Option(names = "--connect", paramLabel = "HOST:PORT", description = "connect to the peer (reconnecting with back-off)")
    @Nullable String connect;

    SurGardEndpoint endpoint(String bind) {
      if (connect != null) {
        int colon = connect.lastIndexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("--connect wants HOST:PORT");
        }
        return SurGardEndpoint.connect(connect.substring(0, colon), Integer.parseInt(connect.substring(colon + 1)));
      }
      return SurGardEndpoint.listen(bind, Objects.requireNonNull(port));
    }
  }

  private static void await(CountDownLatch stop, @Nullable Duration duration) throws InterruptedException {
    if (duration != null) {
      stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      stop.await();
    }
  }

  private static String hostPort(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }

  private static Thread hook(CountDownLatch stop) {
    Thread hook = new Thread(stop::countDown, "vp-surgard-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void unhook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // shutting down already
    }
  }

  /** {@code vp surgard listen}: the automation end, printing events as JSON lines. */
  @Command(
      name = "listen",
      description = {
        "Take a receiver's SG automation output (listen with --port, or connect to its automation"
            + " port with --connect, System III: 1025) and print every event as a JSON line. Each"
            + " packet is acknowledged once printed (and, with --journal, durable).",
        "Stops on Ctrl-C (or after --duration), then prints its counters on standard error."
      },
      mixinStandardHelpOptions = true)
  static final class Listen implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    @Nullable Where where;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "the address to listen on (default: ${DEFAULT-VALUE})")
    String bind = "0.0.0.0";

    @Option(names = "--journal", paramLabel = "DIR", description = "write every event to this journal before acknowledging it")
    @Nullable Path journalDir;

    @Option(names = "--supervise", defaultValue = "PT90S", paramLabel = "DURATION", description = "report the link lost after this silence (default: ${DEFAULT-VALUE})")
    Duration supervise = Duration.ofSeconds(90);

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (ISO-8601, e.g. PT30S); default: until interrupted")
    @Nullable Duration duration;

    @Override
    public Integer call() throws InterruptedException {
      CommandSpec s = Objects.requireNonNull(spec);
      PrintWriter out = s.commandLine().getOut();
      PrintWriter err = s.commandLine().getErr();
      SurGardEndpoint endpoint;
      try {
        endpoint = Objects.requireNonNull(where).endpoint(bind);
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
      Thread hook = hook(stop);
      try (SurGardAutomationReceiver link = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c
          .endpoint(endpoint).sink(sink).supervisionTimeout(supervise)))) {
        err.println(endpoint instanceof SurGardEndpoint.Listen ? "listening on " + link.localAddress()
            : "connecting to " + hostPort(((SurGardEndpoint.Connect) endpoint).address()));
        err.flush();
        await(stop, duration);
        SurGardReceiverMetrics m = link.metrics();
        err.println("packets " + m.packets() + ", heartbeats " + m.heartbeats() + ", events " + m.eventsDelivered()
            + ", acks " + m.acks() + ", naks " + m.naks() + ", duplicates " + m.duplicates() + ", refused " + m.refused()
            + ", link " + (m.linkLost() ? "lost" : "up"));
        err.flush();
      } finally {
        unhook(hook);
        if (journal != null) {
          journal.close();
        }
      }
      return VpCli.EXIT_OK;
    }
  }

  /** {@code vp surgard bridge}: a DC-09 receiver feeding an automation package. */
  @Command(
      name = "bridge",
      description = {
        "Run a SIA DC-09 receiver and forward every panel event to an automation package in the"
            + " SG format (the automation connects to --port, or vp connects to --connect). A panel"
            + " gets its ACK only once the automation acknowledged the event.",
        "Stops on Ctrl-C (or after --duration), then prints its counters on standard error."
      },
      mixinStandardHelpOptions = true)
  static final class Bridge implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Option(names = "--dc09-port", required = true, paramLabel = "PORT", description = "the DC-09 port, TCP and UDP (0: any free port)")
    int dc09Port;

    @ArgGroup(exclusive = true, multiplicity = "1")
    @Nullable Where where;

    @Option(names = "--bind", defaultValue = "0.0.0.0", paramLabel = "ADDRESS", description = "the address to listen on (default: ${DEFAULT-VALUE})")
    String bind = "0.0.0.0";

    @Option(names = "--key", paramLabel = "ACCOUNT=KEY", description = "a DC-09 AES key, ACCOUNT=hex:HEX or ACCOUNT=ascii:CHARS (ACCOUNT * for any); repeatable")
    List<String> keys = new ArrayList<>();

    @Option(names = "--receiver", defaultValue = "01", paramLabel = "RR", description = "the SG receiver number (default: ${DEFAULT-VALUE})")
    String receiverNumber = "01";

    @Option(names = "--line", defaultValue = "1", paramLabel = "L", description = "the SG line number, 1 or 3 digits (default: ${DEFAULT-VALUE})")
    String lineNumber = "1";

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (ISO-8601, e.g. PT30S); default: until interrupted")
    @Nullable Duration duration;

    @Override
    public Integer call() throws InterruptedException {
      CommandSpec s = Objects.requireNonNull(spec);
      PrintWriter err = s.commandLine().getErr();
      SurGardSenderConfig config;
      try {
        SurGardEndpoint endpoint = Objects.requireNonNull(where).endpoint(bind);
        config = SurGardSenderConfig.create(c -> c.endpoint(endpoint).receiverNumber(receiverNumber).lineNumber(lineNumber));
        Dc09Json.keys(keys);
      } catch (RuntimeException e) {
        err.println(e.getMessage());
        return VpCli.EXIT_USAGE;
      }
      CountDownLatch stop = new CountDownLatch(1);
      Thread hook = hook(stop);
      try (SurGardAutomationSender sender = SurGardAutomationSender.start(config);
          Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
              .bindAddress(new InetSocketAddress(bind, dc09Port)).keys(Dc09Json.keys(keys))
              .sink(sender.asSink()).sinkTimeout(Duration.ofSeconds(30))))) {
        err.println("DC-09 on " + receiver.localAddress() + ", automation "
            + (config.endpoint() instanceof SurGardEndpoint.Listen ? "on " + sender.localAddress()
                : "at " + hostPort(((SurGardEndpoint.Connect) config.endpoint()).address())));
        err.flush();
        await(stop, duration);
        SurGardSenderMetrics m = sender.metrics();
        err.println("frames " + receiver.metrics().framesDecoded() + ", forwarded " + m.acked() + ", queued " + m.queued()
            + ", retransmissions " + m.retransmissions() + ", heartbeats " + m.heartbeats() + ", skipped " + m.skipped()
            + ", state " + m.state());
        err.flush();
      } finally {
        unhook(hook);
      }
      return VpCli.EXIT_OK;
    }
  }
}
