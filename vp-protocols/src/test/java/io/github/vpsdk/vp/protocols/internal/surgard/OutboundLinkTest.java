package io.github.vpsdk.vp.protocols.internal.surgard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import io.github.vpsdk.vp.protocols.surgard.SurGardEndpoint;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderConfig;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver side's state machine (what vp does towards an automation package), driven by hand. */
class OutboundLinkTest {
  private static final String HB = "1011           @    |";
  private static final byte[] ACK = {0x06};
  private static final byte[] NAK = {0x15};

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private OutboundLink link;
  private RecordingWire wire;

  @BeforeEach
  void connect() {
    link = new OutboundLink(SurGardSenderConfig.create(c -> c.endpoint(SurGardEndpoint.listen(0)).clock(clock)
        .scheduler(scheduler).queueCapacity(3)), scheduler);
    wire = new RecordingWire("10.0.0.30");
    link.connected(wire);
  }

  private static byte[] packet(String text) {
    return (text + "\u0014").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String p(int zone) {
    return String.format("5011 181234E130010%02d", zone);
  }

  @Test
  void onePacketAtATimeEachWaitingForItsAck() {
    OutboundLink.Item first = link.offer(packet(p(1)));
    OutboundLink.Item second = link.offer(packet(p(2)));
    assertThat(wire.takeText()).isEqualTo(p(1) + "|");
    assertThat(link.metrics().state()).isEqualTo(SurGardSenderMetrics.State.WAITING_ACK);
    link.received(wire, ACK);
    assertThat(first.acknowledged()).isCompleted();
    assertThat(second.acknowledged()).isNotDone();
    assertThat(wire.takeText()).isEqualTo(p(2) + "|");
    link.received(wire, ACK);
    assertThat(second.acknowledged()).isCompleted();
    assertThat(link.metrics().state()).isEqualTo(SurGardSenderMetrics.State.IDLE);
    assertThat(link.metrics().acked()).isEqualTo(2);
  }

  @Test
  void heartbeatEveryThirtySecondsOnlyWhenIdle() {
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(wire.takeText()).isEmpty();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(wire.takeText()).isEqualTo(HB);
    link.received(wire, ACK);
    scheduler.advance(Duration.ofSeconds(20));
    link.offer(packet(p(1)));
    assertThat(wire.takeText()).isEqualTo(p(1) + "|");
    scheduler.advance(Duration.ofSeconds(2));
    link.received(wire, ACK);
    scheduler.advance(Duration.ofSeconds(29));
    assertThat(wire.takeText()).as("the idle time counts from the last exchange").isEmpty();
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(wire.takeText()).isEqualTo(HB);
    assertThat(link.metrics().heartbeats()).isEqualTo(2);
  }

  @Test
  void retransmitsThreeTimesThenHoldsUntilAHeartbeatIsAcknowledged() {
    OutboundLink.Item item = link.offer(packet(p(1)));
    link.offer(packet(p(2)));
    assertThat(wire.takeText()).isEqualTo(p(1) + "|");
    for (int i = 0; i < 3; i++) {
      scheduler.advance(Duration.ofSeconds(4));
      assertThat(wire.takeText()).as("retransmission %d", i + 1).isEqualTo(p(1) + "|");
    }
    scheduler.advance(Duration.ofSeconds(4));
    assertThat(wire.takeText()).as("held: nothing more").isEmpty();
    SurGardSenderMetrics m = link.metrics();
    assertThat(m.state()).isEqualTo(SurGardSenderMetrics.State.HOLDING);
    assertThat(m.timeouts()).isEqualTo(4);
    assertThat(m.retransmissions()).isEqualTo(3);
    assertThat(m.holds()).isEqualTo(1);
    // while holding, a new event does not break the hold
    link.offer(packet(p(3)));
    assertThat(wire.takeText()).isEmpty();
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(wire.takeText()).isEqualTo(HB);
    scheduler.advance(Duration.ofSeconds(4)); // heartbeat not acknowledged either
    scheduler.advance(Duration.ofSeconds(26));
    assertThat(wire.takeText()).isEmpty();
    scheduler.advance(Duration.ofSeconds(4));
    assertThat(wire.takeText()).isEqualTo(HB);
    link.received(wire, ACK);
    assertThat(wire.takeText()).as("resumes in order with the same packet").isEqualTo(p(1) + "|");
    link.received(wire, ACK);
    assertThat(item.acknowledged()).isCompleted();
    assertThat(wire.takeText()).isEqualTo(p(2) + "|");
    link.received(wire, ACK);
    assertThat(wire.takeText()).isEqualTo(p(3) + "|");
  }

  @Test
  void aNakIsAnsweredWithAnImmediateRetransmission() {
    OutboundLink.Item item = link.offer(packet(p(1)));
    wire.take();
    link.received(wire, NAK);
    assertThat(wire.takeText()).isEqualTo(p(1) + "|");
    link.received(wire, ACK);
    assertThat(item.acknowledged()).isCompleted();
    assertThat(link.metrics().naks()).isEqualTo(1);
    assertThat(link.metrics().retransmissions()).isEqualTo(1);
  }

  @Test
  void aLateAckOfAnEarlierTransmissionIsTakenOnlyOnce() {
    OutboundLink.Item first = link.offer(packet(p(1)));
    OutboundLink.Item second = link.offer(packet(p(2)));
    link.received(wire, new byte[] {0x06, 0x06, 0x06});
    assertThat(first.acknowledged()).isCompleted();
    assertThat(second.acknowledged()).as("its ACK must come after it was sent").isNotDone();
  }

  @Test
  void otherBytesFromTheAutomationAreIgnored() {
    OutboundLink.Item item = link.offer(packet(p(1)));
    link.received(wire, "x\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(item.acknowledged()).isNotDone();
  }

  @Test
  void theQueueIsBoundedAndIdenticalPacketsJoin() {
    OutboundLink.Item a = link.offer(packet(p(1)));
    assertThat(link.offer(packet(p(1)))).isSameAs(a);
    link.offer(packet(p(2)));
    link.offer(packet(p(3)));
    assertThatThrownBy(() -> link.offer(packet(p(4)))).isInstanceOfSatisfying(VpException.class,
        e -> assertThat(e.reason()).isEqualTo(VpException.Reason.REFUSED));
    assertThat(link.metrics().rejected()).isEqualTo(1);
    assertThat(link.metrics().queued()).isEqualTo(3);
  }

  @Test
  void aLostConnectionKeepsTheQueueAndANewOneStartsWithItsHead() {
    OutboundLink.Item item = link.offer(packet(p(1)));
    link.offer(packet(p(2)));
    wire.take();
    link.disconnected(wire);
    assertThat(link.metrics().state()).isEqualTo(SurGardSenderMetrics.State.DISCONNECTED);
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(link.metrics().timeouts()).as("no timer runs without a connection").isZero();
    RecordingWire again = new RecordingWire("10.0.0.30");
    link.connected(again);
    assertThat(again.takeText()).isEqualTo(p(1) + "|");
    link.received(wire, ACK);
    assertThat(item.acknowledged()).as("bytes of the old connection count for nothing").isNotDone();
    link.received(again, ACK);
    assertThat(item.acknowledged()).isCompleted();
    assertThat(again.takeText()).isEqualTo(p(2) + "|");
  }

  @Test
  void aSecondConnectionReplacesTheFirst() {
    RecordingWire second = new RecordingWire("10.0.0.31");
    link.connected(second);
    assertThat(wire.closed).isTrue();
    link.offer(packet(p(1)));
    assertThat(second.takeText()).isEqualTo(p(1) + "|");
    assertThat(wire.takeText()).isEmpty();
  }

  @Test
  void closeFailsWhatIsQueued() {
    OutboundLink.Item item = link.offer(packet(p(1)));
    link.close();
    assertThat(item.acknowledged()).isCompletedExceptionally();
    assertThatThrownBy(() -> link.offer(packet(p(2)))).isInstanceOf(VpException.class);
    assertThat(link.metrics().state()).isEqualTo(SurGardSenderMetrics.State.CLOSED);
  }
}
