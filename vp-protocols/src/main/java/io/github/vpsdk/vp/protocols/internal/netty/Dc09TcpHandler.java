package io.github.vpsdk.vp.protocols.internal.netty;

import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.internal.receiver.FrameProcessor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection of a receiver: accumulates bytes (bounded by the codec's frame limit),
 * hands every decode result to the processor, writes answers back, stops reading while too many
 * of its frames wait for the sink, and closes when idle.
 */
public final class Dc09TcpHandler extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(Dc09TcpHandler.class);
  private static final int MAX_PENDING = 32;

  private final FrameProcessor processor;
  private final int maxFrameLength;
  private ByteBuffer buffer;
  private final AtomicInteger pending = new AtomicInteger();
  private FrameProcessor.@Nullable Reply reply;

  /**
   * Creates the handler of one connection.
   *
   * @param processor the shared processor
   */
  public Dc09TcpHandler(FrameProcessor processor) {
    this.processor = processor;
    this.maxFrameLength = processor.codec().config().maxFrameLength();
    this.buffer = ByteBuffer.allocate(Math.min(512, maxFrameLength));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      InetSocketAddress source = (InetSocketAddress) ctx.channel().remoteAddress();
      Channel channel = ctx.channel();
      FrameProcessor.Reply reply = replyTo(channel);
      while (in.isReadable()) {
        int room = buffer.remaining();
        if (room == 0) {
          // the codec refuses a frame longer than the limit, so the buffer never grows past it
          int capacity = Math.min(maxFrameLength + 1, buffer.capacity() * 2);
          if (capacity <= buffer.capacity()) {
            buffer.clear();
            processor.refuse(source, "TOO_LONG", "buffer full");
            continue;
          }
          ByteBuffer bigger = ByteBuffer.allocate(capacity);
          buffer.flip();
          bigger.put(buffer);
          buffer = bigger;
          room = buffer.remaining();
        }
        int n = Math.min(room, in.readableBytes());
        in.readBytes(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
        buffer.position(buffer.position() + n);
        buffer.flip();
        while (true) {
          Dc09DecodeResult result = processor.codec().decode(buffer);
          if (result instanceof Dc09DecodeResult.NeedMore) {
            break;
          }
          if (pending.incrementAndGet() >= MAX_PENDING) {
            channel.config().setAutoRead(false);
          }
          processor.process(result, source, reply, () -> {
            if (pending.decrementAndGet() < MAX_PENDING / 2 && !channel.config().isAutoRead()) {
              channel.config().setAutoRead(true);
            }
          });
        }
        buffer.compact();
      }
    } finally {
      in.release();
    }
  }

  private FrameProcessor.Reply replyTo(Channel channel) {
    FrameProcessor.Reply r = this.reply;
    if (r == null) {
      r = new FrameProcessor.Reply() {
        @Override
        public void send(byte[] frame) {
          channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
        }

        @Override
        public java.util.concurrent.Executor executor() {
          return channel.eventLoop();
        }
      };
      this.reply = r;
    }
    return r;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      log.debug("closing idle connection from {}", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
