package io.github.vpsdk.vp.protocols.internal.receiver;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Dialect;
import io.github.vpsdk.vp.protocols.dc09.Dc09Events;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.internal.metrics.LatencyHistogram;
import io.github.vpsdk.vp.protocols.receiver.AccountSupervisor;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.receiver.ReceiverMetrics;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a receiver does with each decode result, transport aside: the DC-09 answer, and the rule
 * that an event is acknowledged only once the sink has it. TCP and UDP handlers share one
 * instance. Thread-safe.
 */
public final class FrameProcessor {
  private static final Logger log = LoggerFactory.getLogger(FrameProcessor.class);

  /** Where an answer goes: the connection or the datagram's sender. */
  public interface Reply {
    /**
     * Sends an answer.
     *
     * @param frame the encoded frame
     */
    void send(byte[] frame);

    /**
     * Where the answer to a delivered frame is encoded and sent: the connection's own thread,
     * so that the sink's completing thread (the journal writer) does not encode ACKs.
     *
     * @return the executor; runs in the completing thread unless overridden
     */
    default Executor executor() {
      return Runnable::run;
    }
  }

  private final ReceiverConfig config;
  private final Dc09Codec codec;
  private final AccountSupervisor supervisor;
  private final DuplicateWindow<CompletableFuture<Void>> duplicates;
  private final Executor deliveryExecutor;
  private final LatencyHistogram ackLatency = new LatencyHistogram();
  private final LongAdder decoded = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder duplicateCount = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong idSequence = new AtomicLong();
  private final Map<String, RateWindow> rates = new ConcurrentHashMap<>();
  private final String idPrefix;

  private static final class RateWindow {
    long second;
    int count;
  }

  /**
   * Creates a processor.
   *
   * @param config the receiver settings
   * @param codec the codec
   * @param supervisor the supervisor
   * @param deliveryExecutor where sink calls run
   */
  public FrameProcessor(ReceiverConfig config, Dc09Codec codec, AccountSupervisor supervisor, Executor deliveryExecutor) {
    this.config = config;
    this.codec = codec;
    this.supervisor = supervisor;
    this.deliveryExecutor = deliveryExecutor;
    this.duplicates = new DuplicateWindow<>(config.duplicateWindow(), config.duplicateCapacity(), config.clock());
    this.idPrefix = "rcv-" + Long.toString(config.clock().millis(), 36) + "-";
  }

  /**
   * The codec.
   *
   * @return the codec
   */
  public Dc09Codec codec() {
    return codec;
  }

