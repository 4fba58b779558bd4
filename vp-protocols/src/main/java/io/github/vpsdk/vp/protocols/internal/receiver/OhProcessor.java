package io.github.vpsdk.vp.protocols.internal.receiver;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.catalogue.Classification;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.internal.metrics.LatencyHistogram;
import io.github.vpsdk.vp.protocols.oh.OhDecodeResult;
import io.github.vpsdk.vp.protocols.oh.OhEvent;
import io.github.vpsdk.vp.protocols.oh.OhEvents;
import io.github.vpsdk.vp.protocols.oh.OhHeartbeat;
import io.github.vpsdk.vp.protocols.oh.OhMessage;
import io.github.vpsdk.vp.protocols.oh.OhReply;
import io.github.vpsdk.vp.protocols.receiver.AccountSupervisor;
import io.github.vpsdk.vp.protocols.receiver.OhReceiverOptions;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an OH receiver does with each decoded packet, transport aside: the answer, panel
 * identifiers and the substitution check, supervision, and the rule that an event is acknowledged
 * only once the sink has it. One instance per receiver, shared by its connections. Thread-safe.
 */
public final class OhProcessor {
  private static final Logger log = LoggerFactory.getLogger(OhProcessor.class);

  /** One connection, as the processor sees it. */
  public interface Connection {
    /**
     * Sends a reply, after any sent before.
     *
     * @param reply the reply
     */
    void send(OhReply reply);

    /** Closes the connection once what was sent before is written. */
    void close();

    /**
     * Whether this connection was refused for a substituted panel.
     *
     * @return {@code true} once refused
     */
    boolean refused();

    /** Marks this connection refused: every later packet gets a {@code NACK}. */
    void markRefused();
  }

  private final ReceiverConfig config;
  private final OhReceiverOptions options;
  private final AccountSupervisor supervisor;
  private final Executor deliveryExecutor;
  private final DuplicateWindow<CompletableFuture<Void>> duplicates;
  private final DuplicateWindow<Boolean> substitutionAlarms;
  private final LatencyHistogram ackLatency = new LatencyHistogram();
  private final LongAdder decoded = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder duplicateCount = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final Map<String, LongAdder> refusedCounts = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
  private final AtomicLong idSequence = new AtomicLong();
  private final String idPrefix;

  /**
   * Creates a processor.
   *
   * @param config the shared receiver settings
   * @param options the OH settings
   * @param supervisor the supervisor
   * @param deliveryExecutor where sink calls run
   */
  public OhProcessor(ReceiverConfig config, OhReceiverOptions options, AccountSupervisor supervisor, Executor deliveryExecutor) {
    this.config = config;
    this.options = options;
    this.supervisor = supervisor;
    this.deliveryExecutor = deliveryExecutor;
    this.duplicates = new DuplicateWindow<>(config.duplicateWindow(), config.duplicateCapacity(), config.clock());
    this.substitutionAlarms = new DuplicateWindow<>(config.duplicateWindow(), config.duplicateCapacity(), config.clock());
    this.idPrefix = "oh-" + Long.toString(config.clock().millis(), 36) + "-";
  }

  /**
   * The OH settings.
   *
   * @return the options
   */
  public OhReceiverOptions options() {
    return options;
  }

  /**
   * Counts a new connection, within the limits.
   *
   * @param remote the panel's address
   * @return {@code false} if over a limit: the caller closes the connection (and calls {@link
   *     #closed} as for any other)
   */
  public boolean opened(InetSocketAddress remote) {
    int total = open.incrementAndGet();
    int fromSource = perSource.computeIfAbsent(remote.getAddress(), a -> new AtomicInteger()).incrementAndGet();
    if (total > config.maxConnections() || fromSource > config.maxConnectionsPerSource()) {
      refuse(remote, "CONNECTION_LIMIT", total > config.maxConnections() ? "too many connections" : "too many connections from one address");
      return false;
    }
    return true;
  }

  /**
   * Counts a closed connection.
   *
   * @param remote the panel's address
   */
  public void closed(InetSocketAddress remote) {
    open.decrementAndGet();
    AtomicInteger n = perSource.get(remote.getAddress());
    if (n != null && n.decrementAndGet() <= 0) {
      perSource.remove(remote.getAddress(), n);
    }
  }

  /**
   * Handles one decode result of a connection.
   *
   * @param result what the codec found
   * @param source the panel's address
   * @param connection where answers go
   * @param onSettled called once the packet is answered or dropped (flow control), on any thread
   */
  public void process(OhDecodeResult result, InetSocketAddress source, Connection connection, Runnable onSettled) {
    try {
      handle(result, source, connection, onSettled);
    } catch (RuntimeException e) {
      log.warn("OH packet from {} not handled: {}", source, e.toString());
      refuse(source, "INTERNAL", e.toString());
      connection.close();
      onSettled.run();
    }
  }

