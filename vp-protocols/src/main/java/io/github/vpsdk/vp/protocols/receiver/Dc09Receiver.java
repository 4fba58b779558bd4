package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.internal.netty.ConnectionLimiter;
import io.github.vpsdk.vp.protocols.internal.netty.Dc09TcpHandler;
import io.github.vpsdk.vp.protocols.internal.netty.Dc09UdpHandler;
import io.github.vpsdk.vp.protocols.internal.receiver.FrameProcessor;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIA DC-09 receiver: TCP and UDP on one port, AES per account, and the rule that makes it
 * safe: <b>an event is acknowledged only after the sink has it</b>. If the sink fails or does not
 * answer in time, the panel gets no {@code ACK} and sends again; a retry of a message already
 * delivered is acknowledged again but not delivered twice.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(dir);
 *     Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
 *         .port(5000)
 *         .keys(Dc09Keys.of(Map.of("1234", Dc09Key.fromHex("...")), null))
 *         .sink(EventSink.journal(journal))
 *         .supervision(SupervisionPolicy.create(s -> s.defaultInterval(Duration.ofMinutes(3))))))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Answers follow DC-09: {@code ACK} (encrypted when the frame was) echoing sequence, receiver,
 * prefix and account byte for byte, in the sender's own framing dialect; {@code NAK} with the
 * receiver's time for a bad CRC or length, a missing key, a failed decryption, or a timestamp
 * outside the window; {@code DUH} for an unsupported token or event data it cannot read; nothing
 * for noise and for frames over the per-source rate. Unknown event codes are acknowledged and
 * delivered (category {@code UNKNOWN}).
 *
 * <p>Supervision: accounts with an interval in the {@link SupervisionPolicy} that stay silent get
 * a {@code SUPERVISION_LOST} event, and a {@code SUPERVISION_RESTORED} when heard again, both
 * delivered to the sink.
 *
 * <p>Threads: one network event loop (configurable) and a small pool that calls the sink; the
 * sink is never called on the event loop. {@link #close()} stops listening, lets in-flight
 * deliveries finish (up to the sink timeout) and releases all threads.
 */
public final class Dc09Receiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Dc09Receiver.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ReceiverConfig config;
  private final EventLoopGroup group;
  private final ExecutorService deliveryExecutor;
  private final FrameProcessor processor;
  private final ConnectionLimiter limiter;
  private final AccountSupervisor supervisor;
  private @Nullable Channel tcpChannel;
  private @Nullable Channel udpChannel;
  private @Nullable ScheduledFuture<?> supervisionTask;
  private InetSocketAddress localAddress;

  private Dc09Receiver(ReceiverConfig config) {
    this.config = config;
    int n = COUNTER.incrementAndGet();
    this.group = newGroup(config.ioThreads(), "vp-dc09-receiver-" + n + "-io");
    this.deliveryExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, "vp-dc09-receiver-" + n + "-sink"));
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(config.keys()).strict(config.strict())));
    this.supervisor = new AccountSupervisor(config.clock(), config.supervision());
    this.processor = new FrameProcessor(config, codec, supervisor, deliveryExecutor);
    this.limiter = new ConnectionLimiter(config.maxConnections(), config.maxConnectionsPerSource(), processor);
    this.localAddress = config.bindAddress();
  }

  /** NioEventLoopGroup exists in Netty 4.1 and 4.2 alike (4.2 deprecates it), so vp runs on both. */
  @SuppressWarnings("deprecation")
  static EventLoopGroup newGroup(int threads, String name) {
    java.util.concurrent.ThreadFactory factory = r -> daemon(r, name);
    return new io.netty.channel.nio.NioEventLoopGroup(threads, factory);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Starts a receiver: binds TCP and UDP (as configured) to the address, on the same port.
   *
   * @param config the settings
   * @return the running receiver
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public static Dc09Receiver start(ReceiverConfig config) {
    Dc09Receiver receiver = new Dc09Receiver(config);
    try {
      receiver.bind();
    } catch (RuntimeException e) {
      receiver.close();
      throw e;
    }
    return receiver;
  }

  private void bind() {
    InetSocketAddress wanted = config.bindAddress();
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        int port = wanted.getPort();
        if (config.tcp()) {
          tcpChannel = bindTcp(new InetSocketAddress(wanted.getAddress(), port));
          port = ((InetSocketAddress) tcpChannel.localAddress()).getPort();
        }
        if (config.udp()) {
          udpChannel = bindUdp(new InetSocketAddress(wanted.getAddress(), port));
          port = ((InetSocketAddress) udpChannel.localAddress()).getPort();
        }
        localAddress = new InetSocketAddress(wanted.getAddress(), port);
        break;
      } catch (Exception e) {
        // with port 0, the free TCP port may be taken for UDP: try another pair
        closeChannels();
        if (wanted.getPort() != 0 || attempt == 19) {
          throw new VpException(VpException.Reason.IO, "cannot listen on " + wanted + ": " + e.getMessage(), e);
        }
      }
    }
    long every = config.supervisionCheckInterval().toMillis();
    supervisionTask = group.next().scheduleAtFixedRate(processor::checkSupervision, every, every, TimeUnit.MILLISECONDS);
    log.info("DC-09 receiver listening on {} ({}{})", localAddress, config.tcp() ? "TCP" : "", config.udp() ? (config.tcp() ? "+UDP" : "UDP") : "");
  }

  private Channel bindTcp(InetSocketAddress address) throws InterruptedException {
    long idle = config.idleTimeout().toMillis();
    return new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(limiter);
            if (config.tls() != null) {
              SSLEngine engine = config.tls().createSSLEngine();
              engine.setUseClientMode(false);
              ch.pipeline().addLast(new SslHandler(engine));
            }
            ch.pipeline()
                .addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS))
                .addLast(new Dc09TcpHandler(processor));
          }
        })
        .bind(address).sync().channel();
  }

  private Channel bindUdp(InetSocketAddress address) throws InterruptedException {
    return new Bootstrap()
        .group(group)
        .channel(NioDatagramChannel.class)
        .handler(new Dc09UdpHandler(processor))
        .bind(address).sync().channel();
  }

  /**
   * Where the receiver listens; with port 0 configured, the port it got.
   *
   * @return the address
   */
  public InetSocketAddress localAddress() {
    return localAddress;
  }

  /**
   * The counters since start.
   *
   * @return a snapshot
   */
  public ReceiverMetrics metrics() {
    return processor.metrics(limiter.open());
  }

  /**
   * The account supervisor, to register accounts expected to report ({@link
   * AccountSupervisor#expect}) or to read when each was last heard.
   *
   * @return the supervisor
   */
  public AccountSupervisor supervisor() {
    return supervisor;
  }

  /** Looks for silent accounts now instead of at the next periodic check (for tests with a moved clock). */
  public void checkSupervisionNow() {
    processor.checkSupervision();
  }

  /** Stops listening, waits for in-flight deliveries (up to the sink timeout) and releases threads. */
  @Override
  public void close() {
    if (supervisionTask != null) {
      supervisionTask.cancel(false);
    }
    closeChannels();
    long deadline = System.nanoTime() + config.sinkTimeout().toNanos();
    while (processor.metrics(0).inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    deliveryExecutor.shutdown();
  }

  private void closeChannels() {
    if (tcpChannel != null) {
      tcpChannel.close().syncUninterruptibly();
      tcpChannel = null;
    }
    if (udpChannel != null) {
      udpChannel.close().syncUninterruptibly();
      udpChannel = null;
    }
  }
}
