package io.github.vpsdk.vp.protocols.surgard;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.internal.netty.SurGardTransport;
import io.github.vpsdk.vp.protocols.internal.surgard.EventFormatter;
import io.github.vpsdk.vp.protocols.internal.surgard.OutboundLink;
import io.github.vpsdk.vp.protocols.internal.surgard.Wire;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver end of an SG link: lets vp feed an existing automation package (the monitoring
 * software of a centre) in the Sur-Gard automation format, as a hardware receiver would, over TCP
 * (listening for the automation, or connecting to it).
 *
 * <pre>{@code
 * try (SurGardAutomationSender out = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> c
 *         .endpoint(SurGardEndpoint.connect("automation.local", 1025))));
 *     Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
 *         .port(5000).sink(out.asSink()).sinkTimeout(Duration.ofSeconds(30))))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Packets go one at a time, in order; each waits for the automation's ACK (4 s by default), is
 * sent again on NAK or silence (3 times by default), and after that the queue is held while a
 * heartbeat is sent every heartbeat interval, until one is acknowledged; then the queue resumes in
 * order. When idle, a heartbeat ({@code 1011␣␣␣␣␣␣␣␣␣␣␣@␣␣␣␣} for receiver 01) goes every 30 s.
 * The queue survives lost connections; it is in memory and bounded.
 *
 * <p>By default {@link #send} completes when the automation acknowledged the packet, so a DC-09
 * receiver whose sink is {@link #asSink()} acknowledges its panel only once the event is
 * downstream (give that receiver a sink timeout longer than this sender's ACK timeout times its
 * attempts, or use {@link SurGardSenderConfig.Completion#QUEUED}).
 *
 * <p>Threads: one network thread and, unless a scheduler is configured, one timer thread. Futures
 * complete on those threads: do not block in their callbacks.
 */
public final class SurGardAutomationSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SurGardAutomationSender.class);

  private final SurGardSenderConfig config;
  private final OutboundLink link;
  private final SurGardTransport transport;
  private final @Nullable ScheduledExecutorService ownTimer;
  private final AtomicLong skipped = new AtomicLong();

  private SurGardAutomationSender(SurGardSenderConfig config) {
    this.config = config;
    LinkScheduler scheduler = config.scheduler();
    if (scheduler == null) {
      ownTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vp-surgard-sender-timer");
        t.setDaemon(true);
        return t;
      });
      scheduler = LinkScheduler.of(ownTimer);
    } else {
      ownTimer = null;
    }
    this.link = new OutboundLink(config, scheduler);
    this.transport = new SurGardTransport("vp-surgard-sender", config.endpoint(), new SurGardTransport.Handler() {
      @Override
      public void connected(Wire wire) {
        link.connected(wire);
      }

      @Override
      public void received(Wire wire, byte[] bytes) {
        link.received(wire, bytes);
      }

      @Override
      public void disconnected(Wire wire) {
        link.disconnected(wire);
      }
    }, scheduler, config.reconnectMin(), config.reconnectMax(), 4);
  }

  /**
   * Starts a sender: binds, or starts connecting to the automation (retried with back-off).
   *
   * @param config the settings
   * @return the running sender
   * @throws VpException {@code IO} if the port cannot be bound
   */
  public static SurGardAutomationSender start(SurGardSenderConfig config) {
    SurGardAutomationSender s = new SurGardAutomationSender(config);
    try {
      s.transport.start();
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /**
   * Sends an event, written as the configuration says. An event the SG format cannot carry (an
   * internal code, an account too long for Contact ID whose code has no SIA form) completes at once
   * without being sent, and is counted as skipped.
   *
   * @param event the event
   * @return completes when acknowledged (or queued, per {@link SurGardSenderConfig#completion()});
   *     fails with {@code REFUSED} when the queue is full, {@code INVALID_STATE} once closed
   */
  public CompletionStage<Void> send(PanelEvent event) {
    Optional<SurGardMessage> m = EventFormatter.format(event, config);
    if (m.isEmpty()) {
      skipped.incrementAndGet();
      log.warn("SG sender: event {} ({}) cannot be written in the SG format; skipped", event.id(), event.code().text());
      return CompletableFuture.completedFuture(null);
    }
    return send(m.get());
  }

  /**
   * Sends a message as it is (its receiver and line numbers included).
   *
   * @param message the message
   * @return as {@link #send(PanelEvent)}
   */
  public CompletionStage<Void> send(SurGardMessage message) {
    try {
      OutboundLink.Item item = link.offer(SurGardCodec.encode(message));
      return config.completion() == SurGardSenderConfig.Completion.QUEUED
          ? CompletableFuture.completedFuture(null)
          : item.acknowledged().thenApply(x -> null);
    } catch (VpException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * This sender as a sink, for a DC-09 receiver: panel events are sent; system events (such as a
   * panel's supervision loss) have no SG form and complete at once, counted as skipped.
   *
   * @return the sink
   */
  public EventSink asSink() {
    return this::deliver;
  }

  private CompletionStage<Void> deliver(AlarmEvent event) {
    if (event instanceof PanelEvent) {
      return send((PanelEvent) event);
    }
    skipped.incrementAndGet();
    return CompletableFuture.completedFuture(null);
  }

  /**
   * Where the sender listens, with the port it got (listen mode).
   *
   * @return the address
   * @throws VpException {@code INVALID_STATE} in connect mode
   */
  public InetSocketAddress localAddress() {
    InetSocketAddress a = transport.localAddress();
    if (a == null) {
      throw new VpException(VpException.Reason.INVALID_STATE, "a sender in connect mode does not listen");
    }
    return a;
  }

  /**
   * The counters since start.
   *
   * @return a snapshot
   */
  public SurGardSenderMetrics metrics() {
    SurGardSenderMetrics m = link.metrics();
    return new SurGardSenderMetrics(m.state(), m.queued(), m.transmissions(), m.acked(), m.naks(), m.timeouts(),
        m.retransmissions(), m.heartbeats(), m.holds(), m.rejected(), skipped.get(), m.connects());
  }

  /** Closes the connections; packets still queued fail with {@code INVALID_STATE}. */
  @Override
  public void close() {
    link.close();
    transport.close();
    if (ownTimer != null) {
      ownTimer.shutdownNow();
    }
  }
}
