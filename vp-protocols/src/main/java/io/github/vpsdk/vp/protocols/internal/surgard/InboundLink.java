package io.github.vpsdk.vp.protocols.internal.surgard;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.surgard.LinkScheduler;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import io.github.vpsdk.vp.protocols.surgard.SurGardReceiverConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardReceiverMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automation side of an SG link, free of any network: splits each connection's stream,
 * answers every packet in order (ACK once the sink has its events, NAK when it cannot be decoded
 * or stored), recognises retransmissions, and supervises the link. The transport calls {@link
 * #open} for each connection and the returned session's methods for its bytes; timers come from
 * the injected scheduler. Thread-safe.
 *
 * <p>Retransmission rule: a receiver sends one packet at a time and repeats it until it is
 * acknowledged, so a packet identical to the last event packet of the same peer, within the
 * window, is its retransmission: acknowledged (once the first delivery succeeded), not delivered
 * again. Copies read while the first is still being answered are folded into it: one answer for
 * the transmission the receiver still waits for.
 */
public final class InboundLink {
  private static final Logger log = LoggerFactory.getLogger(InboundLink.class);
  private static final byte[] ACK = {SurGardCodec.ACK};
  private static final byte[] NAK = {SurGardCodec.NAK};
  private static final int MAX_QUEUED = 64;
  /** Internal code of a packet accepted without being decoded. */
  public static final EventCode.Internal UNDECODED = new EventCode.Internal("SURGARD_UNDECODED");

  private final SurGardReceiverConfig config;
  private final LinkScheduler scheduler;
  private final Executor deliveryExecutor;
  private final String source;
  private final String idPrefix;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, PeerState> peers = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PeerState> eldest) {
      return size() > 256;
    }
  };
  private final Map<String, Integer> nakCounts = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
      return size() > 64;
    }
  };
  private final LongAdder packets = new LongAdder();
  private final LongAdder heartbeats = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder acks = new LongAdder();
  private final LongAdder naks = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder connects = new LongAdder();
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private @Nullable Instant lastTraffic;
  private Instant supervisedSince;
  private boolean lost;
  private boolean stopped;
  private LinkScheduler.@Nullable Timer supervisionTimer;

  private static final class PeerState {
    String text = "";
    Instant at = Instant.EPOCH;
    CompletableFuture<Void> result = CompletableFuture.completedFuture(null);
  }

  /**
   * Creates the link.
   *
   * @param config the settings
   * @param scheduler the timers
   * @param deliveryExecutor where sink calls run
   */
  public InboundLink(SurGardReceiverConfig config, LinkScheduler scheduler, Executor deliveryExecutor) {
    this.config = config;
    this.scheduler = scheduler;
    this.deliveryExecutor = deliveryExecutor;
    this.source = "surgard:" + config.name();
    this.idPrefix = "sg-" + config.name() + "-" + Long.toString(config.clock().millis(), 36) + "-";
    this.supervisedSince = config.clock().instant();
  }

  /** Starts supervision: the link must be heard within the timeout from now. */
  public synchronized void start() {
    supervisedSince = config.clock().instant();
    armSupervision(config.supervisionTimeout());
  }

  /** Stops the timers. */
  public synchronized void stop() {
    stopped = true;
    if (supervisionTimer != null) {
      supervisionTimer.cancel();
      supervisionTimer = null;
    }
  }

  /**
   * A new connection.
   *
   * @param wire the connection
   * @return its session
   */
  public Session open(Wire wire) {
    open.incrementAndGet();
    connects.increment();
    log.info("SG link {}: connection with {}", config.name(), wire.peer());
    return new Session(wire);
  }

  /**
   * Counts a refusal made by the transport.
   *
   * @param reason the reason
   * @param detail a description
   */
  public void refuse(String reason, String detail) {
    refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    log.debug("SG link {}: {} ({})", config.name(), reason, detail);
  }

  /**
   * The counters.
   *
   * @return a snapshot
   */
  public SurGardReceiverMetrics metrics() {
    Map<String, Long> reasons = new HashMap<>();
    refused.forEach((k, v) -> reasons.put(k, v.sum()));
    Instant last;
    boolean isLost;
    synchronized (this) {
      last = lastTraffic;
      isLost = lost;
    }
    return new SurGardReceiverMetrics(packets.sum(), heartbeats.sum(), delivered.sum(), acks.sum(), naks.sum(),
        duplicates.sum(), reasons, open.get(), connects.sum(), isLost, last);
  }

  // ---- supervision

  private void armSupervision(Duration delay) {
    if (stopped) {
      return;
    }
    if (supervisionTimer != null) {
      supervisionTimer.cancel();
    }
    supervisionTimer = scheduler.schedule(delay, this::checkSupervision);
  }

  /** Checks the link now (the timer does it at each deadline). */
  public synchronized void checkSupervision() {
    if (stopped || lost) {
      return;
    }
    Instant now = config.clock().instant();
    Instant last = lastTraffic == null ? supervisedSince : lastTraffic;
    Instant deadline = last.plus(config.supervisionTimeout());
    if (now.isBefore(deadline)) {
      armSupervision(Duration.between(now, deadline));
      return;
    }
    lost = true;
    supervisionTimer = null;
    log.warn("SG link {}: nothing received for {}; supervision lost", config.name(), Duration.between(last, now));
    List<ExtendedField> extended = lastTraffic == null ? List.of() : List.of(new ExtendedField("last-heard", lastTraffic.toString()));
    deliverSystem(new SystemEvent(id("lost"), null, null, source, SystemEvent.SUPERVISION_LOST, EventCategory.TROUBLE,
        Priority.MEDIUM, false, now, "SG automation link " + config.name() + " silent: nothing from the receiver for "
            + config.supervisionTimeout().toSeconds() + " s", extended));
  }

  private synchronized void traffic() {
    Instant now = config.clock().instant();
    lastTraffic = now;
    if (lost) {
      lost = false;
      log.info("SG link {}: traffic again; supervision restored", config.name());
      deliverSystem(new SystemEvent(id("restored"), null, null, source, SystemEvent.SUPERVISION_RESTORED,
          EventCategory.TROUBLE, EventCategory.TROUBLE.defaultPriority(true), true, now,
          "SG automation link " + config.name() + " heard again", List.of()));
      armSupervision(config.supervisionTimeout());
    }
  }

  private void deliverSystem(SystemEvent event) {
    deliver(List.of(event)).whenComplete((ok, failure) -> {
      if (failure != null) {
        log.error("SG link {}: sink failed for {} {}: {}", config.name(), event.code().text(), event.id(), failure.toString());
      }
    });
  }

  private CompletableFuture<Void> deliver(List<? extends AlarmEvent> events) {
    return io.github.vpsdk.vp.protocols.internal.receiver.SinkDelivery.deliverAll(
        config.sink(), events, deliveryExecutor, config.sinkTimeout(), delivered::increment);
  }

  private String id(String what) {
    return idPrefix + ids.incrementAndGet() + (what.isEmpty() ? "" : "-" + what);
  }

  private synchronized PeerState peer(String peer) {
    return peers.computeIfAbsent(peer, p -> new PeerState());
  }

  private synchronized int countNak(String text) {
    return nakCounts.merge(text, 1, Integer::sum);
  }

  private synchronized void forgetNaks(String text) {
    nakCounts.remove(text);
  }

  /** One connection: its stream, in order. */
  public final class Session {
    private final Wire wire;
    private final PacketSplitter splitter = new PacketSplitter();
    private final ArrayDeque<PacketSplitter.Piece> queue = new ArrayDeque<>();
    private PacketSplitter.@Nullable Piece current;
    private boolean pumping;
    private boolean paused;
    private boolean closed;

    private Session(Wire wire) {
      this.wire = wire;
    }

    /**
     * Bytes from the peer.
     *
     * @param bytes the bytes
     */
    public void received(byte[] bytes) {
      List<PacketSplitter.Piece> pieces;
      synchronized (this) {
        pieces = splitter.feed(bytes);
        for (PacketSplitter.Piece p : pieces) {
          if (p instanceof PacketSplitter.Packet && isCopyOfPending((PacketSplitter.Packet) p)) {
            packets.increment();
            duplicates.increment();
            continue; // one answer for the transmission the receiver still waits for
          }
          queue.add(p);
        }
        if (queue.size() >= MAX_QUEUED && !paused) {
          paused = true;
          wire.reading(false);
        }
      }
      pump();
    }

    /** The connection closed. */
    public void closed() {
      PacketSplitter.Refused tail;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        tail = splitter.finish();
        queue.clear();
      }
      open.decrementAndGet();
      if (tail != null) {
        refuse(tail.problem().name(), tail.detail());
      }
      log.info("SG link {}: connection with {} closed", config.name(), wire.peer());
    }

    private boolean isCopyOfPending(PacketSplitter.Packet p) {
      PacketSplitter.Piece last = queue.isEmpty() ? current : queue.peekLast();
      return last instanceof PacketSplitter.Packet && ((PacketSplitter.Packet) last).text().equals(p.text());
    }

    private void pump() {
      while (true) {
        PacketSplitter.Piece next;
        synchronized (this) {
          if (pumping || current != null || queue.isEmpty() || closed) {
            return;
          }
          next = queue.poll();
          current = next;
          pumping = true;
          if (paused && queue.size() < MAX_QUEUED / 4) {
            paused = false;
            wire.reading(true);
          }
        }
        try {
          handle(next);
        } finally {
          synchronized (this) {
            pumping = false;
          }
        }
      }
    }

    /** Answers the current piece (or none) and moves on. */
    private void done(byte @Nullable [] answer) {
      synchronized (this) {
        current = null;
        if (closed) {
          return;
        }
        if (answer != null) {
          (answer[0] == SurGardCodec.ACK ? acks : naks).increment();
          wire.write(answer);
        }
      }
      pump();
    }

    private void handle(PacketSplitter.Piece piece) {
      if (piece instanceof PacketSplitter.Refused) {
        PacketSplitter.Refused r = (PacketSplitter.Refused) piece;
        refuse(r.problem().name(), r.detail() + ": " + PacketSplitter.printable(r.text()));
        if (r.problem() == PacketSplitter.Problem.MALFORMED) {
          refuseOrAccept(r.text(), r.detail());
        } else {
          done(null); // noise or an overlong run: the packet behind it, if any, is answered
        }
        return;
      }
      PacketSplitter.Packet p = (PacketSplitter.Packet) piece;
      packets.increment();
      traffic();
      SurGardMessage m = p.message();
      if (m instanceof SurGardMessage.Heartbeat) {
        heartbeats.increment();
        done(ACK);
        return;
      }
      Instant now = config.clock().instant();
      List<AlarmEvent> events;
      if (m instanceof SurGardMessage.Unsupported) {
        events = List.of(undecoded(p.text(), "protocol " + ((SurGardMessage.Unsupported) m).protocol() + " not decoded", now));
      } else {
        ParseResult<List<PanelEvent>> r = SurGardCodec.events(m, now, id(""), config.catalogue());
        if (r instanceof ParseResult.Invalid) {
          String reason = ((ParseResult.Invalid<List<PanelEvent>>) r).reason();
          refuse("BAD_EVENT_DATA", reason + ": " + PacketSplitter.printable(p.text()));
          refuseOrAccept(p.text(), reason);
          return;
        }
        events = new ArrayList<>(r.asOptional().orElseThrow());
      }
      deliverOnce(p.text(), events);
    }

    /** NAK an undecodable packet, or after maxNaks copies accept it as an undecoded event. */
    private void refuseOrAccept(String text, String reason) {
      if (countNak(text) <= config.maxNaks()) {
        done(NAK);
        return;
      }
      forgetNaks(text);
      log.warn("SG link {}: packet refused {} times, accepted undecoded: {}", config.name(), config.maxNaks(),
          PacketSplitter.printable(text));
      deliverOnce(text, List.of(undecoded(text, reason, config.clock().instant())));
    }

    private SystemEvent undecoded(String text, String reason, Instant now) {
      return new SystemEvent(id("undecoded"), null, null, source, UNDECODED, EventCategory.UNKNOWN, Priority.MEDIUM,
          false, now, "SG packet not decoded (" + reason + "): " + PacketSplitter.printable(text),
          List.of(new ExtendedField("packet", PacketSplitter.printable(text))));
    }

    private void deliverOnce(String text, List<AlarmEvent> events) {
      Instant now = config.clock().instant();
      PeerState state;
      CompletableFuture<Void> first = null;
      CompletableFuture<Void> mine = new CompletableFuture<>();
      synchronized (InboundLink.this) {
        state = peer(wire.peer());
        boolean recent = !config.duplicateWindow().isZero() && !state.at.plus(config.duplicateWindow()).isBefore(now);
        boolean failed = state.result.isCompletedExceptionally();
        if (state.text.equals(text) && recent && !failed) {
          first = state.result;
        } else {
          state.text = text;
          state.at = now;
          state.result = mine;
        }
      }
      if (first != null) {
        duplicates.increment();
        first.whenComplete((ok, failure) -> {
          if (failure == null) {
            done(ACK);
          } else {
            refuse("SINK_FAILED", "first delivery failed: " + failure);
            done(NAK);
          }
        });
        return;
      }
      deliver(events).whenComplete((ok, failure) -> {
        if (failure == null) {
          mine.complete(null);
          done(ACK);
        } else {
          mine.completeExceptionally(failure);
          log.warn("SG link {}: sink failed, packet refused with NAK so that the receiver sends it again: {}",
              config.name(), failure.toString());
          refuse("SINK_FAILED", String.valueOf(failure.getMessage()));
          done(NAK);
        }
      });
    }
  }
}
