package io.github.vpsdk.vp.protocols.internal.netty;

import io.github.vpsdk.vp.protocols.internal.receiver.FrameProcessor;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Closes connections beyond the total and per-source limits, and counts open connections. */
@Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private final int maxTotal;
  private final int maxPerSource;
  private final FrameProcessor processor;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();

  /**
   * Creates the limiter.
   *
   * @param maxTotal the most connections
   * @param maxPerSource the most from one address
   * @param processor where refusals are counted
   */
  public ConnectionLimiter(int maxTotal, int maxPerSource, FrameProcessor processor) {
    this.maxTotal = maxTotal;
    this.maxPerSource = maxPerSource;
    this.processor = processor;
  }

  /**
   * The connections open now.
   *
   * @return the count
   */
  public int open() {
    return open.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    int total = open.incrementAndGet();
    int fromSource = perSource.computeIfAbsent(remote.getAddress(), a -> new AtomicInteger()).incrementAndGet();
    if (total > maxTotal || fromSource > maxPerSource) {
      processor.refuse(remote, "CONNECTION_LIMIT", total > maxTotal ? "too many connections" : "too many connections from one address");
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
    open.decrementAndGet();
    AtomicInteger n = perSource.get(remote.getAddress());
    if (n != null && n.decrementAndGet() <= 0) {
      perSource.remove(remote.getAddress(), n);
    }
    ctx.fireChannelInactive();
  }
}
