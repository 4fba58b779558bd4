package io.github.vpsdk.vp.protocols.internal.surgard;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.surgard.LinkScheduler;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderMetrics;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver side of an SG link, free of any network: what a hardware receiver does towards its
 * automation computer. Rules:
 *
 * <ul>
 *   <li>One packet at a time, strictly in order; the next leaves only when the automation
 *       acknowledged the previous one with ACK (0x06).
 *   <li>No ACK within the timeout, or a NAK (0x15): the packet is sent again, up to {@code
 *       retransmissions} times; then the queue is held and a heartbeat is sent every heartbeat
 *       interval until one is acknowledged, and the queue resumes in order.
 *   <li>When idle for the heartbeat interval, a heartbeat is sent.
 *   <li>Within one read, only the first ACK or NAK counts: the rest were meant for earlier
 *       transmissions and must not acknowledge a packet the automation has not seen yet.
 *   <li>A lost connection keeps the queue; a new connection starts with the head of the queue
 *       (and ends a hold). In listen mode a new connection replaces the current one.
 *   <li>The queue is bounded: an offer beyond the capacity is refused. An offer identical to a
 *       packet still queued joins it rather than being queued twice (a DC-09 panel retrying an
 *       event whose ACK was late would otherwise reach the automation twice).
 * </ul>
 *
 * <p>Thread-safe (synchronized); timers carry the epoch they were armed in, and a timer of a
 * past epoch does nothing.
 */
public final class OutboundLink {
  private static final Logger log = LoggerFactory.getLogger(OutboundLink.class);

  private final SurGardSenderConfig config;
  private final LinkScheduler scheduler;
  private final byte[] heartbeat;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private @Nullable Wire wire;
  private boolean awaitingHead;
  private boolean awaitingHeartbeat;
  private boolean holding;
  private boolean closed;
  private int attempts;
  private long epoch;
  private long heartbeatEpoch;
  private LinkScheduler.@Nullable Timer ackTimer;
  private LinkScheduler.@Nullable Timer heartbeatTimer;
  private long transmissions;
  private long acked;
  private long naks;
  private long timeouts;
  private long retransmissions;
  private long heartbeats;
  private long holds;
  private long rejected;
  private long connects;

  /** A queued packet and its acknowledgement. */
  public static final class Item {
    private final byte[] packet;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    Item(byte[] packet) {
      this.packet = packet;
    }

    /**
     * Completes when the automation acknowledged the packet.
     *
     * @return the future
     */
    public CompletableFuture<Void> acknowledged() {
      return acknowledged;
    }
  }

  /**
   * Creates the link.
   *
   * @param config the settings
   * @param scheduler the timers
   */
  public OutboundLink(SurGardSenderConfig config, LinkScheduler scheduler) {
    this.config = config;
    this.scheduler = scheduler;
    this.heartbeat = SurGardCodec.encode(new SurGardMessage.Heartbeat(config.receiverNumber()));
  }

  /**
   * Queues a packet.
   *
   * @param packet the packet, DC4 included
   * @return the queued item (possibly an identical one already queued)
   * @throws VpException {@code REFUSED} when the queue is full, {@code INVALID_STATE} once closed
   */
  public synchronized Item offer(byte[] packet) {
    if (closed) {
      throw new VpException(VpException.Reason.INVALID_STATE, "SG sender closed");
    }
    for (Item queued : queue) {
      if (Arrays.equals(queued.packet, packet)) {
        return queued;
      }
    }
    if (queue.size() >= config.queueCapacity()) {
      rejected++;
      throw new VpException(VpException.Reason.REFUSED, "SG sender queue full (" + config.queueCapacity() + " packets)");
    }
    Item item = new Item(packet.clone());
    queue.add(item);
    kick();
    return item;
  }

  /**
   * A connection with the automation is up.
   *
   * @param w the connection
   */
  public synchronized void connected(Wire w) {
    if (closed) {
      w.close();
      return;
    }
    Wire old = wire;
    connects++;
    reset();
    holding = false;
    wire = w;
    if (old != null && old != w) {
      log.info("SG sender: new automation connection {} replaces {}", w.peer(), old.peer());
      old.close();
    }
    kick();
  }

  /**
   * A connection is down.
   *
   * @param w the connection
   */
  public synchronized void disconnected(Wire w) {
    if (wire != w) {
      return;
    }
    wire = null;
    reset();
  }

  /**
   * Bytes from the automation.
   *
   * @param w the connection
   * @param bytes the bytes
   */
  public void received(Wire w, byte[] bytes) {
    Item done = null;
    synchronized (this) {
      if (wire != w) {
        return;
      }
      for (byte b : bytes) {
        if (b == SurGardCodec.ACK) {
          done = acknowledged();
          break;
        }
        if (b == SurGardCodec.NAK) {
          naks++;
          failed("NAK");
          break;
        }
        // anything else (automation commands, noise) is ignored
      }
    }
    if (done != null) {
      done.acknowledged.complete(null); // outside the lock: callbacks may offer again
    }
  }

