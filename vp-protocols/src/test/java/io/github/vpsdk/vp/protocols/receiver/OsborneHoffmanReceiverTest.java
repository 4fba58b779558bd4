package io.github.vpsdk.vp.protocols.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.oh.OhEvent;
import io.github.vpsdk.vp.protocols.oh.OhHeartbeat;
import io.github.vpsdk.vp.protocols.oh.OhKey;
import io.github.vpsdk.vp.protocols.oh.OhReply;
import io.github.vpsdk.vp.protocols.transmitter.OsborneHoffmanTransmitter;
import io.github.vpsdk.vp.protocols.transmitter.OsborneHoffmanTransmitter.Answer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Panel client against OH receiver over real loopback sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OsborneHoffmanReceiverTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final AccountId PANEL = AccountId.of("6666", "1234", "001234");

  /** Records events; can fail the next deliveries, or hold them until released. */
  static final class Sink implements EventSink {
    final List<AlarmEvent> events = new CopyOnWriteArrayList<>();
    final BlockingQueue<AlarmEvent> arrivals = new LinkedBlockingQueue<>();
    final AtomicInteger failNext = new AtomicInteger();
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    @Override
    public CompletableFuture<Void> deliver(AlarmEvent event) {
      arrivals.add(event);
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("disk full (test)"));
      }
      return gate.thenRun(() -> events.add(event));
    }

    AlarmEvent next() throws InterruptedException {
      AlarmEvent e = arrivals.poll(5, TimeUnit.SECONDS);
      assertThat(e).as("an event reached the sink").isNotNull();
      return e;
    }
  }

  private static OsborneHoffmanReceiver start(Sink sink, Consumer<ReceiverConfig.Builder> more, OhReceiverOptions options) {
    return OsborneHoffmanReceiver.start(ReceiverConfig.create(c -> {
      c.sink(sink).sinkTimeout(Duration.ofSeconds(5));
      more.accept(c);
    }), options);
  }

  private static OhEvent burglary(int seq, long panelId) {
    return OhEvent.sia(seq, 0x6666, 0x1234, "005412", "Nri04/BA105", "Hall det.").withTrailer(panelId, "001234", null);
  }

  @Test
  void handshakeThenEventAcknowledgedOnlyOnceTheSinkHasIt() throws Exception {
    Sink sink = new Sink();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    sink.gate = gate;
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, OhReceiverOptions.defaults());
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> panel.send(burglary(1, 0)));
      PanelEvent e = (PanelEvent) sink.next();
      assertThat(e.code().text()).isEqualTo("BA");
      assertThat(e.account()).isEqualTo(AccountId.of("6666", "1234", "005412"));
      assertThat(e.partition()).isEqualTo(4);
      assertThat(e.zone()).isEqualTo(105);
      assertThat(e.text()).isEqualTo("Hall det.");
      assertThat(e.transport()).isEqualTo("OH/SIA-DCS");
      // the sink has not completed: no answer yet
      assertThat(answer).isNotDone();
      assertThat(receiver.metrics().acked()).isZero();
      gate.complete(null);
      Answer a = answer.get(5, TimeUnit.SECONDS);
      assertThat(a.reply()).isEqualTo(OhReply.ack(true));
      assertThat(a.assignedPanelId()).isNull();
      assertThat(sink.events).hasSize(1);
      assertThat(receiver.metrics().acked()).isEqualTo(1);
    }
  }

  @Test
  void sinkFailureIsNackedAndTheRetryIsDeliveredOnce() throws Exception {
    Sink sink = new Sink();
    sink.failNext.set(1);
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, OhReceiverOptions.defaults());
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      assertThat(panel.send(burglary(7, 0)).reply()).isEqualTo(OhReply.nack(true));
      assertThat(sink.events).isEmpty();
      assertThat(receiver.metrics().refused("SINK_FAILED")).isEqualTo(1);
      assertThat(panel.send(burglary(7, 0)).acknowledged()).isTrue();
      // the panel missed that ACK and sends again: acknowledged, not delivered twice
      assertThat(panel.send(burglary(7, 0)).acknowledged()).isTrue();
      assertThat(sink.events).hasSize(1);
      assertThat(receiver.metrics().duplicates()).isEqualTo(1);
    }
  }

  @Test
  void heartbeatGetsAnIdentifierAndKeepsThePanelSupervised() throws Exception {
    Sink sink = new Sink();
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    PanelIdStore store = PanelIdStore.inMemory();
    try (OsborneHoffmanReceiver receiver = start(sink, c -> c.clock(clock)
            .supervision(SupervisionPolicy.create(s -> s.interval(PANEL, Duration.ofMinutes(3)).grace(Duration.ofSeconds(30))))
            .supervisionCheckInterval(Duration.ofHours(1)),
        OhReceiverOptions.create(o -> o.panelIds(store)))) {
      receiver.supervisor().expect(PANEL);
      long id;
      try (OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
        Answer first = panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0L));
        assertThat(first.acknowledged()).isTrue();
        assertThat(first.assignedPanelId()).isNotNull().isNotZero();
        id = first.assignedPanelId();
        assertThat(store.get(PANEL)).contains(id);
        assertThat(receiver.supervisor().lastHeard(PANEL)).contains(clock.instant());
        // with its identifier: no new one, and events carry it encrypted
        Answer second = panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, id));
        assertThat(second.assignedPanelId()).isNull();
        assertThat(panel.send(burglary(2, id)).acknowledged()).isTrue();
        // a version-1 heartbeat (no identifier) is acknowledged too
        assertThat(panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, null)).acknowledged()).isTrue();
      }
      assertThat(sink.events).hasSize(1);
      sink.arrivals.clear();
      clock.advance(Duration.ofMinutes(4));
      receiver.checkSupervisionNow();
      assertThat(((SystemEvent) sink.next()).code()).isEqualTo(SystemEvent.SUPERVISION_LOST);
      try (OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
        assertThat(panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, id)).acknowledged()).isTrue();
      }
      assertThat(((SystemEvent) sink.next()).code()).isEqualTo(SystemEvent.SUPERVISION_RESTORED);
    }
  }

  @Test
  void aSubstitutedPanelRaisesAnAaAlarmOnce() throws Exception {
    Sink sink = new Sink();
    PanelIdStore store = PanelIdStore.inMemory();
    store.put(PANEL, 0x1111L);
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, OhReceiverOptions.create(o -> o.panelIds(store)));
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      Answer a = panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0x2222L));
      assertThat(a.acknowledged()).isTrue();
      assertThat(a.assignedPanelId()).isNull();
      PanelEvent aa = (PanelEvent) sink.next();
      assertThat(aa.code().text()).isEqualTo("AA");
      assertThat(aa.account()).isEqualTo(PANEL);
      assertThat(aa.text()).contains("00001111").contains("00002222");
      // once per panel and window, and the panel's events still go through
      assertThat(panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0x2222L)).acknowledged()).isTrue();
      assertThat(panel.send(burglary(3, 0x2222L)).acknowledged()).isTrue();
      assertThat(sink.events).extracting(e -> e.code().text()).containsExactly("AA", "BA");
      assertThat(store.get(PANEL)).contains(0x1111L);
    }
  }

  @Test
  void refuseModeNacksAndClosesAfterTheAlarm() throws Exception {
    Sink sink = new Sink();
    PanelIdStore store = PanelIdStore.inMemory();
    store.put(PANEL, 0x1111L);
    OhReceiverOptions options = OhReceiverOptions.create(o -> o.panelIds(store).substitution(OhReceiverOptions.Substitution.REFUSE));
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, options);
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      assertThat(panel.send(burglary(4, 0x3333L)).reply()).isEqualTo(OhReply.nack(true));
      assertThat(((PanelEvent) sink.next()).code().text()).isEqualTo("AA");
      assertThat(sink.events).extracting(e -> e.code().text()).containsExactly("AA");
      assertThatThrownBy(() -> panel.send(burglary(5, 0x3333L))).isInstanceOf(VpException.class);
      assertThat(receiver.metrics().refused("PANEL_SUBSTITUTION")).isEqualTo(1);
    }
  }

  @Test
  void reassignModeGivesTheStoredIdentifierBack() {
    Sink sink = new Sink();
    PanelIdStore store = PanelIdStore.inMemory();
    store.put(PANEL, 0x1111L);
    OhReceiverOptions options = OhReceiverOptions.create(o -> o.panelIds(store).substitution(OhReceiverOptions.Substitution.REASSIGN));
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, options);
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      Answer a = panel.send(OhHeartbeat.of(0x6666, 0x1234, 0x1234, 0L));
      assertThat(a.assignedPanelId()).isEqualTo(0x1111L);
      assertThat(a.acknowledged()).isTrue();
      assertThat(sink.events).isEmpty();
    }
  }

  @Test
  void malformedPacketsAreNackedAndVersionFourEndsTheSession() throws Exception {
    Sink sink = new Sink();
    OhReceiverOptions options = OhReceiverOptions.create(o -> o.packetTimeout(Duration.ofMillis(200)));
    try (OsborneHoffmanReceiver receiver = start(sink, c -> c.idleTimeout(Duration.ofSeconds(30)), options)) {
      try (Socket s = new Socket()) {
        s.connect(receiver.localAddress(), 5000);
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        OhKey key = OhKey.fromHandshake(in.readNBytes(24));
        io.github.vpsdk.vp.protocols.internal.oh.OhCipher cipher = new io.github.vpsdk.vp.protocols.internal.oh.OhCipher(key.bytes());
        io.github.vpsdk.vp.protocols.oh.OhCodec codec = io.github.vpsdk.vp.protocols.oh.OhCodec.of(key);
        // neither a frame nor a heartbeat: NACK, and the session goes on
        s.getOutputStream().write(cipher.encryptPadded("hello world\0".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((io.github.vpsdk.vp.protocols.oh.OhDecodeResult.Decoded) codec.decodeReply(java.nio.ByteBuffer.wrap(in.readNBytes(8)))).message())
            .isEqualTo(OhReply.nack(true));
        // a block that never ends a packet (damage, another key): NACK after the packet timeout
        s.getOutputStream().write(cipher.encryptPadded("abcdefgh".getBytes(StandardCharsets.US_ASCII)));
        assertThat(((io.github.vpsdk.vp.protocols.oh.OhDecodeResult.Decoded) codec.decodeReply(java.nio.ByteBuffer.wrap(in.readNBytes(8)))).message())
            .isEqualTo(OhReply.nack(true));
        // a valid heartbeat afterwards is acknowledged
        s.getOutputStream().write(codec.encode(OhHeartbeat.of(1, 1, 1, null)));
        assertThat(((io.github.vpsdk.vp.protocols.oh.OhDecodeResult.Decoded) codec.decodeReply(java.nio.ByteBuffer.wrap(in.readNBytes(8)))).message())
            .isEqualTo(OhReply.ack(true));
        // version 4 in clear: NACK, then the receiver closes
        s.getOutputStream().write("#40RDEADL1234AF0000DS0040".getBytes(StandardCharsets.US_ASCII));
        assertThat(in.readNBytes(8)).hasSize(8);
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(receiver.metrics().refused("UNSUPPORTED_VERSION")).isEqualTo(1);
      assertThat(receiver.metrics().refused("UNKNOWN_MESSAGE")).isEqualTo(1);
      assertThat(receiver.metrics().refused("INCOMPLETE_PACKET")).isEqualTo(1);
      assertThat(sink.events).isEmpty();
    }
  }

  @Test
  void anIdleConnectionIsClosed() throws Exception {
    Sink sink = new Sink();
    try (OsborneHoffmanReceiver receiver = start(sink, c -> c.idleTimeout(Duration.ofMillis(300)), OhReceiverOptions.defaults());
        Socket s = new Socket()) {
      s.connect(receiver.localAddress(), 5000);
      s.setSoTimeout(5000);
      InputStream in = s.getInputStream();
      assertThat(in.readNBytes(24)).hasSize(24);
      assertThat(in.read()).isEqualTo(-1); // closed by the receiver, well before the 5 s read timeout
    }
  }

  @Test
  void connectionsOverTheLimitAreRefused() throws Exception {
    Sink sink = new Sink();
    try (OsborneHoffmanReceiver receiver = start(sink, c -> c.maxConnections(1, 1), OhReceiverOptions.defaults());
        OsborneHoffmanTransmitter first = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      assertThatThrownBy(() -> OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT))
          .isInstanceOf(VpException.class);
      assertThat(first.send(OhHeartbeat.of(1, 1, 1, null)).acknowledged()).isTrue();
      assertThat(receiver.metrics().refused("CONNECTION_LIMIT")).isEqualTo(1);
      assertThat(new InetSocketAddress("127.0.0.1", receiver.localAddress().getPort())).isNotNull();
    }
  }

  @Test
  void manySequentialEventsOnOneSessionAreAllDeliveredOnce() {
    Sink sink = new Sink();
    int n = 500;
    try (OsborneHoffmanReceiver receiver = start(sink, c -> {}, OhReceiverOptions.defaults());
        OsborneHoffmanTransmitter panel = OsborneHoffmanTransmitter.connect(receiver.localAddress(), TIMEOUT)) {
      long started = System.nanoTime();
      for (int i = 1; i <= n; i++) {
        assertThat(panel.send(burglary(i, 0)).acknowledged()).isTrue();
      }
      long micros = (System.nanoTime() - started) / 1000;
      ReceiverMetrics m = receiver.metrics();
      System.out.printf("OH loopback: %d events in %d ms (%d us each, stop-and-wait); ack latency p50 %d us, p99 %d us%n",
          n, micros / 1000, micros / n, m.ackLatencyP50Micros(), m.ackLatencyP99Micros());
      assertThat(sink.events).hasSize(n);
      assertThat(m.acked()).isEqualTo(n);
      assertThat(m.eventsDelivered()).isEqualTo(n);
    }
  }
}
