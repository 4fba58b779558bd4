package io.github.vpsdk.vp.protocols.internal.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateWindowTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

  @Test
  void duplicateWithinWindowGetsTheFirstValue() {
    DuplicateWindow<String> w = new DuplicateWindow<>(Duration.ofMinutes(3), 100, clock);
    assertThat(w.claim("a", "first")).isNull();
    clock.advance(Duration.ofMinutes(2));
    assertThat(w.claim("a", "second")).isEqualTo("first");
    assertThat(w.claim("b", "other")).isNull();
  }

  @Test
  void forgottenAfterTheWindow() {
    DuplicateWindow<String> w = new DuplicateWindow<>(Duration.ofMinutes(3), 100, clock);
    w.claim("a", "first");
    clock.advance(Duration.ofMinutes(3).plusMillis(1));
    assertThat(w.claim("a", "again")).isNull();
    assertThat(w.size()).isEqualTo(1);
  }

  @Test
  void failedDeliveryIsForgottenOnlyByItsOwner() {
    DuplicateWindow<String> w = new DuplicateWindow<>(Duration.ofMinutes(3), 100, clock);
    w.claim("a", "first");
    w.forget("a", "not-mine");
    assertThat(w.claim("a", "x")).isEqualTo("first");
    w.forget("a", "first");
    assertThat(w.claim("a", "retry")).isNull();
  }

  @Test
  void boundedInSize() {
    DuplicateWindow<Integer> w = new DuplicateWindow<>(Duration.ofHours(1), 10, clock);
    for (int i = 0; i < 1000; i++) {
      assertThat(w.claim(i, i)).isNull();
    }
    assertThat(w.size()).isEqualTo(10);
    assertThat(w.claim(999, -1)).isEqualTo(999);
    assertThat(w.claim(0, -1)).isNull();
  }
}
