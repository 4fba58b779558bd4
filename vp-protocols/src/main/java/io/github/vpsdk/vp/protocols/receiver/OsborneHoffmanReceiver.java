package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.internal.netty.OhTcpHandler;
import io.github.vpsdk.vp.protocols.internal.receiver.OhProcessor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Osborne-Hoffman receiver: the TCP listener Aritech/ATS, Interlogix NetworX/CSX75,
 * UTC/Carrier and some Honeywell panels report to ("OH+SIA", "OH+XSIA", "OH+CID" in their
 * manuals). It keeps the guarantees of {@link Dc09Receiver}, and takes the same {@link
 * ReceiverConfig}, so a console runs both with one sink, one catalogue and one listener:
 *
 * <pre>{@code
 * EventSink sink = EventSink.journal(journal);
 * try (Dc09Receiver dc09 = Dc09Receiver.start(ReceiverConfig.create(c -> c.port(5000).sink(sink)));
 *     OsborneHoffmanReceiver oh = OsborneHoffmanReceiver.start(
 *         ReceiverConfig.create(c -> c.port(8996).sink(sink)), OhReceiverOptions.defaults())) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Per connection: the receiver sends a fresh 3DES key (XOR-scrambled), then answers each panel
 * packet. <b>An event is acknowledged only after the sink has it</b>; if the sink fails or times
 * out the panel gets {@code NACK} and sends again; a retry of a message already delivered is
 * acknowledged again but not delivered twice. Heartbeats are acknowledged at once and count as
 * the panel being heard (supervision by (receiver, line, system account)). A version-2 heartbeat
 * with identifier 0 gets a new identifier ({@code ID} reply) kept in the {@link PanelIdStore}; a
 * panel that later reports another identifier is handled by {@link
 * OhReceiverOptions.Substitution} (default: a SIA {@code AA} event). Malformed packets get {@code
 * NACK}; an over-long packet, a version-4 packet or key request ends the connection.
 *
 * <p>Of the {@link ReceiverConfig}, these fields apply: bind address and port, sink, catalogue,
 * clock, strict, idle timeout, connection limits, sink timeout, duplicate window, supervision,
 * io threads, listener. TCP only: {@code udp}, {@code tls}, {@code keys} and the timestamp window
 * are not used (the OH timestamp is informative).
 */
public final class OsborneHoffmanReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OsborneHoffmanReceiver.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ReceiverConfig config;
  private final EventLoopGroup group;
  private final ExecutorService deliveryExecutor;
  private final OhProcessor processor;
  private final AccountSupervisor supervisor;
  private @Nullable Channel channel;
  private @Nullable ScheduledFuture<?> supervisionTask;
  private InetSocketAddress localAddress;

  private OsborneHoffmanReceiver(ReceiverConfig config, OhReceiverOptions options) {
    this.config = config;
    int n = COUNTER.incrementAndGet();
    this.group = Dc09Receiver.newGroup(config.ioThreads(), "vp-oh-receiver-" + n + "-io");
    this.deliveryExecutor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "vp-oh-receiver-" + n + "-sink");
      t.setDaemon(true);
      return t;
    });
    this.supervisor = new AccountSupervisor(config.clock(), config.supervision());
    this.processor = new OhProcessor(config, options, supervisor, deliveryExecutor);
    this.localAddress = config.bindAddress();
  }

  /**
   * Starts a receiver with the default OH options.
   *
   * @param config the shared settings
   * @return the running receiver
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public static OsborneHoffmanReceiver start(ReceiverConfig config) {
    return start(config, OhReceiverOptions.defaults());
  }

  /**
   * Starts a receiver: binds TCP to the configured address and port.
   *
   * @param config the shared settings
   * @param options the OH settings
   * @return the running receiver
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public static OsborneHoffmanReceiver start(ReceiverConfig config, OhReceiverOptions options) {
    OsborneHoffmanReceiver receiver = new OsborneHoffmanReceiver(config, options);
    try {
      receiver.bind();
    } catch (RuntimeException e) {
      receiver.close();
      throw e;
    }
    return receiver;
  }

  private void bind() {
    long idle = config.idleTimeout().toMillis();
    try {
      Channel ch = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 4096)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline()
                  .addLast(new IdleStateHandler(idle, 0, 0, TimeUnit.MILLISECONDS))
                  .addLast(new OhTcpHandler(processor));
            }
          })
          .bind(config.bindAddress()).sync().channel();
      channel = ch;
      localAddress = (InetSocketAddress) ch.localAddress();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new VpException(VpException.Reason.IO, "cannot listen on " + config.bindAddress() + ": " + e.getMessage(), e);
    }
    long every = config.supervisionCheckInterval().toMillis();
    supervisionTask = group.next().scheduleAtFixedRate(processor::checkSupervision, every, every, TimeUnit.MILLISECONDS);
    log.info("Osborne-Hoffman receiver listening on {} (TCP)", localAddress);
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
    return processor.metrics();
  }

  /**
   * The account supervisor, to register panels expected to report ({@link
   * AccountSupervisor#expect}, by receiver, line and system account as the heartbeats write them).
   *
   * @return the supervisor
   */
  public AccountSupervisor supervisor() {
    return supervisor;
  }

  /** Looks for silent panels now instead of at the next periodic check (for tests with a moved clock). */
  public void checkSupervisionNow() {
    processor.checkSupervision();
  }

  /** Stops listening, waits for in-flight deliveries (up to the sink timeout) and releases threads. */
  @Override
  public void close() {
    if (supervisionTask != null) {
      supervisionTask.cancel(false);
    }
    if (channel != null) {
      channel.close().syncUninterruptibly();
      channel = null;
    }
    long deadline = System.nanoTime() + config.sinkTimeout().toNanos();
    while (processor.metrics().inFlight() > 0 && System.nanoTime() < deadline) {
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
}
