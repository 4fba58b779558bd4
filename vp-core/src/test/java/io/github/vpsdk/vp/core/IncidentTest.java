package io.github.vpsdk.vp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IncidentTest {
  private Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

  private void advance(int seconds) {
    clock = Clock.offset(clock, Duration.ofSeconds(seconds));
  }

  @Test
  void fullHandlingWithHistory() {
    Incident i = Incident.open("inc-1", "site-1", ModelTest.burglary(3, false), clock);
    assertThat(i.state()).isEqualTo(IncidentState.OPEN);
    assertThat(i.priority()).isEqualTo(Priority.HIGH);
    advance(5);
    i = i.moveTo(IncidentState.ACKNOWLEDGED, "op-7", "taken", clock);
    advance(30);
    i = i.moveTo(IncidentState.VERIFYING, "op-7", "viewing cam-1", clock);
    i = i.moveTo(IncidentState.DISPATCHED, "op-7", "guard sent", clock);
    i = i.moveTo(IncidentState.AWAITING_RESTORE, "op-7", "guard on site", clock);
    assertThat(i.awaitingRestore()).hasSize(1);
    advance(600);
    i = i.withEvent(ModelTest.burglary(3, true), clock);
    assertThat(i.awaitingRestore()).isEmpty();
    i = i.close("op-7", "false alarm: open window", clock);
    assertThat(i.isClosed()).isTrue();
    assertThat(i.closedAt()).isEqualTo(Instant.parse("2026-11-23T10:25:35Z"));
    assertThat(i.history()).hasSize(7);
    assertThat(i.history().get(0).from()).isNull();
    assertThat(i.history().get(6).note()).isEqualTo("false alarm: open window");
    assertThat(i.resolution()).isEqualTo("false alarm: open window");
  }

  @Test
  void priorityOnlyRises() {
    Incident i = Incident.open("inc-2", "site-1", ModelTest.burglary(3, false), clock);
    PanelEvent fire = ModelTest.burglary(5, false).toBuilder().id("f").category(EventCategory.FIRE).priority(Priority.CRITICAL).build();
    i = i.withEvent(fire, clock);
    assertThat(i.priority()).isEqualTo(Priority.CRITICAL);
    i = i.withEvent(ModelTest.burglary(6, false), clock);
    assertThat(i.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(i.awaitingRestore()).hasSize(3);
  }

  @Test
  void refusesIllegalMoves() {
    Incident open = Incident.open("inc-3", "site-1", ModelTest.burglary(3, false), clock);
    assertThatThrownBy(() -> open.moveTo(IncidentState.DISPATCHED, "op", "", clock))
        .isInstanceOfSatisfying(VpException.class, e -> assertThat(e.reason()).isEqualTo(VpException.Reason.INVALID_STATE));
    Incident closed = open.close("system", "test event", clock);
    assertThatThrownBy(() -> closed.withEvent(ModelTest.burglary(3, true), clock)).isInstanceOf(VpException.class);
    assertThatThrownBy(() -> closed.close("op", "again", clock)).isInstanceOf(VpException.class);
    for (IncidentState s : IncidentState.values()) {
      assertThat(s.canMoveTo(IncidentState.OPEN)).isFalse();
      assertThat(s.canMoveTo(IncidentState.CLOSED)).isEqualTo(s != IncidentState.CLOSED);
    }
  }
}