  private void handle(OhDecodeResult result, InetSocketAddress source, Connection connection, Runnable onSettled) {
    if (result instanceof OhDecodeResult.Malformed) {
      OhDecodeResult.Malformed m = (OhDecodeResult.Malformed) result;
      refuse(source, m.reason().name(), m.detail());
      switch (m.reason()) {
        case TOO_LONG:
        case UNSUPPORTED_KEY_EXCHANGE:
          connection.close();
          break;
        case UNSUPPORTED_VERSION:
          connection.send(OhReply.nack(true));
          connection.close();
          break;
        default:
          connection.send(OhReply.nack(true));
      }
      onSettled.run();
      return;
    }
    if (!(result instanceof OhDecodeResult.Decoded)) {
      onSettled.run();
      return;
    }
    long started = System.nanoTime();
    OhDecodeResult.Decoded d = (OhDecodeResult.Decoded) result;
    OhMessage message = d.message();
    boolean encrypted = d.encryptedAnswer();
    if (message instanceof OhReply) {
      refuse(source, "UNSUPPORTED", "a reply sent to a receiver");
      onSettled.run();
      return;
    }
    decoded.increment();
    Dc09Message view = message instanceof OhEvent ? OhEvents.toDc09((OhEvent) message) : OhEvents.toDc09((OhHeartbeat) message);
    config.listener().frameDecoded(source, view);
    if (connection.refused()) {
      refuse(source, "PANEL_SUBSTITUTION", "connection refused for a substituted panel");
      connection.send(OhReply.nack(encrypted));
      onSettled.run();
      return;
    }
    Instant now = config.clock().instant();
    List<AlarmEvent> events = new ArrayList<>();
    if (message instanceof OhEvent) {
      OhEvent e = (OhEvent) message;
      ParseResult<List<PanelEvent>> parsed = OhEvents.of(e, now, idPrefix + idSequence.incrementAndGet(), config.catalogue(), config.strict());
      if (parsed instanceof ParseResult.Invalid) {
        refuse(source, "BAD_EVENT_DATA", ((ParseResult.Invalid<List<PanelEvent>>) parsed).reason());
        connection.send(OhReply.nack(encrypted));
        onSettled.run();
        return;
      }
      events.addAll(parsed.asOptional().orElse(List.of()));
    }
    AccountId panel = OhEvents.panelAccount(message);
    if (panel != null) {
      supervisor.heard(panel).ifPresent(this::deliverSystemEvent);
    }
    boolean refuseNow = false;
    Long reported = message instanceof OhEvent ? ((OhEvent) message).panelId() : ((OhHeartbeat) message).panelId();
    if (panel != null && reported != null) {
      Optional<Long> stored = options.panelIds().get(panel);
      if (stored.isEmpty()) {
        if (message instanceof OhHeartbeat) {
          // identifiers change only in answer to a heartbeat (python-osbornehoffman 1.0.3)
          long id = reported != 0 ? reported : newPanelId();
          options.panelIds().put(panel, id);
          if (reported == 0) {
            log.info("OH panel {} has no identifier: giving it {}", panel, String.format(Locale.ROOT, "%08X", id));
            connection.send(OhReply.panelId(id));
          } else {
            log.info("OH panel {} learnt with identifier {}", panel, String.format(Locale.ROOT, "%08X", id));
          }
        }
      } else if (stored.get().longValue() != reported.longValue()) {
        long expected = stored.get();
        if (options.substitution() == OhReceiverOptions.Substitution.REASSIGN) {
          if (message instanceof OhHeartbeat) {
            connection.send(OhReply.panelId(expected));
          }
        } else {
          if (options.substitution() == OhReceiverOptions.Substitution.REFUSE) {
            refuseNow = true;
            connection.markRefused();
            events.clear(); // the substituted panel's own events are refused with it
          }
          if (substitutionAlarms.claim(List.of(panel, reported), Boolean.TRUE) == null) {
            events.add(0, substitutionEvent(panel, expected, reported, now));
          }
        }
      }
    }
    if (refuseNow) {
      refuse(source, "PANEL_SUBSTITUTION", "panel " + panel + " reported another identifier");
      Runnable nack = () -> {
        connection.send(OhReply.nack(encrypted));
        connection.close();
        onSettled.run();
      };
      if (events.isEmpty()) {
        nack.run();
      } else {
        inFlight.incrementAndGet();
        deliverAll(events).whenComplete((ok, failure) -> {
          inFlight.decrementAndGet();
          if (failure == null) {
            delivered.add(events.size());
          } else {
            log.error("sink failed for a panel substitution alarm of {}: {}", panel, failure.toString());
          }
          nack.run();
        });
      }
      return;
    }
    Runnable ack = () -> ack(source, view, connection, encrypted, false, started);
    if (events.isEmpty()) {
      ack.run(); // a heartbeat: nothing to store
      onSettled.run();
      return;
    }
    Object key = message instanceof OhEvent ? contentKey((OhEvent) message) : List.of("heartbeat", String.valueOf(panel), String.valueOf(reported));
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> first = duplicates.claim(key, mine);
    if (first != null) {
      duplicateCount.increment();
      first.whenComplete((ok, failure) -> {
        if (failure == null) {
          ack(source, view, connection, encrypted, true, started);
        } else {
          refuse(source, "SINK_FAILED", "first delivery failed: " + failure.getMessage());
          connection.send(OhReply.nack(encrypted));
        }
        onSettled.run();
      });
      return;
    }
    inFlight.incrementAndGet();
    deliverAll(events).whenComplete((ok, failure) -> {
      inFlight.decrementAndGet();
      if (failure == null) {
        delivered.add(events.size());
        mine.complete(null);
        ack.run();
      } else {
        duplicates.forget(key, mine);
        mine.completeExceptionally(failure);
        log.warn("sink failed for a packet of {}; NACK, the panel will retry: {}", panel, failure.toString());
        refuse(source, "SINK_FAILED", String.valueOf(failure.getMessage()));
        connection.send(OhReply.nack(encrypted));
      }
      onSettled.run();
    });
  }

