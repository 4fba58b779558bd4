package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.core.journal.FsyncMode;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ACK latency at a fixed offered rate (open loop): the client sends frames at {@code --rate}
 * frames per second in total, spread round-robin over {@code --connections} panel connections,
 * whether or not earlier frames were answered, and measures each frame's latency from the moment
 * it was <em>due</em> (not the moment it was written), so that a stalled receiver cannot hide its
 * stall by slowing the sender down (no coordinated omission). vp's receiver with the durable
 * journal is the target.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.OpenLoopLoad \
 *     --rate 10000 --connections 64 --seconds 20 --warmup 5 --encrypted false --fsync true
 * </pre>
 *
 * <p>A connection answers in order (one event loop per connection, a journal that completes in
 * order), so each reply is matched to the oldest frame awaiting one on that connection. The run
 * reports the achieved rate and, if the receiver fell behind, the frames still unanswered at the
 * end (counted as errors).
 */
public final class OpenLoopLoad {
  private OpenLoopLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "10000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    boolean encrypted = Boolean.parseBoolean(options.getOrDefault("encrypted", "false"));
    boolean fsync = Boolean.parseBoolean(options.getOrDefault("fsync", "true"));
    Path dir = Files.createTempDirectory("vp-open-loop-");
    EventLoopGroup clients = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try (Journal journal = Journal.open(JournalConfig.create(b -> b.directory(dir).fsyncMode(fsync ? FsyncMode.DURABLE : FsyncMode.NONE)));
        Dc09Receiver receiver = BenchReceiver.start(journal)) {
      Conn[] conns = new Conn[connections];
      for (int i = 0; i < connections; i++) {
        byte[][] frames = BenchReceiver.frames(i, encrypted);
        conns[i] = new Conn(frames);
      }
      LatencyRecorder recorder = new LatencyRecorder();
      long[] counters = new long[3]; // answered in measurement, errors, sent in measurement
      boolean[] measuring = {false};
      Bootstrap bootstrap = new Bootstrap()
          .group(clients)
          .channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline()
                  .addLast(new DelimiterBasedFrameDecoder(4096, false, Unpooled.wrappedBuffer(new byte[] {'\r'})))
                  .addLast(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                      long at = System.nanoTime();
                      ((ByteBuf) msg).release();
                      Conn conn = ctx.channel().attr(CONN).get();
                      Long due = conn.due.poll();
                      if (due == null) {
                        counters[1]++;
                        return;
                      }
                      if (due < 0) { // sent during warm-up
                        return;
                      }
                      recorder.record(at - due);
                      counters[0]++;
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                      counters[1]++;
                      ctx.close();
                    }
                  });
            }
          });
      for (Conn conn : conns) {
        conn.channel = bootstrap.attr(CONN, conn).connect(receiver.localAddress()).sync().channel();
      }
      // the pacer runs on the client's only event loop, as do the handlers: no locking needed
      long start = System.nanoTime();
      long measureFrom = start + warmup * 1_000_000_000L;
      long end = measureFrom + seconds * 1_000_000_000L;
      double interval = 1e9 / rate;
      long[] sent = {0};
      int[] next = {0};
      ScheduledFuture<?> pacer = clients.next().scheduleAtFixedRate(() -> {
        long t = System.nanoTime();
        long dueCount = Math.min((long) ((Math.min(t, end) - start) / interval), sent[0] + rate); // at most 1 s of backlog per tick
        while (sent[0] < dueCount) {
          long due = start + (long) (sent[0] * interval);
          Conn conn = conns[next[0]++ % conns.length];
          boolean measured = due >= measureFrom;
          conn.due.add(measured ? due : -1L);
          if (measured) {
            counters[2]++;
          }
          conn.channel.write(Unpooled.wrappedBuffer(conn.frames[conn.next++ % conn.frames.length]));
          conn.dirty = true;
          sent[0]++;
        }
        for (Conn conn : conns) {
          if (conn.dirty) {
            conn.channel.flush();
            conn.dirty = false;
          }
        }
      }, 0, 200, TimeUnit.MICROSECONDS);
      Thread.sleep((end - System.nanoTime()) / 1_000_000 + 1);
      pacer.cancel(false);
      Thread.sleep(2000); // let the last answers arrive
      long[] result = clients.submit(() -> {
        long unanswered = 0;
        for (Conn conn : conns) {
          for (Long d : conn.due) {
            if (d >= 0) {
              unanswered++;
            }
          }
        }
        return new long[] {counters[0], counters[1], counters[2], unanswered};
      }).get();
      long[] sorted = clients.submit(() -> LatencyRecorder.merge(List.of(recorder))).get();
      for (Conn conn : conns) {
        conn.channel.close().sync();
      }
      ReceiverMetrics m = receiver.metrics();
      System.out.printf(java.util.Locale.ROOT,
          "vp receiver open loop (%s, journal %s): connections=%d offered=%d/s answered/s=%.0f p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus unanswered=%d errors=%d | receiver: acked=%d delivered=%d duplicates=%d | %s%n",
          encrypted ? "AES-128" : "plain", fsync ? "fsync" : "no fsync", connections, rate,
          result[0] / (double) seconds,
          LatencyRecorder.percentileMicros(sorted, 50), LatencyRecorder.percentileMicros(sorted, 99),
          LatencyRecorder.percentileMicros(sorted, 99.9),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0,
          result[3], result[1], m.acked(), m.eventsDelivered(), m.duplicates(), journal.stats());
    } finally {
      clients.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final io.netty.util.AttributeKey<Conn> CONN = io.netty.util.AttributeKey.valueOf("vp.conn");

  private static final class Conn {
    final byte[][] frames;
    final ArrayDeque<Long> due = new ArrayDeque<>();
    Channel channel;
    int next;
    boolean dirty;

    Conn(byte[][] frames) {
      this.frames = frames;
    }
  }
}
