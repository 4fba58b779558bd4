package io.github.vpsdk.vp.onvif.internal.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IPv4 UDP socket with a daemon thread that reads datagrams up to a size limit and hands each
 * one, copied, to a handler. Larger datagrams are dropped whole (never parsed truncated).
 * Closing the endpoint ends the thread.
 */
public final class DatagramEndpoint implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatagramEndpoint.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final DatagramChannel channel;
  private final int maxDatagram;
  private final BiConsumer<byte[], InetSocketAddress> handler;
  private final Thread reader;

  private DatagramEndpoint(
      DatagramChannel channel, int maxDatagram, BiConsumer<byte[], InetSocketAddress> handler) {
    this.channel = channel;
    this.maxDatagram = maxDatagram;
    this.handler = handler;
    this.reader = new Thread(this::readLoop, "vp-onvif-discovery-" + THREADS.incrementAndGet());
    reader.setDaemon(true);
  }

  /**
   * Opens and binds a socket and starts reading.
   *
   * @param bind the local address
   * @param reuseAddress whether to set {@code SO_REUSEADDR} (to share the discovery port)
   * @param multicastInterface the interface multicast leaves from, or {@code null}
   * @param ttl the multicast time to live
   * @param maxDatagram the largest datagram handled
   * @param handler receives each datagram and its sender, on the reader thread
   * @return the endpoint
   * @throws IOException if the socket cannot be opened or bound
   */
  public static DatagramEndpoint open(
      InetSocketAddress bind,
      boolean reuseAddress,
      @Nullable NetworkInterface multicastInterface,
      int ttl,
      int maxDatagram,
      BiConsumer<byte[], InetSocketAddress> handler)
      throws IOException {
    DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, reuseAddress);
      if (multicastInterface != null) {
        ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, multicastInterface);
      }
      ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl);
      ch.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
      ch.bind(bind);
      ch.configureBlocking(true);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    DatagramEndpoint ep = new DatagramEndpoint(ch, maxDatagram, handler);
    ep.reader.start();
    return ep;
  }

  /**
   * Joins a multicast group on an interface.
   *
   * @param group the group address
   * @param nif the interface
   * @throws IOException if the join fails
   */
  public void join(InetAddress group, NetworkInterface nif) throws IOException {
    channel.join(group, nif);
  }

  /**
   * The bound local address.
   *
   * @return the address
   */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      return new InetSocketAddress(0);
    }
  }

  /**
   * Sends a datagram; failures are logged, not thrown (UDP is lossy anyway).
   *
   * @param data the bytes
   * @param to the destination
   * @return whether the datagram left
   */
  public boolean send(byte[] data, SocketAddress to) {
    return send(data, to, null);
  }

  /**
   * Sends a datagram out of a given interface (for multicast); failures are logged.
   *
   * @param data the bytes
   * @param to the destination
   * @param via the interface, or {@code null} for the socket's default
   * @return whether the datagram left
   */
  public synchronized boolean send(byte[] data, SocketAddress to, @Nullable NetworkInterface via) {
    try {
      if (via != null) {
        channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, via);
      }
      channel.send(ByteBuffer.wrap(data), to);
      return true;
    } catch (IOException e) {
      LOG.debug("sending to {} failed: {}", to, e.toString());
      return false;
    }
  }

  private void readLoop() {
    ByteBuffer buf = ByteBuffer.allocate(maxDatagram + 1);
    while (channel.isOpen()) {
      buf.clear();
      SocketAddress from;
      try {
        from = channel.receive(buf);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!channel.isOpen()) {
          return;
        }
        LOG.debug("receive failed: {}", e.toString());
        continue;
      }
      if (!(from instanceof InetSocketAddress)) {
        continue;
      }
      if (buf.position() > maxDatagram) {
        LOG.debug("dropping a datagram from {} larger than {} bytes", from, maxDatagram);
        continue;
      }
      byte[] data = Arrays.copyOf(buf.array(), buf.position());
      try {
        handler.accept(data, (InetSocketAddress) from);
      } catch (RuntimeException e) {
        LOG.warn("discovery handler failed on a datagram from {}", from, e);
      }
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("close failed: {}", e.toString());
    }
  }
}
