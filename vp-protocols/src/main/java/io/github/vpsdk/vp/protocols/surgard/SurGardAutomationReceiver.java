package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.internal.netty.SurGardTransport;
import io.github.vpsdk.vp.protocols.internal.surgard.InboundLink;
import io.github.vpsdk.vp.protocols.internal.surgard.Wire;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The automation end of an SG link: lets a console sit behind an existing hardware or IP receiver
 * (Sur-Gard MLR2/System I-5, and receivers that copy their output) by taking its automation
 * output over TCP, either connecting to the receiver's automation port (System III: 1025) or
 * listening for it.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(dir);
 *     SurGardAutomationReceiver link = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c
 *         .endpoint(SurGardEndpoint.connect("10.0.0.20", 1025))
 *         .sink(EventSink.journal(journal))))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The rule that makes it safe: <b>a packet is acknowledged (0x06) only once the sink has its
 * events</b>. A packet that cannot be decoded, or whose delivery fails or times out, is refused
 * with NAK (0x15), and the receiver sends it again. Packets are answered strictly in order, one
 * answer per transmission. A retransmission of a packet already delivered (the receiver missed the
 * ACK) is acknowledged again but not delivered twice. Heartbeats are acknowledged at once.
 *
 * <p>The stream is split at each DC4 with a bounded buffer; noise in front of a packet is skipped
 * and counted ({@code GARBAGE}), and the packet is still decoded. A packet of a protocol vp does
 * not decode, and a packet refused {@link SurGardReceiverConfig#maxNaks()} times, is acknowledged
 * and delivered as a {@code SURGARD_UNDECODED} system event carrying its text, so that it is
 * neither lost nor able to block the receiver's queue.
 *
 * <p>Supervision: when nothing at all arrives for {@link
 * SurGardReceiverConfig#supervisionTimeout()}, a {@code SUPERVISION_LOST} system event (without
 * account, source {@code surgard:<name>}) goes to the sink; the first packet after it brings a
 * {@code SUPERVISION_RESTORED}.
 *
 * <p>Threads: one network thread, two sink threads, and (unless a scheduler is configured) one
 * timer thread; the sink is never called on the network thread. {@link #close()} releases them.
 */
public final class SurGardAutomationReceiver implements AutoCloseable {
  private final InboundLink link;
  private final SurGardTransport transport;
  private final ExecutorService deliveryExecutor;
  private final @Nullable ScheduledExecutorService ownTimer;

  private SurGardAutomationReceiver(SurGardReceiverConfig config) {
    String thread = "vp-surgard-" + config.name();
    this.deliveryExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, thread + "-sink"));
    LinkScheduler scheduler = config.scheduler();
    if (scheduler == null) {
      ownTimer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, thread + "-timer"));
      scheduler = LinkScheduler.of(ownTimer);
    } else {
      ownTimer = null;
    }
    this.link = new InboundLink(config, scheduler, deliveryExecutor);
    Map<Wire, InboundLink.Session> sessions = new ConcurrentHashMap<>();
    this.transport = new SurGardTransport(thread, config.endpoint(), new SurGardTransport.Handler() {
      @Override
      public void connected(Wire wire) {
        sessions.put(wire, link.open(wire));
      }

      @Override
      public void received(Wire wire, byte[] bytes) {
        InboundLink.Session s = sessions.get(wire);
        if (s != null) {
          s.received(bytes);
        }
      }

      @Override
      public void disconnected(Wire wire) {
        InboundLink.Session s = sessions.remove(wire);
        if (s != null) {
          s.closed();
        }
      }

      @Override
      public void refused(String peer) {
        link.refuse("CONNECTION_LIMIT", "connection from " + peer);
      }
    }, scheduler, config.reconnectMin(), config.reconnectMax(), config.maxConnections());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Starts a link: binds, or starts connecting (a peer that is not there yet is retried with
   * back-off, so this does not fail in connect mode).
   *
   * @param config the settings
   * @return the running link
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public static SurGardAutomationReceiver start(SurGardReceiverConfig config) {
    SurGardAutomationReceiver r = new SurGardAutomationReceiver(config);
    try {
      r.link.start();
      r.transport.start();
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /**
   * Where the link listens, with the port it got (listen mode).
   *
   * @return the address
   * @throws VpException {@code INVALID_STATE} in connect mode
   */
  public InetSocketAddress localAddress() {
    InetSocketAddress a = transport.localAddress();
    if (a == null) {
      throw new VpException(VpException.Reason.INVALID_STATE, "a link in connect mode does not listen");
    }
    return a;
  }

  /**
   * The counters since start.
   *
   * @return a snapshot
   */
  public SurGardReceiverMetrics metrics() {
    return link.metrics();
  }

  /** Looks at the link's silence now rather than at the next timer (for tests with a moved clock). */
  public void checkSupervisionNow() {
    link.checkSupervision();
  }

  /** Closes the connections, stops the timers and releases the threads. */
  @Override
  public void close() {
    link.stop();
    transport.close();
    deliveryExecutor.shutdown();
    try {
      deliveryExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownTimer != null) {
      ownTimer.shutdownNow();
    }
  }
}
