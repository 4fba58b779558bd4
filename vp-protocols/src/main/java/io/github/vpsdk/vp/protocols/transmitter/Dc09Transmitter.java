package io.github.vpsdk.vp.protocols.transmitter;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.internal.transmitter.DeliveryScheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panel side of DC-09: sends events to a receiver, one at a time and in order, waits for the
 * {@code ACK}, retries with back-off, fails over to the backup paths and comes back to the
 * primary, sends {@code NULL} link tests when idle, and keeps events queued (bounded) while no
 * path answers. A {@code NAK} carrying the receiver's time corrects the transmitter's clock
 * before the retry, as DC-09 intends. Used by the testkit's simulated panels and by gateways.
 *
 * <p>Every message keeps its sequence number across retries. {@link #send} completes with the
 * receiver's {@code ACK}, or fails with {@link VpException.Reason#REFUSED} when the receiver
 * answers {@code DUH} or the queue is full, or {@link VpException.Reason#INVALID_STATE} after
 * {@link #close()}.
 *
 * <p>One network thread does everything; the futures complete on it, so do not block in their
 * callbacks.
 */
public final class Dc09Transmitter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Dc09Transmitter.class);

  private final TransmitterConfig config;
  private final @Nullable EventLoopGroup ownGroup;
  private final EventLoop loop;
  private Dc09Codec codec; // confined to the loop, like the rest of the state
  private @Nullable Dc09Key key;
  private final DeliveryScheduler<Pending> scheduler;
  private final @Nullable Channel[] tcp;
  private @Nullable Channel udp;
  private int nextSequence = 1;
  private Duration correction = Duration.ZERO;
  private @Nullable InFlight current;
  private @Nullable ScheduledFuture<?> wakeup;
  private @Nullable Instant nextDue;
  private boolean closed;
  private final AtomicLong acks = new AtomicLong();
  private final AtomicLong naks = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong polls = new AtomicLong();

  private static final class Pending {
    final String token;
    final String data;
    final CompletableFuture<Dc09Message> result = new CompletableFuture<>();
    int sequence = -1;

    Pending(String token, String data) {
      this.token = token;
      this.data = data;
    }
  }

  private static final class InFlight {
    final int path;
    final Dc09Message message;
    final @Nullable Pending pending;
    final long sentNanos = System.nanoTime();
    @Nullable ScheduledFuture<?> timeout;

    InFlight(int path, Dc09Message message, @Nullable Pending pending) {
      this.path = path;
      this.message = message;
      this.pending = pending;
    }
  }

  /** What the transmitter has done since it started. */
  public record Stats(long acks, long naks, long failures, long polls, int queued, int currentPath) {}

  private Dc09Transmitter(TransmitterConfig config) {
    this.config = config;
    TransmitterGroup shared = config.group();
    this.ownGroup = shared == null ? TransmitterGroup.newGroup(1, "vp-dc09-transmitter") : null;
    this.loop = (shared == null ? ownGroup : shared.eventLoops()).next();
    Dc09Keys keys = config.key() == null ? Dc09Keys.none() : Dc09Keys.of(Map.of(config.account(), config.key()), null);
    this.codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(keys)));
    this.key = config.key();
    Duration[] intervals = config.pollIntervals().toArray(new Duration[0]);
    this.scheduler = new DeliveryScheduler<>(
        new DeliveryScheduler.Settings(config.paths().size(), config.queueCapacity(), config.attemptsPerPath(),
            config.backoffBase(), config.backoffMax(), config.retryPrimaryAfter(), intervals),
        correctedClock());
    this.tcp = new Channel[config.paths().size()];
  }

  /**
   * Starts a transmitter (connections are opened when there is something to send).
   *
   * @param config the settings
   * @return the transmitter
   */
  public static Dc09Transmitter start(TransmitterConfig config) {
    Dc09Transmitter t = new Dc09Transmitter(config);
    if (config.udp()) {
      InetSocketAddress first = config.paths().get(0);
      InetSocketAddress local = first.getAddress() != null && first.getAddress().isLoopbackAddress()
          ? new InetSocketAddress(first.getAddress(), 0) : new InetSocketAddress(0);
      ChannelFuture f = new Bootstrap()
          .group(t.loop)
          .channel(NioDatagramChannel.class)
          .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
              int path = config.paths().indexOf(packet.sender());
              byte[] bytes = new byte[packet.content().readableBytes()];
              packet.content().readBytes(bytes);
              t.decodeAll(ByteBuffer.wrap(bytes), path);
            }
          })
          .bind(local)
          .syncUninterruptibly();
      t.udp = f.channel();
    }
    t.loop.execute(t::pump);
    return t;
  }

  /**
   * Queues an event message.
   *
   * @param token {@link Dc09Message#SIA_DCS} or {@link Dc09Message#ADM_CID}
   * @param data the data block's content, such as {@code #1234|1130 01 003}
   * @return completes with the receiver's ACK
   */
  public CompletableFuture<Dc09Message> send(String token, String data) {
    Pending p = new Pending(token, data);
    loop.execute(() -> {
      if (closed) {
        p.result.completeExceptionally(new VpException(VpException.Reason.INVALID_STATE, "transmitter closed"));
      } else if (!scheduler.offer(p)) {
        p.result.completeExceptionally(new VpException(VpException.Reason.REFUSED, "queue full (" + config.queueCapacity() + ")"));
      } else {
        pump();
      }
    });
    return p.result;
  }

  /**
   * Looks at the clock again: sends what has become due (a {@code NULL} poll, a retry after its
   * back-off). The transmitter wakes itself in real time; call this after moving a virtual clock
   * forward, so that what the jump made due goes at once.
   *
   * @return completes once the transmitter has looked (and written what was due), with how long
   *     until it next has something to do by itself, or {@code null} if nothing is planned or a
   *     frame is awaiting its answer
   */
  public CompletableFuture<@Nullable Duration> wake() {
    CompletableFuture<@Nullable Duration> done = new CompletableFuture<>();
    loop.execute(() -> {
      Duration next = null;
      try {
        if (!closed) {
          pump();
          Instant until = nextDue;
          if (current == null && until != null) {
            next = Duration.between(now(), until);
            if (next.isNegative()) {
              next = Duration.ZERO;
            }
          }
        }
      } finally {
        done.complete(next);
      }
    });
    return done;
  }

  /**
   * Encrypts the following frames with another key (key rotation), or sends them in clear.
   * A frame in flight keeps the key it was written with; its retries use the new one.
   *
   * @param key the new key, or {@code null} for clear
   */
  public void rekey(@Nullable Dc09Key key) {
    loop.execute(() -> {
      this.key = key;
      Dc09Keys keys = key == null ? Dc09Keys.none() : Dc09Keys.of(Map.of(config.account(), key), null);
      this.codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(keys)));
    });
  }

  /**
   * The counters.
   *
   * @return a snapshot (read from the network thread)
   */
  public Stats stats() {
    return loop.submit(() -> new Stats(acks.get(), naks.get(), failures.get(), polls.get(), scheduler.depth(), scheduler.currentPath()))
        .syncUninterruptibly().getNow();
  }

  /**
   * How far the transmitter's clock has been corrected by receivers' {@code NAK}s.
   *
   * @return the correction added to the configured clock
   */
  public Duration clockCorrection() {
    return loop.submit(() -> correction).syncUninterruptibly().getNow();
  }

  private Clock correctedClock() {
    Dc09Transmitter self = this;
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return self.config.clock().instant().plus(self.correction);
      }
    };
  }

  private Instant now() {
    return config.clock().instant().plus(correction);
  }

  private void pump() {
    if (closed || current != null) {
      return;
    }
    if (wakeup != null) {
      wakeup.cancel(false);
      wakeup = null;
    }
    DeliveryScheduler.Action<Pending> action = scheduler.next();
    nextDue = null;
    if (action instanceof DeliveryScheduler.Wait) {
      Instant until = ((DeliveryScheduler.Wait<Pending>) action).until();
      nextDue = until;
      if (until != null) {
        long delay = Math.max(1, Duration.between(now(), until).toMillis());
        wakeup = loop.schedule(this::pump, delay, TimeUnit.MILLISECONDS);
      }
      return;
    }
    Dc09Message message;
    int path;
    int attempt = 1;
    Pending pending = null;
    if (action instanceof DeliveryScheduler.Send) {
      DeliveryScheduler.Send<Pending> send = (DeliveryScheduler.Send<Pending>) action;
      pending = send.message();
      if (pending.sequence < 0) {
        pending.sequence = nextSequence;
        nextSequence = nextSequence == 9999 ? 1 : nextSequence + 1;
      }
      path = send.path();
      attempt = send.attempt();
      message = Dc09Message.event(pending.token, pending.sequence, config.receiver(), config.prefix(), config.account(), pending.data, now())
          .withEncrypted(key != null);
    } else {
      path = ((DeliveryScheduler.Poll<Pending>) action).path();
      message = Dc09Message.nullPoll(0, config.receiver(), config.prefix(), config.account(), now()).withEncrypted(key != null);
      polls.incrementAndGet();
    }
    InFlight flight = new InFlight(path, message, pending);
    current = flight;
    int attemptNumber = attempt;
    notify(l -> l.sent(flight.message, flight.path, attemptNumber));
    flight.timeout = loop.schedule(() -> failed(flight, "no answer within " + config.ackTimeout()), config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    byte[] frame = codec.encode(message);
    if (config.udp()) {
      Channel ch = udpChannel();
      if (ch == null) {
        failed(flight, "UDP socket unavailable");
        return;
      }
      ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(frame), config.paths().get(path)));
    } else {
      Channel ch = tcp[path];
      if (ch != null && ch.isActive()) {
        ch.writeAndFlush(Unpooled.wrappedBuffer(frame));
      } else {
        connect(path).addListener((ChannelFuture f) -> {
          if (current != flight) {
            return;
          }
          if (f.isSuccess()) {
            tcp[path] = f.channel();
            f.channel().writeAndFlush(Unpooled.wrappedBuffer(frame));
          } else {
            failed(flight, "cannot connect to " + config.paths().get(path) + ": " + f.cause());
          }
        });
      }
    }
  }

  private ChannelFuture connect(int path) {
    return new Bootstrap()
        .group(loop)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.ackTimeout().toMillis()))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
              private ByteBuffer buffer = ByteBuffer.allocate(8192);

              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ByteBuf in = (ByteBuf) msg;
                try {
                  if (in.readableBytes() > buffer.remaining()) {
                    buffer.clear(); // a receiver never sends this much: drop it
                    return;
                  }
                  int n = in.readableBytes();
                  in.readBytes(buffer.array(), buffer.position(), n);
                  buffer.position(buffer.position() + n);
                  buffer.flip();
                  decodeAll(buffer, path);
                  buffer.compact();
                } finally {
                  in.release();
                }
              }

              @Override
              public void channelInactive(ChannelHandlerContext ctx) {
                if (tcp[path] == ctx.channel()) {
                  tcp[path] = null;
                  InFlight flight = current;
                  if (flight != null && flight.path == path) {
                    // the receiver closed (or reset) the connection: no answer will come on it
                    failed(flight, "connection closed by the receiver");
                  }
                }
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
              }
            });
          }
        })
        .connect(config.paths().get(path));
  }

  private @Nullable Channel udpChannel() {
    return udp != null && udp.isActive() ? udp : null;
  }

  private void decodeAll(ByteBuffer buffer, int path) {
    while (true) {
      Dc09DecodeResult r = codec.decode(buffer);
      if (r instanceof Dc09DecodeResult.NeedMore) {
        return;
      }
      if (r instanceof Dc09DecodeResult.Decoded) {
        answered(((Dc09DecodeResult.Decoded) r).message(), path);
      }
    }
  }

  private void answered(Dc09Message answer, int path) {
    InFlight flight = current;
    if (flight == null || flight.path != path) {
      return; // late answer to an earlier attempt
    }
    Dc09Message sent = flight.message;
    if (!answer.token().equals(Dc09Message.ACK) || answer.sequence().equals(sent.sequence())) {
      Duration latency = Duration.ofNanos(System.nanoTime() - flight.sentNanos);
      notify(l -> l.answered(sent, answer, path, latency));
    }
    switch (answer.token()) {
      case Dc09Message.ACK:
        if (!answer.sequence().equals(sent.sequence())) {
          return; // the ACK of an earlier retry: keep waiting for ours
        }
        settle(flight);
        acks.incrementAndGet();
        scheduler.succeeded();
        if (flight.pending != null) {
          flight.pending.result.complete(answer);
        }
        break;
      case Dc09Message.NAK:
        naks.incrementAndGet();
        if (answer.timestamp() != null) {
          correction = correction.plus(Duration.between(now(), answer.timestamp()));
          log.info("receiver NAK with its time: clock corrected by {}", correction);
        }
        failed(flight, "NAK");
        return;
      case Dc09Message.DUH:
        settle(flight);
        scheduler.succeeded(); // the receiver will never take it: do not retry forever
        if (flight.pending != null) {
          flight.pending.result.completeExceptionally(new VpException(VpException.Reason.REFUSED, "receiver answered DUH"));
        }
        break;
      default:
        return;
    }
    pump();
  }

  private void notify(java.util.function.Consumer<TransmitterListener> call) {
    try {
      call.accept(config.listener());
    } catch (RuntimeException e) {
      log.warn("transmitter listener failed: {}", e.toString());
    }
  }

  private void settle(InFlight flight) {
    if (flight.timeout != null) {
      flight.timeout.cancel(false);
    }
    current = null;
  }

  private void failed(InFlight flight, String why) {
    if (current != flight) {
      return;
    }
    settle(flight);
    failures.incrementAndGet();
    notify(l -> l.attemptFailed(flight.message, flight.path, why));
    log.debug("attempt on path {} failed: {}", flight.path, why);
    Channel ch = tcp[flight.path];
    if (ch != null && !why.equals("NAK")) {
      ch.close();
      tcp[flight.path] = null;
    }
    scheduler.failed();
    pump();
  }

  /** Stops: queued events fail with {@code INVALID_STATE}; connections close. */
  @Override
  public void close() {
    loop.submit(() -> {
      closed = true;
      if (wakeup != null) {
        wakeup.cancel(false);
      }
      InFlight flight = current;
      if (flight != null) {
        settle(flight);
        scheduler.succeeded(); // take it out of the queue: it is reported below as not sent
        if (flight.pending != null) {
          flight.pending.result.completeExceptionally(new VpException(VpException.Reason.INVALID_STATE, "transmitter closed"));
        }
      }
      for (Channel ch : tcp) {
        if (ch != null) {
          ch.close();
        }
      }
      if (udp != null) {
        udp.close();
      }
      return null;
    }).syncUninterruptibly();
    drainQueue();
    if (ownGroup != null) {
      ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private void drainQueue() {
    // whatever is still queued is reported as not sent
    List<Pending> left = new java.util.ArrayList<>();
    loop.submit(() -> {
      while (scheduler.depth() > 0) {
        DeliveryScheduler.Action<Pending> a = scheduler.next();
        if (a instanceof DeliveryScheduler.Send) {
          left.add(((DeliveryScheduler.Send<Pending>) a).message());
          scheduler.succeeded();
        } else if (a instanceof DeliveryScheduler.Poll) {
          scheduler.succeeded();
        } else {
          break;
        }
      }
      return null;
    }).syncUninterruptibly();
    for (Pending p : left) {
      p.result.completeExceptionally(new VpException(VpException.Reason.INVALID_STATE, "transmitter closed"));
    }
  }
}