  /**
   * Handles one decode result.
   *
   * @param result what the codec found
   * @param source the sender
   * @param reply where the answer goes
   * @param onSettled called once the frame is answered or dropped (for flow control), on any thread
   */
  public void process(Dc09DecodeResult result, InetSocketAddress source, Reply reply, Runnable onSettled) {
    if (result instanceof Dc09DecodeResult.Malformed) {
      Dc09DecodeResult.Malformed m = (Dc09DecodeResult.Malformed) result;
      refuse(source, m.reason().name(), m.detail());
      if (m.reason() != Dc09DecodeResult.Reason.NOISE) {
        reply.send(codec.encode(Dc09Message.nak(config.clock().instant())));
      }
      onSettled.run();
      return;
    }
    if (!(result instanceof Dc09DecodeResult.Decoded)) {
      onSettled.run();
      return;
    }
    long started = System.nanoTime();
    Dc09DecodeResult.Decoded d = (Dc09DecodeResult.Decoded) result;
    Dc09Message message = d.message();
    decoded.increment();
    config.listener().frameDecoded(source, message);
    if (message.isResponse()) {
      onSettled.run(); // a response sent to a receiver: nothing to answer
      return;
    }
    String token = message.token();
    if (!token.equals(Dc09Message.SIA_DCS) && !token.equals(Dc09Message.ADM_CID) && !token.equals(Dc09Message.NULL)) {
      refuse(source, "UNSUPPORTED", "token " + token);
      reply.send(codec.encode(Dc09Message.duh(message), d.dialect()));
      onSettled.run();
      return;
    }
    if (!rateAllowed(source)) {
      refuse(source, "RATE_LIMIT", "more than " + config.maxFramesPerSecondPerSource() + " frames/s");
      onSettled.run(); // unanswered: the panel retries later
      return;
    }
    Instant now = config.clock().instant();
    if (message.timestamp() != null && (message.encrypted() || config.checkPlainTimestamps())) {
      Instant t = message.timestamp();
      if (t.isBefore(now.minus(config.maxPast())) || t.isAfter(now.plus(config.maxFuture()))) {
        refuse(source, "TIMESTAMP_WINDOW", "message time " + t + ", receiver time " + now);
        reply.send(codec.encode(Dc09Message.nak(now)));
        onSettled.run();
        return;
      }
    }
    if (message.account() == null) {
      refuse(source, "BAD_HEADER", "no account");
      reply.send(codec.encode(Dc09Message.nak(now)));
      onSettled.run();
      return;
    }
    ParseResult<List<PanelEvent>> events =
        Dc09Events.of(message, now, idPrefix + idSequence.incrementAndGet(), config.catalogue(), config.strict());
    if (events instanceof ParseResult.Invalid) {
      refuse(source, "BAD_EVENT_DATA", ((ParseResult.Invalid<List<PanelEvent>>) events).reason());
      reply.send(codec.encode(Dc09Message.duh(message), d.dialect()));
      onSettled.run();
      return;
    }
    heard(message);
    List<PanelEvent> list = events.asOptional().orElse(List.of());
    Consumer<Boolean> ack = duplicate -> {
      byte[] frame = codec.encode(Dc09Message.ack(message, config.clock().instant()), d.dialect());
      long nanos = System.nanoTime() - started;
      // counted before the write, so that a sender who got the ACK sees it counted
      acked.increment();
      ackLatency.recordNanos(nanos);
      config.listener().acknowledged(source, message, duplicate, Duration.ofNanos(nanos));
      reply.send(frame);
    };
    if (list.isEmpty()) {
      ack.accept(false); // a link test: nothing to store
      onSettled.run();
      return;
    }
    Object key = contentKey(message);
    CompletableFuture<Void> mine = new CompletableFuture<>();
    CompletableFuture<Void> first = duplicates.claim(key, mine);
    if (first != null) {
      duplicateCount.increment();
      first.whenCompleteAsync((ok, failure) -> {
        if (failure == null) {
          ack.accept(true);
        } else {
          refuse(source, "SINK_FAILED", "first delivery failed: " + failure.getMessage());
        }
        onSettled.run();
      }, reply.executor());
      return;
    }
    inFlight.incrementAndGet();
    deliverAll(list).whenCompleteAsync((ok, failure) -> {
      inFlight.decrementAndGet();
      if (failure == null) {
        delivered.add(list.size());
        mine.complete(null);
        ack.accept(false);
      } else {
        duplicates.forget(key, mine);
        mine.completeExceptionally(failure);
        log.warn("sink failed for a frame of {}; not acknowledged, the panel will retry: {}", message.account(), failure.toString());
        refuse(source, "SINK_FAILED", String.valueOf(failure.getMessage()));
      }
      onSettled.run();
    }, reply.executor());
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

  /** Looks for silent accounts and delivers their loss events. */
  public void checkSupervision() {
    for (SystemEvent loss : supervisor.check()) {
      log.info("supervision lost: {}", loss.account());
      deliverSystemEvent(loss);
    }
  }

  /**
   * The counters.
   *
   * @param openConnections the connections open now
   * @return the snapshot
   */
  public ReceiverMetrics metrics(int openConnections) {
    Map<String, Long> reasons = new HashMap<>();
    refused.forEach((k, v) -> reasons.put(k, v.sum()));
    return new ReceiverMetrics(decoded.sum(), acked.sum(), duplicateCount.sum(), delivered.sum(), reasons,
        openConnections, inFlight.get(), ackLatency.count(), ackLatency.percentileMicros(50),
        ackLatency.percentileMicros(99), ackLatency.percentileMicros(100));
  }

  /**
   * Counts a refusal made by the transport (connection limits).
   *
   * @param source the sender
   * @param reason the reason
   * @param detail a description
   */
  public void refuse(InetSocketAddress source, String reason, String detail) {
    refused.computeIfAbsent(reason, r -> new LongAdder()).increment();
    config.listener().frameRefused(source, reason, detail);
    log.debug("refused from {}: {} ({})", source, reason, detail);
  }

  private void heard(Dc09Message message) {
    String account = message.account();
    if (account == null) {
      return;
    }
    try {
      AccountId id = AccountId.of(empty(message.receiver()), empty(message.prefix()), account);
      supervisor.heard(id).ifPresent(this::deliverSystemEvent);
    } catch (IllegalArgumentException e) {
      // an account vp cannot model is not supervised
    }
  }

  private CompletableFuture<Void> deliverAll(List<? extends AlarmEvent> events) {
    return SinkDelivery.deliverAll(config.sink(), events, deliveryExecutor, config.sinkTimeout(), () -> { });
  }

  private boolean rateAllowed(InetSocketAddress source) {
    String ip = source.getAddress() == null ? source.getHostString() : source.getAddress().getHostAddress();
    long second = System.nanoTime() / 1_000_000_000L;
    RateWindow w = rates.computeIfAbsent(ip, k -> new RateWindow());
    synchronized (w) {
      if (w.second != second) {
        w.second = second;
        w.count = 0;
      }
      return ++w.count <= config.maxFramesPerSecondPerSource();
    }
  }

  /** Retries re-encrypt with new pads: the key is the decrypted content, not the bytes. */
  private static Object contentKey(Dc09Message m) {
    return List.of(String.valueOf(m.account()).toUpperCase(Locale.ROOT), m.token(), m.sequence(), m.data(),
        m.extended().toString(), String.valueOf(m.receiver()), String.valueOf(m.prefix()));
  }

  private static @Nullable String empty(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * The dialect-free NAK, for transports that refuse before decoding.
   *
   * @return the NAK frame
   */
  public byte[] nak() {
    return codec.encode(Dc09Message.nak(config.clock().instant()), Dc09Dialect.STANDARD);
  }
}
