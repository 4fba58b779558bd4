package io.github.vpsdk.vp.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import static io.github.vpsdk.vp.benchmarks.load.EchoCeiling.ClosedLoopClient.FRAMES;

/**
 * The ceiling for vp's receiver figures: a bare Netty echo server and a closed-loop client on
 * loopback, with the same connection counts and the same discipline as the receiver benchmark
 * (each connection waits for the reply to its frame before it sends the next). Whatever the
 * receiver achieves is measured against this.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.EchoCeiling \
 *     --connections 64 --seconds 10 --warmup 3
 * </pre>
 *
 * <p>Frames are DC-09-sized (a 60-byte line ending in CR). Server and client each get one event
 * loop thread, so on a 2-core machine they do not fight for cores.
 */
public final class EchoCeiling {

  private static final byte[] FRAME =
      "\n8E1F0044\"SIA-DCS\"0001R1L1#1234[#1234|Nri1/BA001]_10:15:00,11-23-2026\r"
          .getBytes(StandardCharsets.ISO_8859_1);

  private EchoCeiling() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));

    EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    EventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server =
          new ServerBootstrap()
              .group(serverGroup)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 4096)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new DelimiterBasedFrameDecoder(1024, false, Unpooled.wrappedBuffer(new byte[] {'\r'})))
                          .addLast(
                              new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                  ctx.writeAndFlush(msg);
                                }
                              });
                    }
                  })
              .bind(new InetSocketAddress("127.0.0.1", 0))
              .sync()
              .channel();
      InetSocketAddress address = (InetSocketAddress) server.localAddress();
      Result result = ClosedLoopClient.run(clientGroup, address, connections, i -> new byte[][] {FRAME}, warmup, seconds);
      System.out.println(result.format("netty echo (ceiling)", connections));
      server.close().sync();
    } finally {
      serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  /** What a run measured. */
  record Result(long completed, double seconds, long[] sortedLatencies, long errors) {
    String format(String what, int connections) {
      return String.format(
          java.util.Locale.ROOT,
          "%s: connections=%d replies/s=%.0f p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus errors=%d samples=%d",
          what,
          connections,
          completed / seconds,
          LatencyRecorder.percentileMicros(sortedLatencies, 50),
          LatencyRecorder.percentileMicros(sortedLatencies, 99),
          LatencyRecorder.percentileMicros(sortedLatencies, 99.9),
          sortedLatencies.length == 0 ? Double.NaN : sortedLatencies[sortedLatencies.length - 1] / 1000.0,
          errors,
          sortedLatencies.length);
    }
  }

  /** Connections that each send a frame, wait for one reply line, and send again (cycling through their frames). */
  static final class ClosedLoopClient {
    static final io.netty.util.AttributeKey<byte[][]> FRAMES = io.netty.util.AttributeKey.valueOf("vp.frames");

    private ClosedLoopClient() {}

    static Result run(
        EventLoopGroup group,
        InetSocketAddress target,
        int connections,
        java.util.function.IntFunction<byte[][]> framesOf,
        int warmupSeconds,
        int seconds)
        throws InterruptedException {
      AtomicBoolean measuring = new AtomicBoolean(false);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong completed = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      Map<Thread, LatencyRecorder> recorders = new ConcurrentHashMap<>();
      Bootstrap bootstrap =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new DelimiterBasedFrameDecoder(4096, false, Unpooled.wrappedBuffer(new byte[] {'\r'})))
                          .addLast(
                              new ChannelInboundHandlerAdapter() {
                                long sentAt;
                                int next;

                                @Override
                                public void channelActive(ChannelHandlerContext ctx) {
                                  send(ctx);
                                }

                                private void send(ChannelHandlerContext ctx) {
                                  byte[][] frames = ctx.channel().attr(FRAMES).get();
                                  sentAt = System.nanoTime();
                                  ctx.writeAndFlush(Unpooled.wrappedBuffer(frames[next++ % frames.length]));
                                }

                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                  long latency = System.nanoTime() - sentAt;
                                  ((ByteBuf) msg).release();
                                  if (measuring.get()) {
                                    recorders
                                        .computeIfAbsent(Thread.currentThread(), t -> new LatencyRecorder())
                                        .record(latency);
                                    completed.incrementAndGet();
                                  }
                                  if (running.get()) {
                                    send(ctx);
                                  }
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                  errors.incrementAndGet();
                                  ctx.close();
                                }
                              });
                    }
                  });
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        byte[][] frames = framesOf.apply(i);
        Channel ch = bootstrap.attr(FRAMES, frames).connect(target).sync().channel();
        channels.add(ch);
      }
      Thread.sleep(warmupSeconds * 1000L);
      measuring.set(true);
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      measuring.set(false);
      double elapsed = (System.nanoTime() - start) / 1e9;
      running.set(false);
      for (Channel c : channels) {
        c.close().sync();
      }
      // the recorders are only written on the client loop, which is idle once the channels closed
      long[] sorted =
          group.submit(() -> LatencyRecorder.merge(recorders.values())).syncUninterruptibly().getNow();
      return new Result(completed.get(), elapsed, sorted, errors.get());
    }
  }
}
