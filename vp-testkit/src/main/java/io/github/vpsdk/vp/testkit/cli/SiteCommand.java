package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.testkit.site.EventRecord;
import io.github.vpsdk.vp.testkit.site.Scenario;
import io.github.vpsdk.vp.testkit.site.Site;
import io.github.vpsdk.vp.testkit.site.SiteOptions;
import io.github.vpsdk.vp.testkit.site.SiteOutcome;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vp site}: runs a scenario's simulated panels against a receiver and reports. */
@Command(
    name = "site",
    description = {
      "Run a simulated site (a scenario file, YAML or JSON) against a DC-09 receiver - vp's or any"
          + " other product's - and print a report: events sent, acknowledged, refused, retried,"
          + " link tests, ACK latency percentiles. The format of scenarios is in docs/testkit-site.md.",
      "By default the timeline runs in real time; --virtual runs it as fast as the exchanges allow"
          + " (the panels' clocks then run ahead of the receiver's: give it a wide timestamp window).",
      "Exit status: 0 when the scenario's expectations hold, 1 when they do not, 2 on a usage error,"
          + " 3 when the file cannot be read."
    },
    mixinStandardHelpOptions = true)
final class SiteCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario file")
  Path scenarioFile = Path.of("");

  @Option(names = "--receiver", paramLabel = "HOST:PORT", description = "the primary receiver (default: the scenario's)")
  @Nullable String receiver;

  @Option(names = "--backup", paramLabel = "HOST:PORT", description = "the backup receiver (default: the scenario's)")
  @Nullable String backup;

  @Option(names = "--virtual", description = "run in virtual time instead of real time")
  boolean virtual;

  @Option(names = "--ack-timeout", defaultValue = "PT5S", paramLabel = "DURATION",
      description = "how long a panel waits for an answer (default: ${DEFAULT-VALUE})")
  Duration ackTimeout = Duration.ofSeconds(5);

  @Option(names = "--json", description = "print every event as a JSON line before the report")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    Scenario scenario;
    try {
      scenario = Scenario.load(scenarioFile);
    } catch (NoSuchFileException e) {
      err.println("no such file: " + scenarioFile);
      return VpCli.EXIT_IO;
    } catch (IOException e) {
      err.println("cannot read " + scenarioFile + ": " + e.getMessage());
      return VpCli.EXIT_IO;
    } catch (IllegalArgumentException e) {
      err.println(scenarioFile + ": " + e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    SiteOptions options;
    try {
      InetSocketAddress primary = receiver == null ? null : address(receiver);
      InetSocketAddress backupAddress = backup == null ? null : address(backup);
      if (primary == null && scenario.primary() == null) {
        err.println("no receiver: give --receiver HOST:PORT or receivers.primary in the scenario");
        return VpCli.EXIT_USAGE;
      }
      options = SiteOptions.create(b -> b.receivers(primary, backupAddress).ackTimeout(ackTimeout)
          .retryBackoff(Duration.ofMillis(500)).attemptsPerPath(3).retryPrimaryAfter(Duration.ofSeconds(30))
          .settleTimeout(ackTimeout.multipliedBy(10)).threads(2)
          .virtualTime(virtual ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : null));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    err.println("running " + scenario.name() + ": " + scenario.panels().size() + " panels, " + scenario.timeline().size()
        + " timeline steps, " + scenario.duration() + (virtual ? " in virtual time" : ""));
    SiteOutcome outcome;
    try (Site site = Site.start(scenario, options)) {
      outcome = site.runToEnd();
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    if (json) {
      for (EventRecord e : outcome.events()) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("panel", e.panel());
        line.put("data", e.data());
        line.put("queuedAt", e.queuedAt().toString());
        line.put("status", e.status().name().toLowerCase(java.util.Locale.ROOT));
        line.put("attempts", e.attempts());
        line.put("path", e.lastPath());
        line.put("latencyMs", e.latency() == null ? null : e.latency().toNanos() / 1e6);
        JsonLines.write(out, line);
      }
    }
    out.print(outcome.report());
    List<String> broken = outcome.check(scenario.expectations());
    if (broken.isEmpty()) {
      out.println("expectations: met");
      out.flush();
      return VpCli.EXIT_OK;
    }
    for (String b : broken) {
      out.println("expectation not met: " + b);
    }
    out.flush();
    return VpCli.EXIT_CHECK_FAILED;
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
    }
    try {
      return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected HOST:PORT, got " + hostPort);
    }
  }
}
