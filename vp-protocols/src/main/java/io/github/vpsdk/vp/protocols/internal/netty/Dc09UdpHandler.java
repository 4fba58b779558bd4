package io.github.vpsdk.vp.protocols.internal.netty;

import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.internal.receiver.FrameProcessor;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The UDP side of a receiver: each datagram holds one or more whole frames; answers go to the
 * datagram's source address and port. A datagram's leftover partial frame is dropped (UDP does
 * not continue a frame in the next datagram).
 */
@Sharable
public final class Dc09UdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private final FrameProcessor processor;

  /**
   * Creates the handler.
   *
   * @param processor the shared processor
   */
  public Dc09UdpHandler(FrameProcessor processor) {
    this.processor = processor;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    InetSocketAddress source = packet.sender();
    int length = packet.content().readableBytes();
    if (length > processor.codec().config().maxFrameLength() * 4) {
      processor.refuse(source, "TOO_LONG", "datagram of " + length + " bytes");
      return;
    }
    byte[] bytes = new byte[length];
    packet.content().readBytes(bytes);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    Channel channel = ctx.channel();
    while (buffer.hasRemaining()) {
      Dc09DecodeResult result = processor.codec().decode(buffer);
      if (result instanceof Dc09DecodeResult.NeedMore) {
        processor.process(
            new Dc09DecodeResult.Malformed(Dc09DecodeResult.Reason.BAD_LENGTH, "datagram ends inside a frame", null, buffer.remaining()),
            source, frame -> channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(frame), source)), () -> {});
        break;
      }
      processor.process(result, source, frame -> channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(frame), source)), () -> {});
    }
  }
}
