package io.github.vpsdk.vp.testkit.internal.site;

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
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A loopback proxy between one simulated panel and one receiver path that breaks the link on
 * demand: swallows or delays the receiver's answers (whole CR-terminated frames), loses a share
 * of UDP datagrams (seeded, so a run repeats), or cuts the path (refuses and resets
 * connections, drops datagrams). Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int MAX_FRAME = 8192;

  private final InetSocketAddress target;
  private final boolean udp;
  private final EventLoopGroup group;
  private final Channel listener;
  private final @Nullable Channel upstream; // UDP only
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger dropAnswers = new AtomicInteger();
  private final AtomicLong delayMillis = new AtomicLong();
  private final AtomicInteger lossPercent = new AtomicInteger();
  private final Random random;
  private volatile boolean cut;
  private volatile @Nullable InetSocketAddress lastPanel; // UDP only
  private final AtomicInteger dropped = new AtomicInteger();

  /**
   * Starts a proxy on 127.0.0.1, port 0.
   *
   * @param target the receiver path
   * @param udp whether the path is UDP
   * @param group the threads
   * @param seed the seed of the datagram loss
   */
  public FaultProxy(InetSocketAddress target, boolean udp, EventLoopGroup group, long seed) {
    this.target = target;
    this.udp = udp;
    this.group = group;
    this.random = new Random(seed);
    InetSocketAddress local = new InetSocketAddress("127.0.0.1", 0);
    if (udp) {
      this.upstream = new Bootstrap().group(group).channel(NioDatagramChannel.class)
          .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
              InetSocketAddress panel = lastPanel;
              if (panel == null || cut || lose() || dropAnswer()) {
                return;
              }
              byte[] bytes = bytes(packet.content());
              delayed(() -> listenerChannel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), panel)));
            }
          })
          .bind(local).syncUninterruptibly().channel();
      this.listener = new Bootstrap().group(group).channel(NioDatagramChannel.class)
          .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
              lastPanel = packet.sender();
              if (cut || lose()) {
                return;
              }
              Channel up = upstream;
              if (up != null) {
                up.writeAndFlush(new DatagramPacket(packet.content().retain(), target));
              }
            }
          })
          .bind(local).syncUninterruptibly().channel();
    } else {
      this.upstream = null;
      this.listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.AUTO_READ, false)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel panelSide) {
              if (cut) {
                panelSide.close();
                return;
              }
              connections.add(panelSide);
              panelSide.pipeline().addLast(new PanelToReceiver());
            }
          })
          .bind(local).syncUninterruptibly().channel();
    }
  }

  private Channel listenerChannel() {
    return listener;
  }

  /** The address the panel should use instead of the receiver's. */
  public InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** @param count how many of the next answers to swallow */
  public void dropAnswers(int count) {
    dropAnswers.addAndGet(count);
  }

  /** @param delay how late answers arrive from now on, zero for on time */
  public void delayAnswers(Duration delay) {
    delayMillis.set(delay.toMillis());
  }

  /** @param percent the share of datagrams lost, both ways */
  public void udpLoss(int percent) {
    lossPercent.set(percent);
  }

  /** @param cutNow cut the path (and reset its connections), or restore it */
  public void cut(boolean cutNow) {
    this.cut = cutNow;
    if (cutNow) {
      connections.close();
    }
  }

  /** @return how many answers or datagrams the faults swallowed so far */
  public int dropped() {
    return dropped.get();
  }

  private boolean lose() {
    int p = lossPercent.get();
    if (p <= 0) {
      return false;
    }
    boolean lost;
    synchronized (random) {
      lost = random.nextInt(100) < p;
    }
    if (lost) {
      dropped.incrementAndGet();
    }
    return lost;
  }

  private boolean dropAnswer() {
    while (true) {
      int n = dropAnswers.get();
      if (n <= 0) {
        return false;
      }
      if (dropAnswers.compareAndSet(n, n - 1)) {
        dropped.incrementAndGet();
        return true;
      }
    }
  }

  private void delayed(Runnable r) {
    long d = delayMillis.get();
    if (d <= 0) {
      r.run();
    } else {
      group.next().schedule(r, d, TimeUnit.MILLISECONDS);
    }
  }

  private static byte[] bytes(ByteBuf b) {
    byte[] out = new byte[b.readableBytes()];
    b.getBytes(b.readerIndex(), out);
    return out;
  }

  /** Relays a panel's connection to the receiver, and the receiver's answers back through the faults. */
  private final class PanelToReceiver extends ChannelInboundHandlerAdapter {
    private @Nullable Channel receiverSide;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel panelSide = ctx.channel();
      ChannelFuture f = new Bootstrap().group(panelSide.eventLoop()).channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ReceiverToPanel(panelSide))
          .connect(target);
      receiverSide = f.channel();
      connections.add(f.channel());
      f.addListener((ChannelFuture done) -> {
        if (done.isSuccess()) {
          panelSide.read();
          panelSide.config().setAutoRead(true);
        } else {
          panelSide.close();
        }
      });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Channel r = receiverSide;
      if (r == null || cut) {
        ((ByteBuf) msg).release();
        return;
      }
      r.writeAndFlush(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      Channel r = receiverSide;
      if (r != null) {
        r.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** Splits the receiver's answers at CR and lets each whole answer through, late, or not at all. */
  private final class ReceiverToPanel extends ChannelInboundHandlerAdapter {
    private final Channel panelSide;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    ReceiverToPanel(Channel panelSide) {
      this.panelSide = panelSide;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      try {
        while (in.isReadable()) {
          byte b = in.readByte();
          pending.write(b);
          if (b == '\r' || pending.size() >= MAX_FRAME) {
            byte[] frame = pending.toByteArray();
            pending.reset();
            if (cut || dropAnswer()) {
              continue;
            }
            delayed(() -> panelSide.writeAndFlush(Unpooled.wrappedBuffer(frame)));
          }
        }
      } finally {
        in.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      panelSide.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  @Override
  public void close() {
    connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    if (upstream != null) {
      upstream.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "FaultProxy[" + address() + " -> " + target + (udp ? " udp" : " tcp") + "]";
  }
}
