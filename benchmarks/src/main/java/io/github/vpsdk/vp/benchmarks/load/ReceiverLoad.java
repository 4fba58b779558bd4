package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.core.journal.FsyncMode;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Receiver throughput and ACK latency: N panel connections on loopback, each sending an ADM-CID
 * event frame and waiting for its ACK before the next (closed loop), against vp's receiver with
 * the durable journal (fsync, group commit) as its sink.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.ReceiverLoad \
 *     --connections 64 --seconds 10 --warmup 3 --encrypted false --fsync true
 * </pre>
 *
 * <p>Every frame of a connection is the same message, so the receiver's duplicate window is set
 * to 1 ms: each frame is delivered and journaled (the window lookup still runs). The per-source
 * limits are raised, since all panels come from 127.0.0.1.
 */
public final class ReceiverLoad {
  private ReceiverLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
    boolean encrypted = Boolean.parseBoolean(options.getOrDefault("encrypted", "false"));
    boolean fsync = Boolean.parseBoolean(options.getOrDefault("fsync", "true"));
    Path dir = Files.createTempDirectory("vp-receiver-load-");
    EventLoopGroup clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (Journal journal = Journal.open(JournalConfig.create(b -> b.directory(dir).fsyncMode(fsync ? FsyncMode.DURABLE : FsyncMode.NONE)));
        Dc09Receiver receiver = BenchReceiver.start(journal)) {
      // each connection is its own panel (account) cycling through 64 distinct messages (sequence numbers)
      java.util.function.IntFunction<byte[][]> framesOf = i -> BenchReceiver.frames(i, encrypted);
      EchoCeiling.Result result = EchoCeiling.ClosedLoopClient.run(clients, receiver.localAddress(), connections, framesOf, warmup, seconds);
      ReceiverMetrics m = receiver.metrics();
      System.out.println(result.format("vp receiver (" + (encrypted ? "AES-128" : "plain") + ", journal " + (fsync ? "fsync" : "no fsync") + ")", connections)
          + " | receiver: acked=" + m.acked() + " delivered=" + m.eventsDelivered() + " duplicates=" + m.duplicates()
          + " refused=" + m.refused() + " | " + journal.stats());
    } finally {
      clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
