package io.github.vpsdk.vp.protocols.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.SystemEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountSupervisorTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final AccountId panel = AccountId.of("1", "2", "1234");

  @Test
  void lossAfterIntervalPlusGraceThenRestore() {
    AccountSupervisor s =
        new AccountSupervisor(
            clock, SupervisionPolicy.create(p -> p.interval(AccountId.of("1234"), Duration.ofMinutes(5)).grace(Duration.ofSeconds(30))));
    s.heard(panel);
    clock.advance(Duration.ofMinutes(5).plusSeconds(30));
    assertThat(s.check()).isEmpty();
    assertThat(s.nextDeadline()).isEqualTo(T0.plus(Duration.ofMinutes(5).plusSeconds(30)));
    clock.advance(Duration.ofMillis(1));
    List<SystemEvent> lost = s.check();
    assertThat(lost).singleElement().satisfies(e -> {
      assertThat(e.code()).isEqualTo(SystemEvent.SUPERVISION_LOST);
      assertThat(e.account()).isEqualTo(panel);
      assertThat(e.category()).isEqualTo(EventCategory.TROUBLE);
      assertThat(e.extended("last-heard")).contains(T0.toString());
    });
    assertThat(s.isLost(panel)).isTrue();
    clock.advance(Duration.ofHours(1));
    assertThat(s.check()).as("one loss per silence").isEmpty();
    assertThat(s.heard(panel)).hasValueSatisfying(e -> {
      assertThat(e.code()).isEqualTo(SystemEvent.SUPERVISION_RESTORED);
      assertThat(e.restore()).isTrue();
    });
    assertThat(s.heard(panel)).isEmpty();
    assertThat(s.isLost(panel)).isFalse();
  }

  @Test
  void anyTrafficRestartsTheInterval() {
    AccountSupervisor s = new AccountSupervisor(clock, SupervisionPolicy.create(p -> p.defaultInterval(Duration.ofSeconds(90)).grace(Duration.ZERO)));
    s.heard(panel);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(80));
      s.heard(panel);
      assertThat(s.check()).isEmpty();
    }
  }

  @Test
  void expectedAccountThatNeverReportsIsLost() {
    AccountSupervisor s = new AccountSupervisor(clock, SupervisionPolicy.create(p -> p.defaultInterval(Duration.ofSeconds(60))));
    s.expect(panel);
    clock.advance(Duration.ofSeconds(91));
    assertThat(s.check()).singleElement().satisfies(e -> assertThat(e.extended("last-heard")).isEmpty());
    assertThat(s.lastHeard(panel)).isEmpty();
  }

  @Test
  void unsupervisedAccountsAreNeverLost() {
    AccountSupervisor s = new AccountSupervisor(clock, SupervisionPolicy.none());
    s.heard(panel);
    clock.advance(Duration.ofDays(3));
    assertThat(s.check()).isEmpty();
    assertThat(s.nextDeadline()).isNull();
  }
}
