package io.github.vpsdk.vp.protocols.transmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.protocols.receiver.SupervisionPolicy;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transmitter against receiver over real loopback sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReceiverTransmitterTest {
  private static final Dc09Key KEY = Dc09Key.fromHex("00112233445566778899AABBCCDDEEFF");

  /** A sink that records events and can be made to fail. */
  static final class RecordingSink implements EventSink {
    final List<AlarmEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger failNext = new AtomicInteger();

    @Override
    public CompletableFuture<Void> deliver(AlarmEvent event) {
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("disk full (test)"));
      }
      events.add(event);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static TransmitterConfig.Builder panel(InetSocketAddress to, boolean udp, boolean encrypted) {
    return TransmitterConfig.builder(to, udp).account("1234", "1", "2").key(encrypted ? KEY : null)
        .ackTimeout(Duration.ofSeconds(2)).retries(3, Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "udp={0} encrypted={1}")
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  void eventsAreDeliveredOnceAndAcknowledged(boolean udp, boolean encrypted) throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink).keys(Dc09Keys.of(Map.of("1234", KEY), null))));
        Dc09Transmitter panel = Dc09Transmitter.start(panel(receiver.localAddress(), udp, encrypted).build())) {
      List<CompletableFuture<Dc09Message>> acks = List.of(
          panel.send(Dc09Message.ADM_CID, "#1234|1130 01 003"),
          panel.send(Dc09Message.SIA_DCS, "#1234|Nri1/BA04/BA05"),
          panel.send(Dc09Message.ADM_CID, "#1234|3130 01 003"));
      for (CompletableFuture<Dc09Message> ack : acks) {
        assertThat(ack.get(10, TimeUnit.SECONDS).token()).isEqualTo(Dc09Message.ACK);
        assertThat(ack.get().encrypted()).isEqualTo(encrypted);
      }
      assertThat(sink.events).hasSize(4);
      PanelEvent first = (PanelEvent) sink.events.get(0);
      assertThat(first.account()).isEqualTo(AccountId.of("1", "2", "1234"));
      assertThat(first.category()).isEqualTo(EventCategory.INTRUSION);
      assertThat(first.zone()).isEqualTo(3);
      assertThat(((PanelEvent) sink.events.get(3)).restore()).isTrue();
      assertThat(receiver.metrics().acked()).isEqualTo(3);
      assertThat(receiver.metrics().ackLatencyCount()).isEqualTo(3);
    }
  }

  @Test
  void aRetryWhoseAckWasLostIsAcknowledgedButDeliveredOnce() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink).keys(Dc09Keys.of(Map.of(), KEY)).udp(false)))) {
      Dc09Codec panelCodec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), KEY))));
      Dc09Message m = Dc09Message.event(Dc09Message.ADM_CID, 77, null, "0", "4321", "#4321|1110 00 007", Instant.now()).withEncrypted(true);
      try (Socket s = new Socket(receiver.localAddress().getAddress(), receiver.localAddress().getPort())) {
        s.setSoTimeout(5000);
        for (int i = 0; i < 3; i++) {
          // each retry is encrypted anew, with a new pad: different bytes, same message
          s.getOutputStream().write(panelCodec.encode(m));
          assertThat(readAnswer(s.getInputStream(), panelCodec).token()).isEqualTo(Dc09Message.ACK);
        }
      }
      assertThat(sink.events).hasSize(1);
      assertThat(receiver.metrics().duplicates()).isEqualTo(2);
    }
  }

  @Test
  void aPanelClockOffTheWindowIsNackedThenCorrected() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink).keys(Dc09Keys.of(Map.of(), KEY))));
        Dc09Transmitter panel = Dc09Transmitter.start(panel(receiver.localAddress(), false, true)
            .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-7))).build())) {
      Dc09Message ack = panel.send(Dc09Message.ADM_CID, "#1234|1602 00 000").get(10, TimeUnit.SECONDS);
      assertThat(ack.token()).isEqualTo(Dc09Message.ACK);
      assertThat(panel.stats().naks()).isEqualTo(1);
      assertThat(panel.clockCorrection()).isBetween(Duration.ofMinutes(6), Duration.ofMinutes(8));
      assertThat(receiver.metrics().refused("TIMESTAMP_WINDOW")).isEqualTo(1);
      assertThat(sink.events).hasSize(1);
    }
  }

  @Test
  void whenTheSinkFailsNothingIsAcknowledgedAndTheRetryIsDelivered() throws Exception {
    RecordingSink sink = new RecordingSink();
    sink.failNext.set(2);
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink)));
        Dc09Transmitter panel = Dc09Transmitter.start(panel(receiver.localAddress(), false, false).build())) {
      Dc09Message ack = panel.send(Dc09Message.SIA_DCS, "#1234|Nri1/FA12").get(20, TimeUnit.SECONDS);
      assertThat(ack.token()).isEqualTo(Dc09Message.ACK);
      assertThat(receiver.metrics().refused("SINK_FAILED")).isEqualTo(2);
      assertThat(panel.stats().failures()).isEqualTo(2);
      assertThat(sink.events).hasSize(1);
    }
  }

  @Test
  void failsOverToTheBackupAndKeepsOrder() throws Exception {
    RecordingSink sink = new RecordingSink();
    InetSocketAddress dead;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = new InetSocketAddress(s.getInetAddress(), s.getLocalPort()); // closed right after: refuses connections
    }
    try (Dc09Receiver backup = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink)));
        Dc09Transmitter panel = Dc09Transmitter.start(TransmitterConfig.builder(dead, false).path(backup.localAddress(), Duration.ZERO)
            .account("1234", null, "0").ackTimeout(Duration.ofSeconds(2))
            .retries(2, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(5)).build())) {
      List<CompletableFuture<Dc09Message>> acks = new java.util.ArrayList<>();
      for (int zone = 1; zone <= 5; zone++) {
        acks.add(panel.send(Dc09Message.ADM_CID, String.format("#1234|1130 01 %03d", zone)));
      }
      CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(20, TimeUnit.SECONDS);
      assertThat(panel.stats().currentPath()).isEqualTo(1);
      assertThat(sink.events).extracting(e -> ((PanelEvent) e).zone()).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @Test
  void supervisionLossAndRestoreWithAnInjectedClock() throws Exception {
    RecordingSink sink = new RecordingSink();
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T03:00:00Z"));
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink).clock(clock).udp(false)
        .supervisionCheckInterval(Duration.ofHours(1))
        .supervision(SupervisionPolicy.create(p -> p.interval(AccountId.of("1234"), Duration.ofMinutes(3)).grace(Duration.ofSeconds(30))))))) {
      Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.defaults());
      try (Socket s = new Socket(receiver.localAddress().getAddress(), receiver.localAddress().getPort())) {
        s.setSoTimeout(5000);
        s.getOutputStream().write(codec.encode(Dc09Message.nullPoll(0, null, "0", "1234", null)));
        assertThat(readAnswer(s.getInputStream(), codec).token()).isEqualTo(Dc09Message.ACK);
        clock.advance(Duration.ofMinutes(3));
        receiver.checkSupervisionNow();
        assertThat(sink.events).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        receiver.checkSupervisionNow();
        awaitSize(sink.events, 1);
        assertThat(sink.events.get(0).code()).isEqualTo(SystemEvent.SUPERVISION_LOST);
        s.getOutputStream().write(codec.encode(Dc09Message.nullPoll(0, null, "0", "1234", null)));
        assertThat(readAnswer(s.getInputStream(), codec).token()).isEqualTo(Dc09Message.ACK);
        awaitSize(sink.events, 2);
        assertThat(sink.events.get(1).code()).isEqualTo(SystemEvent.SUPERVISION_RESTORED);
        assertThat(sink.events.get(1).restore()).isTrue();
      }
    }
  }

  @Test
  void withTheJournalAsSinkEveryAckedEventIsDurable(@TempDir Path dir) throws Exception {
    try (Journal journal = Journal.open(dir);
        Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(EventSink.journal(journal))));
        Dc09Transmitter panel = Dc09Transmitter.start(panel(receiver.localAddress(), false, false).build())) {
      for (int i = 1; i <= 20; i++) {
        panel.send(Dc09Message.ADM_CID, String.format("#1234|1130 01 %03d", i)).get(10, TimeUnit.SECONDS);
      }
      try (Stream<JournalEntry> entries = journal.read(1)) {
        assertThat(entries.map(e -> ((PanelEvent) e.record().event()).zone()).collect(Collectors.toList()))
            .hasSize(20).startsWith(1, 2, 3).endsWith(20);
      }
    }
  }

  @Test
  void garbageAndBadCrcGetNakAndTheConnectionKeepsWorking() throws Exception {
    RecordingSink sink = new RecordingSink();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c.sink(sink)))) {
      Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.defaults());
      try (Socket s = new Socket(receiver.localAddress().getAddress(), receiver.localAddress().getPort())) {
        s.setSoTimeout(5000);
        OutputStream out = s.getOutputStream();
        out.write("\n00000013\"NULL\"0000L0#1234[]\r".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Dc09Message nak = readAnswer(s.getInputStream(), codec);
        assertThat(nak.token()).isEqualTo(Dc09Message.NAK);
        assertThat(nak.timestamp()).isNotNull();
        out.write(codec.encode(Dc09Message.event("ACR-SF", 3, null, "0", "1234", "x", null)));
        assertThat(readAnswer(s.getInputStream(), codec).token()).isEqualTo(Dc09Message.DUH);
        out.write(codec.encode(Dc09Message.event(Dc09Message.ADM_CID, 4, null, "0", "1234", "#1234|1130 01 001", null)));
        assertThat(readAnswer(s.getInputStream(), codec).token()).isEqualTo(Dc09Message.ACK);
      }
      assertThat(receiver.metrics().refused("BAD_CRC")).isEqualTo(1);
      assertThat(receiver.metrics().refused("UNSUPPORTED")).isEqualTo(1);
      assertThat(sink.events).hasSize(1);
    }
    assertThatThrownBy(() -> ReceiverConfig.create(c -> {})).isInstanceOf(NullPointerException.class);
  }

  private static Dc09Message readAnswer(InputStream in, Dc09Codec codec) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("connection closed");
      }
      buffer.put((byte) b);
      if (b == '\r') {
        buffer.flip();
        Dc09DecodeResult r = codec.decode(buffer);
        if (r instanceof Dc09DecodeResult.Decoded) {
          return ((Dc09DecodeResult.Decoded) r).message();
        }
        buffer.compact();
      }
    }
  }

  private static void awaitSize(List<?> list, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (list.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(list).hasSize(size);
  }
}