  /** Fails every queued item and stops the timers. */
  public void close() {
    ArrayDeque<Item> left;
    synchronized (this) {
      closed = true;
      reset();
      left = new ArrayDeque<>(queue);
      queue.clear();
    }
    VpException e = new VpException(VpException.Reason.INVALID_STATE, "SG sender closed before the automation acknowledged");
    left.forEach(i -> i.acknowledged.completeExceptionally(e));
  }

  /**
   * The counters.
   *
   * @return a snapshot
   */
  public synchronized SurGardSenderMetrics metrics() {
    SurGardSenderMetrics.State state = closed ? SurGardSenderMetrics.State.CLOSED
        : wire == null ? SurGardSenderMetrics.State.DISCONNECTED
        : holding ? SurGardSenderMetrics.State.HOLDING
        : awaitingHead || awaitingHeartbeat ? SurGardSenderMetrics.State.WAITING_ACK
        : SurGardSenderMetrics.State.IDLE;
    return new SurGardSenderMetrics(state, queue.size(), transmissions, acked, naks, timeouts, retransmissions,
        heartbeats, holds, rejected, 0, connects);
  }

  // ---- the machine

  private void reset() {
    epoch++;
    awaitingHead = false;
    awaitingHeartbeat = false;
    attempts = 0;
    cancel(ackTimer);
    ackTimer = null;
    stopHeartbeat();
  }

  private void stopHeartbeat() {
    cancel(heartbeatTimer);
    heartbeatTimer = null;
    heartbeatEpoch++;
  }

  private static void cancel(LinkScheduler.@Nullable Timer t) {
    if (t != null) {
      t.cancel();
    }
  }

  /** Sends what is due now, or arms the heartbeat. */
  private void kick() {
    if (wire == null || closed || awaitingHead || awaitingHeartbeat) {
      return;
    }
    if (!holding && !queue.isEmpty()) {
      sendHead();
    } else if (heartbeatTimer == null) {
      armHeartbeat();
    }
  }

  private void sendHead() {
    Item head = queue.peek();
    if (head == null || wire == null) {
      return;
    }
    stopHeartbeat();
    if (attempts > 0) {
      retransmissions++;
    }
    attempts++;
    awaitingHead = true;
    transmit(head.packet);
  }

  private void sendHeartbeat() {
    if (wire == null) {
      return;
    }
    heartbeats++;
    awaitingHeartbeat = true;
    transmit(heartbeat);
  }

  private void transmit(byte[] packet) {
    transmissions++;
    long mine = ++epoch;
    cancel(ackTimer);
    ackTimer = scheduler.schedule(config.ackTimeout(), () -> timedOut(mine));
    Wire w = wire;
    if (w != null) {
      w.write(packet);
    }
  }

  private void armHeartbeat() {
    stopHeartbeat();
    long mine = heartbeatEpoch;
    heartbeatTimer = scheduler.schedule(config.heartbeatInterval(), () -> heartbeatDue(mine));
  }

  private synchronized void heartbeatDue(long armedIn) {
    if (armedIn != heartbeatEpoch || wire == null || awaitingHead || awaitingHeartbeat || closed) {
      return;
    }
    heartbeatTimer = null;
    heartbeatEpoch++;
    if (holding || queue.isEmpty()) {
      sendHeartbeat();
    } else {
      sendHead();
    }
  }

  private synchronized void timedOut(long armedIn) {
    if (armedIn != epoch || closed) {
      return;
    }
    timeouts++;
    failed("no ACK within " + config.ackTimeout().toMillis() + " ms");
  }

  private @Nullable Item acknowledged() {
    Item done = null;
    cancel(ackTimer);
    ackTimer = null;
    epoch++;
    if (awaitingHead) {
      awaitingHead = false;
      attempts = 0;
      acked++;
      done = queue.poll();
    } else if (awaitingHeartbeat) {
      awaitingHeartbeat = false;
      if (holding) {
        holding = false;
        log.info("SG sender: heartbeat acknowledged, resuming {} queued packets", queue.size());
      }
    } else {
      return null; // an ACK for nothing: ignored
    }
    kick();
    return done;
  }

  private void failed(String why) {
    cancel(ackTimer);
    ackTimer = null;
    epoch++;
    if (awaitingHead) {
      awaitingHead = false;
      if (attempts <= config.retransmissions()) {
        log.debug("SG sender: {}; sending again (attempt {})", why, attempts + 1);
        sendHead();
        return;
      }
      attempts = 0;
      holding = true;
      holds++;
      log.warn("SG sender: {} after {} retransmissions; holding {} packets until a heartbeat is acknowledged", why,
          config.retransmissions(), queue.size());
      armHeartbeat();
    } else if (awaitingHeartbeat) {
      awaitingHeartbeat = false;
      log.debug("SG sender: heartbeat not acknowledged ({})", why);
      armHeartbeat();
    }
  }
}
