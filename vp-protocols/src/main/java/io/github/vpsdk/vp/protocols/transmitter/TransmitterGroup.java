package io.github.vpsdk.vp.protocols.transmitter;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Network threads shared by many transmitters: a simulated site of a thousand panels, or a
 * gateway speaking for many accounts, runs them all on a few threads instead of one thread per
 * transmitter. Give it to {@link TransmitterConfig.Builder#group}; close it after the
 * transmitters that use it.
 */
public final class TransmitterGroup implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final EventLoopGroup group;
  private final int threads;

  private TransmitterGroup(int threads) {
    this.threads = threads;
    this.group = newGroup(threads, "vp-dc09-transmitters-" + COUNT.incrementAndGet());
  }

  /**
   * Starts the threads.
   *
   * @param threads how many (1 or 2 serve thousands of panels)
   * @return the group
   */
  public static TransmitterGroup create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    return new TransmitterGroup(threads);
  }

  @SuppressWarnings("deprecation")
  static EventLoopGroup newGroup(int threads, String name) {
    AtomicInteger n = new AtomicInteger();
    return new io.netty.channel.nio.NioEventLoopGroup(threads, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  EventLoopGroup eventLoops() {
    return group;
  }

  /** Stops the threads; transmitters still using them stop working. */
  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Override
  public String toString() {
    return "TransmitterGroup[threads=" + threads + "]";
  }
}
