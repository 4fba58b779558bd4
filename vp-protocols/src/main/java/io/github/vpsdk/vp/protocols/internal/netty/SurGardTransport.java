package io.github.vpsdk.vp.protocols.internal.netty;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.internal.surgard.Wire;
import io.github.vpsdk.vp.protocols.surgard.LinkScheduler;
import io.github.vpsdk.vp.protocols.surgard.SurGardEndpoint;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP side of an SG automation link, either way round: listens for peers, or connects to one
 * and reconnects with a doubling, capped back-off. Hands connections and bytes to a {@link
 * Handler}; knows nothing of the protocol.
 */
public final class SurGardTransport implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SurGardTransport.class);

  /** What the transport reports. Called on the network thread: return quickly. */
  public interface Handler {
    /**
     * A connection is up.
     *
     * @param wire the connection
     */
    void connected(Wire wire);

    /**
     * Bytes arrived.
     *
     * @param wire the connection
     * @param bytes the bytes
     */
    void received(Wire wire, byte[] bytes);

    /**
     * A connection is down.
     *
     * @param wire the connection
     */
    void disconnected(Wire wire);

    /**
     * A connection was refused because of the connection limit.
     *
     * @param peer the peer
     */
    default void refused(String peer) {}
  }

  private final String name;
  private final SurGardEndpoint endpoint;
  private final Handler handler;
  private final LinkScheduler scheduler;
  private final Duration backoffMin;
  private final Duration backoffMax;
  private final int maxConnections;
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  private @Nullable Channel server;
  private @Nullable InetSocketAddress localAddress;
  private Duration backoff;
  private volatile boolean closed;
  private LinkScheduler.@Nullable Timer reconnectTimer;

  /**
   * Creates a transport.
   *
   * @param name the thread name prefix
   * @param endpoint listen or connect
   * @param handler where connections go
   * @param scheduler the reconnection timers
   * @param backoffMin the first reconnection delay
   * @param backoffMax the longest
   * @param maxConnections the most connections at once in listen mode
   */
  public SurGardTransport(String name, SurGardEndpoint endpoint, Handler handler, LinkScheduler scheduler,
      Duration backoffMin, Duration backoffMax, int maxConnections) {
    this.name = name;
    this.endpoint = endpoint;
    this.handler = handler;
    this.scheduler = scheduler;
    this.backoffMin = backoffMin;
    this.backoffMax = backoffMax;
    this.backoff = backoffMin;
    this.maxConnections = maxConnections;
    this.group = newGroup(name);
  }

  @SuppressWarnings("deprecation")
  private static EventLoopGroup newGroup(String name) {
    return new io.netty.channel.nio.NioEventLoopGroup(1, r -> {
      Thread t = new Thread(r, name + "-io");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts: binds (listen mode) or makes the first connection attempt (connect mode).
   *
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public void start() {
    if (endpoint instanceof SurGardEndpoint.Listen) {
      InetSocketAddress address = ((SurGardEndpoint.Listen) endpoint).address();
      try {
        server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new LinkHandler(true));
              }
            })
            .bind(address).sync().channel();
        localAddress = (InetSocketAddress) server.localAddress();
        log.info("SG link {} listening on {}", name, localAddress);
      } catch (Exception e) {
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        throw new VpException(VpException.Reason.IO, "cannot listen on " + address + ": " + e.getMessage(), e);
      }
    } else {
      connect();
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    InetSocketAddress target = ((SurGardEndpoint.Connect) endpoint).address();
    InetSocketAddress resolved = new InetSocketAddress(target.getHostString(), target.getPort());
    if (resolved.isUnresolved()) {
      log.warn("SG link {}: cannot resolve {}", name, target.getHostString());
      scheduleReconnect();
      return;
    }
    ChannelFuture f = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(new LinkHandler(false))
        .connect(resolved);
    f.addListener(done -> {
      if (!done.isSuccess()) {
        log.debug("SG link {}: cannot connect to {}: {}", name, resolved, String.valueOf(done.cause()));
        scheduleReconnect();
      }
    });
  }

  private synchronized void scheduleReconnect() {
    if (closed) {
      return;
    }
    Duration delay = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(backoffMax) > 0 ? backoffMax : doubled;
    log.debug("SG link {}: reconnecting in {}", name, delay);
    reconnectTimer = scheduler.schedule(delay, this::connect);
  }

  private synchronized void connectedOnce() {
    backoff = backoffMin;
  }

  /**
   * Where the transport listens (listen mode), with the port it got.
   *
   * @return the address, or {@code null} in connect mode
   */
  public @Nullable InetSocketAddress localAddress() {
    return localAddress;
  }

  /**
   * The connections open now.
   *
   * @return the count
   */
  public int open() {
    return open.get();
  }

  /** Closes every connection and stops listening or reconnecting. */
  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (reconnectTimer != null) {
        reconnectTimer.cancel();
      }
    }
    if (server != null) {
      server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static final class NettyWire implements Wire {
    private final Channel channel;
    private final String peer;

    NettyWire(Channel channel) {
      this.channel = channel;
      InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
      this.peer = remote == null ? "?" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    @Override
    public void write(byte[] bytes) {
      channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public void reading(boolean on) {
      channel.config().setAutoRead(on);
    }

    @Override
    public void close() {
      channel.close();
    }

    @Override
    public String peer() {
      return peer;
    }

    @Override
    public String toString() {
      return String.valueOf(channel.remoteAddress());
    }
  }

  private final class LinkHandler extends ChannelInboundHandlerAdapter {
    private final boolean accepted;
    private @Nullable NettyWire wire;

    LinkHandler(boolean accepted) {
      this.accepted = accepted;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      if (closed) {
        ctx.close();
        return;
      }
      if (accepted && open.get() >= maxConnections) {
        handler.refused(String.valueOf(ctx.channel().remoteAddress()));
        ctx.close();
        return;
      }
      open.incrementAndGet();
      channels.add(ctx.channel());
      if (!accepted) {
        connectedOnce();
      }
      NettyWire w = new NettyWire(ctx.channel());
      wire = w;
      handler.connected(w);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      try {
        NettyWire w = wire;
        if (w != null && in.isReadable()) {
          byte[] bytes = new byte[in.readableBytes()];
          in.readBytes(bytes);
          handler.received(w, bytes);
        }
      } finally {
        in.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      NettyWire w = wire;
      wire = null;
      if (w != null) {
        open.decrementAndGet();
        handler.disconnected(w);
      }
      if (!accepted) {
        scheduleReconnect();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      log.debug("SG link {}: connection {} failed: {}", name, ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }
}
