package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Many idle panel connections on one receiver: what they cost (heap, resident memory, threads,
 * CPU while idle) and whether the receiver still answers all of them promptly.
 *
 * <p>The receiver (durable journal sink, default settings except the connection limits and an
 * idle timeout of one hour) runs in a child JVM, so that its figures are its own and that neither
 * process needs more than {@code connections} file descriptors. The client opens the connections
 * with plain NIO sockets, reads the receiver's figures, lets the connections sit idle, reads
 * again, then sends one event frame on every connection at once and times the ACKs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.IdleConnections \
 *     --connections 10000 --idle 30 --heap 512m
 * </pre>
 */
public final class IdleConnections {
  private IdleConnections() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    if (options.containsKey("server")) {
      server();
      return;
    }
    int connections = Integer.parseInt(options.getOrDefault("connections", "10000"));
    int idleSeconds = Integer.parseInt(options.getOrDefault("idle", "30"));
    String heap = options.getOrDefault("heap", "512m");
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(javaBin, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
        IdleConnections.class.getName(), "--server", "true")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8)) {
      int port = Integer.parseInt(in.readLine().trim());
      System.out.println("receiver (child JVM, -Xmx" + heap + ") on port " + port);
      System.out.println("before:      " + ask(in, out));
      List<SocketChannel> channels = new ArrayList<>(connections);
      long t0 = System.nanoTime();
      for (int i = 0; i < connections; i++) {
        SocketChannel ch = SocketChannel.open();
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        channels.add(ch);
      }
      System.out.printf(java.util.Locale.ROOT, "opened %d connections in %.1f s%n", connections, (System.nanoTime() - t0) / 1e9);
      Thread.sleep(2000);
      System.out.println("connected:   " + ask(in, out));
      Thread.sleep(idleSeconds * 1000L);
      System.out.println("after idle:  " + ask(in, out) + " (cpu over the last " + idleSeconds + " s of idling)");

      // one event per connection, all at once; then wait for every ACK. Twice: the first burst
      // runs on a cold JVM (interpreted code, compilations), the second on warm code.
      Selector selector = Selector.open();
      for (int i = 0; i < connections; i++) {
        SocketChannel ch = channels.get(i);
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ, i);
      }
      for (int round = 1; round <= 2; round++) {
        burst(channels, selector, round);
        System.out.println("after burst: " + ask(in, out));
      }
      for (SocketChannel ch : channels) {
        ch.close();
      }
      selector.close();
      out.println("quit");
    } finally {
      server.waitFor();
    }
  }

  private static void burst(List<SocketChannel> channels, Selector selector, int sequence) throws IOException {
    int connections = channels.size();
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> { }));
    Instant now = Instant.now();
    long[] sentAt = new long[connections];
    long[] latency = new long[connections];
    byte[][] frames = new byte[connections][];
    for (int i = 0; i < connections; i++) {
      String account = String.format("%06X", i + 1);
      frames[i] = codec.encode(Dc09Message.event(Dc09Message.ADM_CID, sequence, "1", "0", account,
          String.format("#%s|1130 01 %03d", account, sequence), now));
    }
    long first = System.nanoTime();
    for (int i = 0; i < connections; i++) {
      sentAt[i] = System.nanoTime();
      ByteBuffer b = ByteBuffer.wrap(frames[i]);
      while (b.hasRemaining()) {
        channels.get(i).write(b);
      }
    }
    long written = System.nanoTime();
    int answered = 0;
    ByteBuffer buf = ByteBuffer.allocate(4096);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (answered < connections && System.nanoTime() < deadline) {
      selector.select(1000);
      for (SelectionKey k : selector.selectedKeys()) {
        int i = (Integer) k.attachment();
        buf.clear();
        int n = ((SocketChannel) k.channel()).read(buf);
        if (n > 0 && latency[i] == 0) {
          latency[i] = System.nanoTime() - sentAt[i];
          answered++;
        } else if (n < 0) {
          k.cancel();
        }
      }
      selector.selectedKeys().clear();
    }
    long done = System.nanoTime();
    long[] sorted = Arrays.stream(latency).filter(l -> l > 0).sorted().toArray();
    System.out.printf(java.util.Locale.ROOT,
        "burst %d (%s JVM): one event on each connection, written in %.0f ms; answered %d of %d in %.0f ms (%.0f events/s);"
            + " ACK latency p50=%.1fms p99=%.1fms max=%.1fms%n",
        sequence, sequence == 1 ? "cold" : "warm", (written - first) / 1e6, answered, connections, (done - first) / 1e6,
        answered / ((done - first) / 1e9), LatencyRecorder.percentileMicros(sorted, 50) / 1000,
        LatencyRecorder.percentileMicros(sorted, 99) / 1000,
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
  }

  private static String ask(BufferedReader in, PrintStream out) throws IOException {
    out.println("stats");
    return in.readLine();
  }

  /** The child: a receiver that reports its own figures when asked on standard input. */
  private static void server() throws Exception {
    Path dir = Files.createTempDirectory("vp-idle-");
    try (Journal journal = Journal.open(JournalConfig.create(b -> b.directory(dir)));
        Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
            .sink(EventSink.journal(journal))
            .udp(false)
            .idleTimeout(Duration.ofHours(1))
            .maxConnections(100_000, 100_000)
            .maxFramesPerSecondPerSource(Integer.MAX_VALUE)))) {
      System.out.println(receiver.localAddress().getPort());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      long lastCpu = cpuNanos();
      String line;
      while ((line = in.readLine()) != null && !line.equals("quit")) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        long cpu = cpuNanos();
        ReceiverMetrics m = receiver.metrics();
        System.out.printf(java.util.Locale.ROOT,
            "connections=%d heapUsedAfterGc=%.1fMB rss=%s threads=%d cpuSinceLast=%.2fs acked=%d%n",
            m.openConnections(), heapUsed / 1e6, rss(), ManagementFactory.getThreadMXBean().getThreadCount(), (cpu - lastCpu) / 1e9, m.acked());
        System.out.flush();
        lastCpu = cpu;
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String rss() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return l.substring(6).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "?";
  }
}
