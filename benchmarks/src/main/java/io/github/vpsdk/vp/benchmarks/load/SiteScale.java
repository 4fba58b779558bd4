package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import io.github.vpsdk.vp.testkit.site.EventRecord;
import io.github.vpsdk.vp.testkit.site.PanelSpec;
import io.github.vpsdk.vp.testkit.site.Scenario;
import io.github.vpsdk.vp.testkit.site.SimulatedPanel;
import io.github.vpsdk.vp.testkit.site.Site;
import io.github.vpsdk.vp.testkit.site.SiteOptions;
import io.github.vpsdk.vp.testkit.site.SiteOutcome;
import io.github.vpsdk.vp.testkit.site.ZoneType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The simulated site at scale: {@code --panels} panels (one fleet, ADM-CID over TCP, a link test
 * every minute) and {@code --cameras} simulated ONVIF cameras in this JVM, against a vp receiver
 * (durable journal) in a child JVM. Prints this JVM's heap after GC, resident memory, threads and
 * CPU: with the panels connected and idle, under {@code --rate} events per second, and again with
 * the cameras started.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.SiteScale \
 *     --panels 1000 --cameras 200 --idle 30 --rate 100 --seconds 30
 * </pre>
 */
public final class SiteScale {
  private SiteScale() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    int panels = Integer.parseInt(options.getOrDefault("panels", "1000"));
    int cameras = Integer.parseInt(options.getOrDefault("cameras", "200"));
    int idle = Integer.parseInt(options.getOrDefault("idle", "30"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        IdleConnections.class.getName(), "--server", "true").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintStream toServer = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
      InetSocketAddress receiver = new InetSocketAddress("127.0.0.1", Integer.parseInt(in.readLine().trim()));
      System.out.println("receiver (child JVM) on " + receiver);
      System.out.println("this JVM at start:        " + stats());
      Scenario scenario = Scenario.parse("name: scale\nduration: 1h\npanels:\n  - name: p\n    account: \"100000\"\n    count: " + panels
          + "\n    poll: 1m\n    zones: [{number: 1, type: burglary}, {number: 2, type: fire}]\n");
      long t0 = System.nanoTime();
      try (Site site = Site.start(scenario, SiteOptions.create(o -> o.receivers(receiver, null).threads(1)
          .ackTimeout(Duration.ofSeconds(10))))) {
        // every panel reports a test event, which opens its connection
        List<CompletableFuture<Void>> first = new ArrayList<>();
        for (SimulatedPanel p : site.panels()) {
          first.add(p.technical(io.github.vpsdk.vp.testkit.site.SiteAction.TechnicalKind.TEST));
        }
        CompletableFuture.allOf(first.toArray(new CompletableFuture<?>[0])).join();
        System.out.printf(Locale.ROOT, "%d panels connected and acknowledged in %.1f s%n", panels, (System.nanoTime() - t0) / 1e9);
        cpuSince();
        Thread.sleep(idle * 1000L);
        System.out.println("panels idle (" + idle + " s):   " + stats() + " cpu=" + cpuSince());
        System.out.println("receiver:                 " + ask(in, toServer));

        List<SimulatedPanel> list = new ArrayList<>(site.panels());
        int before = site.outcome().events().size();
        long start = System.nanoTime();
        long sent = 0;
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
          long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
          while (sent < due) {
            SimulatedPanel p = list.get((int) (sent % list.size()));
            p.technical(sent / list.size() % 2 == 0 ? io.github.vpsdk.vp.testkit.site.SiteAction.TechnicalKind.AC_LOSS
                : io.github.vpsdk.vp.testkit.site.SiteAction.TechnicalKind.AC_RESTORE);
            sent++;
          }
          Thread.sleep(5);
        }
        site.awaitSettled(Duration.ofSeconds(30));
        String load = stats() + " cpu=" + cpuSince();
        SiteOutcome outcome = site.outcome();
        List<EventRecord> loadEvents = outcome.events().subList(before, outcome.events().size());
        SiteOutcome part = new SiteOutcome(List.of(), loadEvents);
        System.out.printf(Locale.ROOT, "panels at %d events/s (%d s): %s; %d events, %d acknowledged, ack latency p50 %s p99 %s max %s%n",
            rate, seconds, load, loadEvents.size(), part.events(EventRecord.Status.ACKNOWLEDGED).size(),
            ms(part.latencyPercentile(50)), ms(part.latencyPercentile(99)), ms(part.latencyPercentile(100)));
        System.out.println("receiver:                 " + ask(in, toServer));

        if (cameras > 0) {
          List<SimulatedCamera> cams = new ArrayList<>();
          long c0 = System.nanoTime();
          try {
            cams.add(SimulatedCamera.builder().name("cam-0").credentials("admin", "secret").ptz(true).build().start());
            double firstCamera = (System.nanoTime() - c0) / 1e9;
            // the first camera of a JVM builds what all share (CXF bus and endpoints, threads)
            System.out.printf(Locale.ROOT, "first camera started in %.2f s: %s%n", firstCamera, stats());
            long c1 = System.nanoTime();
            for (int i = 1; i < cameras; i++) {
              cams.add(SimulatedCamera.builder().name("cam-" + i).credentials("admin", "secret").ptz(true).build().start());
            }
            double rest = (System.nanoTime() - c1) / 1e9;
            System.out.printf(Locale.ROOT, "%d cameras started in %.1f s (first %.2f s, then %.4f s each)%n", cameras, firstCamera + rest,
                firstCamera, cameras > 1 ? rest / (cameras - 1) : 0.0);
            cpuSince();
            Thread.sleep(idle * 1000L);
            System.out.println("panels + cameras idle:    " + stats() + " cpu=" + cpuSince());
          } finally {
            for (SimulatedCamera c : cams) {
              c.close();
            }
          }
        }
      }
      toServer.println("quit");
    } finally {
      server.waitFor();
    }
  }

  private static String ms(Duration d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.1fms", d.toNanos() / 1e6);
  }

  private static String ask(BufferedReader in, PrintStream out) throws IOException {
    out.println("stats");
    return in.readLine();
  }

  private static long lastCpu;
  private static long lastWall = System.nanoTime();

  /** CPU used by this JVM since the last call, as a share of one core. */
  private static String cpuSince() {
    long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    long wall = System.nanoTime();
    String s = String.format(Locale.ROOT, "%.1f%% of one core", 100.0 * (cpu - lastCpu) / Math.max(1, wall - lastWall));
    lastCpu = cpu;
    lastWall = wall;
    return s;
  }

  private static String stats() {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    String rss = "?";
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          rss = l.substring(6).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return String.format(Locale.ROOT, "heapAfterGc=%.1fMB rss=%s threads=%d", (rt.totalMemory() - rt.freeMemory()) / 1e6, rss,
        ManagementFactory.getThreadMXBean().getThreadCount());
  }
}
