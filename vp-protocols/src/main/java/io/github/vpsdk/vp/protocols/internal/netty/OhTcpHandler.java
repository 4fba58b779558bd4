package io.github.vpsdk.vp.protocols.internal.netty;

import io.github.vpsdk.vp.protocols.internal.receiver.OhProcessor;
import io.github.vpsdk.vp.protocols.oh.OhCodec;
import io.github.vpsdk.vp.protocols.oh.OhDecodeResult;
import io.github.vpsdk.vp.protocols.oh.OhKey;
import io.github.vpsdk.vp.protocols.oh.OhReply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OH connection: sends the session key on connect, accumulates bytes (never more than the
 * longest packet), hands decode results to the processor, writes replies in order on the event
 * loop (the session codec is confined to it), and closes when idle.
 */
public final class OhTcpHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(OhTcpHandler.class);
  private static final int MAX_PENDING = 8;

  private final OhProcessor processor;
  private final AtomicInteger pending = new AtomicInteger();
  private @Nullable OhCodec codec;
  private @Nullable ByteBuffer buffer;
  private boolean counted;
  private long reads;
  private io.netty.util.concurrent.@Nullable ScheduledFuture<?> staleCheck;
  private volatile boolean refused;

  /**
   * Creates the handler of one connection.
   *
   * @param processor the shared processor
   */
  public OhTcpHandler(OhProcessor processor) {
    this.processor = processor;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    counted = true;
    if (!processor.opened(remote)) {
      ctx.close();
      return;
    }
    OhKey key = OhKey.random(processor.options().random());
    codec = OhCodec.of(key, processor.options().maxPacket());
    buffer = ByteBuffer.allocate(processor.options().maxPacket());
    ctx.writeAndFlush(Unpooled.wrappedBuffer(key.scrambled()));
    log.debug("OH session opened with {}", remote);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (counted) {
      counted = false;
      processor.closed((InetSocketAddress) ctx.channel().remoteAddress());
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      OhCodec c = codec;
      ByteBuffer buf = buffer;
      if (c == null || buf == null || !ctx.channel().isActive()) {
        return;
      }
      InetSocketAddress source = (InetSocketAddress) ctx.channel().remoteAddress();
      Channel channel = ctx.channel();
      OhProcessor.Connection connection = connection(channel, c);
      while (in.isReadable()) {
        int n = Math.min(buf.remaining(), in.readableBytes());
        in.readBytes(buf.array(), buf.arrayOffset() + buf.position(), n);
        buf.position(buf.position() + n);
        buf.flip();
        while (true) {
          OhDecodeResult result = c.decode(buf);
          if (result instanceof OhDecodeResult.NeedMore) {
            break;
          }
          if (pending.incrementAndGet() >= MAX_PENDING) {
            channel.config().setAutoRead(false);
          }
          processor.process(result, source, connection, () -> {
            if (pending.decrementAndGet() < MAX_PENDING / 2 && !channel.config().isAutoRead()) {
              channel.config().setAutoRead(true);
            }
          });
        }
        buf.compact();
      }
      reads++;
      if (buf.position() > 0 && staleCheck == null) {
        long seen = reads;
        staleCheck = channel.eventLoop().schedule(() -> dropStale(ctx, source, connection, seen),
            processor.options().packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      in.release();
    }
  }

  /** Bytes that never completed a packet: refused, so the panel's retry starts clean. */
  private void dropStale(ChannelHandlerContext ctx, InetSocketAddress source, OhProcessor.Connection connection, long seen) {
    staleCheck = null;
    ByteBuffer buf = buffer;
    if (buf == null || buf.position() == 0 || !ctx.channel().isActive()) {
      return;
    }
    if (reads != seen) {
      // more came since: look again later
      long now = reads;
      staleCheck = ctx.channel().eventLoop().schedule(() -> dropStale(ctx, source, connection, now),
          processor.options().packetTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    int dropped = buf.position();
    buf.clear();
    processor.refuse(source, "INCOMPLETE_PACKET", dropped + " bytes never ended a packet (damage or another key)");
    connection.send(OhReply.nack(true));
  }

  private OhProcessor.Connection connection(Channel channel, OhCodec c) {
    return new OhProcessor.Connection() {
      @Override
      public void send(OhReply reply) {
        if (channel.eventLoop().inEventLoop()) {
          channel.writeAndFlush(Unpooled.wrappedBuffer(c.encode(reply)));
        } else {
          channel.eventLoop().execute(() -> channel.writeAndFlush(Unpooled.wrappedBuffer(c.encode(reply))));
        }
      }

      @Override
      public void close() {
        Runnable r = () -> channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        if (channel.eventLoop().inEventLoop()) {
          r.run();
        } else {
          channel.eventLoop().execute(r);
        }
      }

      @Override
      public boolean refused() {
        return refused;
      }

      @Override
      public void markRefused() {
        refused = true;
      }
    };
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      log.debug("closing idle OH connection from {}", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("OH connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
