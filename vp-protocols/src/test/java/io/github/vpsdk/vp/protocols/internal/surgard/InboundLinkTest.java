package io.github.vpsdk.vp.protocols.internal.surgard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import io.github.vpsdk.vp.protocols.surgard.SurGardEndpoint;
import io.github.vpsdk.vp.protocols.surgard.SurGardReceiverConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The automation side's state machine, driven by hand: no network, no sleeps. */
class InboundLinkTest {
  private static final String HEARTBEAT = "1011           @    ~";
  private static final String ALARM = "5011 181234E13001004~";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<AlarmEvent> delivered = new ArrayList<>();
  private final List<CompletableFuture<Void>> held = new ArrayList<>();
  private boolean hold;
  private int failNext;
  private InboundLink link;
  private RecordingWire wire;
  private InboundLink.Session session;

  private CompletionStage<Void> sink(AlarmEvent e) {
    synchronized (delivered) {
      if (failNext > 0) {
        failNext--;
        return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
      }
      delivered.add(e);
      if (hold) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        held.add(f);
        return f;
      }
      return CompletableFuture.completedFuture(null);
    }
  }

  @BeforeEach
  void open() {
    link = link(c -> {});
    wire = new RecordingWire("10.0.0.20");
    session = link.open(wire);
  }

  private InboundLink link(java.util.function.Consumer<SurGardReceiverConfig.Builder> more) {
    InboundLink l = new InboundLink(SurGardReceiverConfig.create(c -> {
      c.endpoint(SurGardEndpoint.connect("127.0.0.1", 1025)).sink(this::sink).clock(clock).scheduler(scheduler).name("rx1");
      more.accept(c);
    }), scheduler, Runnable::run);
    l.start();
    return l;
  }

  private void receive(String text) {
    session.received(text.replace('~', '\u0014').getBytes(StandardCharsets.ISO_8859_1));
  }

  private List<PanelEvent> panelEvents() {
    return delivered.stream().filter(e -> e instanceof PanelEvent).map(e -> (PanelEvent) e).toList();
  }

  private List<String> systemCodes() {
    return delivered.stream().filter(e -> e instanceof SystemEvent).map(e -> e.code().text()).toList();
  }

  @Test
  void heartbeatIsAcknowledgedAtOnce() {
    receive(HEARTBEAT);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(delivered).isEmpty();
    assertThat(link.metrics().heartbeats()).isEqualTo(1);
  }

  @Test
  void anEventIsAcknowledgedOnlyOnceTheSinkHasIt() {
    hold = true;
    receive(ALARM);
    assertThat(panelEvents()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(new EventCode.ContactId(1, 130));
      assertThat(e.account().account()).isEqualTo("1234");
      assertThat(e.zone()).isEqualTo(4);
      assertThat(e.transport()).isEqualTo("surgard");
    });
    assertThat(wire.takeText()).as("no answer before the sink completes").isEmpty();
    held.get(0).complete(null);
    assertThat(wire.takeText()).isEqualTo("A");
  }

  @Test
  void packetsAreAnsweredInOrderOneAtATime() {
    hold = true;
    receive("5011 181234E13001001~" + HEARTBEAT + "5011 181234E13001002~");
    assertThat(panelEvents()).hasSize(1);
    assertThat(wire.takeText()).isEmpty();
    held.get(0).complete(null);
    assertThat(wire.takeText()).isEqualTo("AA"); // the event, then the heartbeat behind it
    assertThat(panelEvents()).extracting(PanelEvent::zone).containsExactly(1, 2);
    held.get(1).complete(null);
    assertThat(wire.takeText()).isEqualTo("A");
  }

  @Test
  void aRetransmissionAfterTheAckIsAcknowledgedButNotDeliveredAgain() {
    receive(ALARM);
    assertThat(wire.takeText()).isEqualTo("A");
    clock.advance(Duration.ofSeconds(4)); // the receiver did not get the ACK and sends again
    receive(ALARM);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(panelEvents()).hasSize(1);
    assertThat(link.metrics().duplicates()).isEqualTo(1);
  }

  @Test
  void copiesReadWhileTheFirstIsStoredGetOneAnswer() {
    hold = true;
    receive(ALARM + ALARM + ALARM);
    held.get(0).complete(null);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(panelEvents()).hasSize(1);
    assertThat(link.metrics().duplicates()).isEqualTo(2);
  }

  @Test
  void theSameEventAfterAnotherOneIsANewEvent() {
    receive(ALARM + "5011 181234R13001004~" + ALARM);
    assertThat(wire.takeText()).isEqualTo("AAA");
    assertThat(panelEvents()).hasSize(3);
  }

  @Test
  void theSameEventAfterTheWindowIsANewEvent() {
    receive(ALARM);
    clock.advance(Duration.ofMinutes(3));
    receive(ALARM);
    assertThat(panelEvents()).hasSize(2);
  }

  @Test
  void aSinkFailureIsRefusedAndTheRetransmissionDelivered() {
    failNext = 1;
    receive(ALARM);
    assertThat(wire.takeText()).isEqualTo("N");
    assertThat(panelEvents()).isEmpty();
    receive(ALARM);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(panelEvents()).hasSize(1);
    assertThat(link.metrics().refused("SINK_FAILED")).isEqualTo(1);
  }

  @Test
  void aSinkThatNeverAnswersTimesOut() {
    hold = true;
    link = link(c -> c.sinkTimeout(Duration.ofMillis(50)));
    session = link.open(wire);
    receive(ALARM);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> wire.takeText().equals("N"));
  }

  @Test
  void anUndecodablePacketIsRefusedThenAcceptedRawAfterMaxNaks() {
    String bad = "5011 181234X13001004~";
    for (int i = 0; i < 3; i++) {
      receive(bad);
      assertThat(wire.takeText()).isEqualTo("N");
    }
    receive(bad);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(systemCodes()).containsExactly("SURGARD_UNDECODED");
    assertThat(delivered.get(0).text()).contains("5011 181234X13001004");
    assertThat(link.metrics().naks()).isEqualTo(3);
  }

  @Test
  void anUnsupportedProtocolIsAcknowledgedAndReported() {
    receive("T01001 anything~");
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(systemCodes()).containsExactly("SURGARD_UNDECODED");
  }

  @Test
  void noiseIsCountedAndThePacketBehindItAnswered() {
    receive("\u00ff\u00fe" + ALARM);
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(link.metrics().refused("GARBAGE")).isEqualTo(1);
  }

  @Test
  void siaPacketsAreDelivered() {
    receive("S011[#1234|Nri2/BA07]~");
    assertThat(wire.takeText()).isEqualTo("A");
    assertThat(panelEvents()).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(new EventCode.Sia("BA"));
      assertThat(e.partition()).isEqualTo(2);
      assertThat(e.zone()).isEqualTo(7);
    });
  }

  @Test
  void silenceRaisesSupervisionLossOnceAndTrafficRestoresIt() {
    receive(HEARTBEAT);
    scheduler.advance(Duration.ofSeconds(89));
    assertThat(systemCodes()).isEmpty();
    scheduler.advance(Duration.ofSeconds(2));
    assertThat(systemCodes()).containsExactly("SUPERVISION_LOST");
    assertThat(link.metrics().linkLost()).isTrue();
    SystemEvent lost = (SystemEvent) delivered.get(0);
    assertThat(lost.account()).isNull();
    assertThat(lost.source()).isEqualTo("surgard:rx1");
    assertThat(lost.extended("last-heard")).contains("2026-03-01T10:00:00Z");
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(systemCodes()).as("one loss per silence").containsExactly("SUPERVISION_LOST");
    receive(HEARTBEAT);
    assertThat(systemCodes()).containsExactly("SUPERVISION_LOST", "SUPERVISION_RESTORED");
    assertThat(link.metrics().linkLost()).isFalse();
    scheduler.advance(Duration.ofSeconds(91));
    assertThat(systemCodes()).containsExactly("SUPERVISION_LOST", "SUPERVISION_RESTORED", "SUPERVISION_LOST");
  }

  @Test
  void heartbeatsEveryThirtySecondsKeepTheLinkSupervised() {
    for (int i = 0; i < 20; i++) {
      scheduler.advance(Duration.ofSeconds(30));
      receive(HEARTBEAT);
    }
    assertThat(systemCodes()).isEmpty();
  }

  @Test
  void aLinkNeverHeardIsLostAfterTheTimeout() {
    scheduler.advance(Duration.ofSeconds(91));
    assertThat(systemCodes()).containsExactly("SUPERVISION_LOST");
    assertThat(delivered.get(0).extended()).isEmpty();
  }

  @Test
  void aFloodOfQueuedPacketsPausesReading() {
    hold = true;
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      many.append(String.format("5011 181234E130010%02d~", i));
    }
    receive(many.toString());
    assertThat(wire.reading).isFalse();
    while (!held.isEmpty()) {
      held.remove(0).complete(null);
    }
    assertThat(wire.reading).isTrue();
    assertThat(wire.takeText()).isEqualTo("A".repeat(100));
    assertThat(panelEvents()).extracting(PanelEvent::zone).startsWith(0, 1, 2).hasSize(100);
  }
}
