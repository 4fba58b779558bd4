package io.github.vpsdk.vp.protocols.surgard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * vp's sender talking to vp's automation receiver over 127.0.0.1, both ways round, with real
 * timers shortened (ACK timeout 300 ms, heartbeat 100 ms) and Awaitility instead of sleeps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SurGardLinkLoopbackTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  /** A sink that records, and can fail or delay chosen deliveries. */
  static final class Sink implements EventSink {
    final List<AlarmEvent> events = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failNext = new AtomicInteger();
    volatile Duration delay = Duration.ZERO;

    @Override
    public CompletionStage<Void> deliver(AlarmEvent event) {
      if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return CompletableFuture.failedFuture(new IllegalStateException("journal unavailable"));
      }
      events.add(event);
      if (delay.isZero()) {
        return CompletableFuture.completedFuture(null);
      }
      return CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    List<PanelEvent> panel() {
      synchronized (events) {
        return events.stream().filter(e -> e instanceof PanelEvent).map(e -> (PanelEvent) e).toList();
      }
    }

    List<String> system() {
      synchronized (events) {
        return events.stream().filter(e -> e instanceof SystemEvent).map(e -> e.code().text()).toList();
      }
    }
  }

  private static PanelEvent event(int zone) {
    return PanelEvent.builder().id("e" + zone).account(AccountId.of("1234"))
        .code(new EventCode.ContactId(1, 130)).category(EventCategory.INTRUSION)
        .partition(1).zone(zone).receivedAt(Instant.now()).transport("SIA-DCS").build();
  }

  private static SurGardSenderConfig.Builder fast(SurGardSenderConfig.Builder c) {
    return c.ackTimeout(Duration.ofMillis(300)).heartbeatInterval(Duration.ofMillis(100))
        .reconnect(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  @Test
  void eventsAreDeliveredOnceAndInOrder() throws Exception {
    Sink sink = new Sink();
    try (SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)));
        SurGardAutomationReceiver receiver = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c
            .endpoint(SurGardEndpoint.connect("127.0.0.1", sender.localAddress().getPort()))
            .reconnect(Duration.ofMillis(20), Duration.ofMillis(200)).sink(sink)))) {
      sender.send(event(0)).toCompletableFuture().get(10, TimeUnit.SECONDS); // connected and warm
      sink.events.clear();
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 1; i <= 50; i++) {
        acks.add(sender.send(event(i)).toCompletableFuture());
      }
      CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(20, TimeUnit.SECONDS);
      System.out.printf("SG loopback: 50 events, one at a time with ACK, in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      assertThat(sink.panel()).extracting(PanelEvent::zone).containsExactlyElementsOf(
          java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
      PanelEvent first = sink.panel().get(0);
      assertThat(first.code()).isEqualTo(new EventCode.ContactId(1, 130));
      assertThat(first.account()).isEqualTo(AccountId.of("01", "1", "1234"));
      assertThat(first.partition()).isEqualTo(1);
      SurGardReceiverMetrics rm = receiver.metrics();
      assertThat(rm.eventsDelivered()).isEqualTo(51);
      assertThat(rm.duplicates()).isZero();
      SurGardSenderMetrics sm = sender.metrics();
      assertThat(sm.acked()).isEqualTo(51);
      assertThat(sm.retransmissions()).isZero();
      // idle: heartbeats flow and are acknowledged
      long hb = rm.heartbeats();
      await().atMost(WAIT).until(() -> receiver.metrics().heartbeats() >= hb + 3);
      assertThat(sender.metrics().state()).isIn(SurGardSenderMetrics.State.IDLE, SurGardSenderMetrics.State.WAITING_ACK);
    }
  }

  @Test
  void aRefusedPacketIsSentAgainAndDeliveredOnce() throws Exception {
    Sink sink = new Sink();
    sink.failNext.set(2);
    try (SurGardAutomationReceiver receiver = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c.sink(sink)));
        SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
            .endpoint(SurGardEndpoint.connect("127.0.0.1", receiver.localAddress().getPort()))))) {
      sender.send(event(7)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(sink.panel()).extracting(PanelEvent::zone).containsExactly(7);
      assertThat(receiver.metrics().naks()).isEqualTo(2);
      assertThat(sender.metrics().naks()).isEqualTo(2);
      assertThat(sender.metrics().retransmissions()).isEqualTo(2);
    }
  }

  @Test
  void aSlowSinkMakesTheSenderRetransmitAndTheCopyIsNotDeliveredTwice() throws Exception {
    Sink sink = new Sink();
    sink.delay = Duration.ofMillis(700); // longer than the sender's 300 ms ACK timeout
    try (SurGardAutomationReceiver receiver = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c.sink(sink)));
        SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
            .endpoint(SurGardEndpoint.connect("127.0.0.1", receiver.localAddress().getPort()))))) {
      sender.send(event(1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      sink.delay = Duration.ZERO;
      sender.send(event(2)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(sink.panel()).extracting(PanelEvent::zone).containsExactly(1, 2);
      assertThat(sender.metrics().retransmissions()).isPositive();
      assertThat(receiver.metrics().duplicates()).isPositive();
    }
  }

  @Test
  void aLostAckMeansARetransmissionThatIsAcknowledgedButNotDeliveredAgain() throws Exception {
    // a hand-made hardware receiver: it sends a packet, "loses" the ACK, and sends the same packet again
    Sink sink = new Sink();
    try (SurGardAutomationReceiver receiver = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c.sink(sink)));
        Socket hw = new Socket()) {
      hw.connect(receiver.localAddress(), 5000);
      hw.setSoTimeout(5000);
      OutputStream out = hw.getOutputStream();
      InputStream in = hw.getInputStream();
      byte[] alarm = "5011 181234E13001004\u0014".getBytes(StandardCharsets.ISO_8859_1);
      out.write(alarm);
      assertThat(in.read()).isEqualTo(0x06);
      out.write(alarm);
      assertThat(in.read()).isEqualTo(0x06);
      out.write("1011           @    \u0014".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(in.read()).isEqualTo(0x06);
      out.write("5011 18123\u0014".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(in.read()).isEqualTo(0x15);
      assertThat(sink.panel()).hasSize(1);
      assertThat(receiver.metrics().duplicates()).isEqualTo(1);
    }
  }

  @Test
  void theSenderRetransmitsToAnAutomationThatMissedAPacket() throws Exception {
    // a hand-made automation package: ignores the first transmission, acknowledges the second
    try (ServerSocket automation = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
            .heartbeatInterval(Duration.ofSeconds(30))
            .endpoint(SurGardEndpoint.connect("127.0.0.1", automation.getLocalPort()))))) {
      CompletableFuture<Void> ack = sender.send(event(4)).toCompletableFuture();
      try (Socket s = automation.accept()) {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        String first = readPacket(in);
        assertThat(first).isEqualTo("5011 181234E13001004");
        assertThat(ack).isNotDone();
        String second = readPacket(in);
        assertThat(second).isEqualTo(first);
        s.getOutputStream().write(0x06);
        ack.get(5, TimeUnit.SECONDS);
        assertThat(sender.metrics().timeouts()).isEqualTo(1);
      }
    }
  }

  private static String readPacket(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int b = in.read(); b != 0x14; b = in.read()) {
      if (b < 0) {
        throw new AssertionError("closed");
      }
      sb.append((char) b);
    }
    return sb.toString();
  }

  @Test
  void linkLossRaisesSupervisionLossThenRestore() throws Exception {
    Sink sink = new Sink();
    SurGardAutomationSender first = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)));
    int port = first.localAddress().getPort();
    try (SurGardAutomationReceiver receiver = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c
        .endpoint(SurGardEndpoint.connect("127.0.0.1", port)).reconnect(Duration.ofMillis(20), Duration.ofMillis(100))
        .supervisionTimeout(Duration.ofMillis(600)).sink(sink)))) {
      await().atMost(WAIT).until(() -> receiver.metrics().heartbeats() >= 2);
      assertThat(sink.system()).isEmpty();
      first.close(); // the receiver goes away
      await().atMost(WAIT).until(() -> sink.system().contains("SUPERVISION_LOST"));
      assertThat(receiver.metrics().linkLost()).isTrue();
      try (SurGardAutomationSender second = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
          .endpoint(SurGardEndpoint.listen("127.0.0.1", port))))) {
        await().atMost(WAIT).until(() -> sink.system().contains("SUPERVISION_RESTORED"));
        assertThat(sink.system()).containsExactly("SUPERVISION_LOST", "SUPERVISION_RESTORED");
        assertThat(receiver.metrics().connects()).isGreaterThanOrEqualTo(2);
      }
    } finally {
      first.close();
    }
  }

  @Test
  void theQueueSurvivesAnAutomationRestart() throws Exception {
    Sink sink = new Sink();
    SurGardAutomationReceiver automation = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c.sink(sink)));
    int port = automation.localAddress().getPort();
    try (SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
        .endpoint(SurGardEndpoint.connect("127.0.0.1", port))))) {
      sender.send(event(1)).toCompletableFuture().get(10, TimeUnit.SECONDS);
      automation.close();
      await().atMost(WAIT).until(() -> sender.metrics().state() == SurGardSenderMetrics.State.DISCONNECTED);
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 2; i <= 6; i++) {
        acks.add(sender.send(event(i)).toCompletableFuture());
      }
      assertThat(sender.metrics().queued()).isEqualTo(5);
      automation = SurGardAutomationReceiver.start(SurGardReceiverConfig.create(c -> c
          .endpoint(new SurGardEndpoint.Listen(new InetSocketAddress("127.0.0.1", port))).sink(sink)));
      CompletableFuture.allOf(acks.toArray(new CompletableFuture[0])).get(20, TimeUnit.SECONDS);
      assertThat(sink.panel()).extracting(PanelEvent::zone).containsExactly(1, 2, 3, 4, 5, 6);
    } finally {
      automation.close();
    }
  }

  @Test
  void queuedCompletionAndAFullQueue() throws Exception {
    try (SurGardAutomationSender sender = SurGardAutomationSender.start(SurGardSenderConfig.create(c -> fast(c)
        .completion(SurGardSenderConfig.Completion.QUEUED).queueCapacity(2)))) {
      assertThat(sender.send(event(1)).toCompletableFuture()).isCompleted();
      assertThat(sender.send(event(2)).toCompletableFuture()).isCompleted();
      assertThat(sender.send(event(3)).toCompletableFuture()).isCompletedExceptionally();
      assertThat(sender.metrics().rejected()).isEqualTo(1);
      assertThat(sender.metrics().state()).isEqualTo(SurGardSenderMetrics.State.DISCONNECTED);
    }
  }
}