  private void ack(InetSocketAddress source, Dc09Message view, Connection connection, boolean encrypted, boolean duplicate, long started) {
    long nanos = System.nanoTime() - started;
    acked.increment(); // counted before the write, so that a sender who got the ACK sees it counted
    ackLatency.recordNanos(nanos);
    config.listener().acknowledged(source, view, duplicate, Duration.ofNanos(nanos));
    connection.send(OhReply.ack(encrypted));
  }

  private long newPanelId() {
    long id;
    do {
      id = options.random().nextInt() & 0xFFFF_FFFFL;
    } while (id == 0);
    return id;
  }

  private PanelEvent substitutionEvent(AccountId panel, long expected, long reported, Instant now) {
    Classification c = config.catalogue().classify(new EventCode.Sia("AA"));
    log.warn("OH panel substitution on {}: expected identifier {}, got {}", panel,
        String.format(Locale.ROOT, "%08X", expected), String.format(Locale.ROOT, "%08X", reported));
    return PanelEvent.builder()
        .id(idPrefix + idSequence.incrementAndGet())
        .account(panel)
        .code(c.code())
        .category(c.category())
        .restore(false)
        .priority(c.priority())
        .receivedAt(now)
        .text(String.format(Locale.ROOT, "panel substitution: the panel was given identifier %08X and reports %08X",
            expected, reported))
        .extended("expected-panel-id", String.format(Locale.ROOT, "%08X", expected))
        .extended("reported-panel-id", String.format(Locale.ROOT, "%08X", reported))
        .transport("OH")
        .build();
  }

  /**
   * Hands generated events (supervision) to the sink, unacknowledged by definition.
   *
   * @param event the event
   */
  public void deliverSystemEvent(AlarmEvent event) {
    inFlight.incrementAndGet();
    deliverAll(List.of(event)).whenComplete((ok, failure) -> {
      inFlight.decrementAndGet();
      if (failure == null) {
        delivered.increment();
      } else {
        log.error("sink failed for {} {}: {}", event.code().text(), event.id(), failure.toString());
      }
    });
  }

  /** Looks for silent panels and delivers their loss events. */
  public void checkSupervision() {
    for (SystemEvent loss : supervisor.check()) {
      log.info("supervision lost: {}", loss.account());
      deliverSystemEvent(loss);
    }
  }

  /**
   * The counters.
   *
   * @return the snapshot
   */
  public ReceiverMetrics metrics() {
    Map<String, Long> reasons = new HashMap<>();
    refusedCounts.forEach((k, v) -> reasons.put(k, v.sum()));
    return new ReceiverMetrics(decoded.sum(), acked.sum(), duplicateCount.sum(), delivered.sum(), reasons,
        Math.max(0, open.get()), inFlight.get(), ackLatency.count(), ackLatency.percentileMicros(50),
        ackLatency.percentileMicros(99), ackLatency.percentileMicros(100));
  }

  /**
   * Counts a refusal.
   *
   * @param source the sender
   * @param reason the reason
   * @param detail a description
   */
  public void refuse(InetSocketAddress source, String reason, String detail) {
    refusedCounts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    config.listener().frameRefused(source, reason, detail);
    log.debug("OH refused from {}: {} ({})", source, reason, detail);
  }

  private CompletableFuture<Void> deliverAll(List<? extends AlarmEvent> events) {
    return SinkDelivery.deliverAll(config.sink(), events, deliveryExecutor, config.sinkTimeout(), () -> { });
  }

  /** Retries carry the same content (ECB, no nonce): the key is the decoded content. */
  private static Object contentKey(OhEvent e) {
    return List.of(e.account().toUpperCase(Locale.ROOT), e.token(), e.sequence(), e.data(), String.valueOf(e.text()),
        String.valueOf(e.receiver()), String.valueOf(e.line()), String.valueOf(e.systemAccount()),
        String.valueOf(e.timestamp()));
  }
}
