package io.github.vpsdk.vp.protocols.internal.transmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.protocols.internal.transmitter.DeliveryScheduler.Poll;
import io.github.vpsdk.vp.protocols.internal.transmitter.DeliveryScheduler.Send;
import io.github.vpsdk.vp.protocols.internal.transmitter.DeliveryScheduler.Wait;
import io.github.vpsdk.vp.protocols.receiver.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeliverySchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);

  private DeliveryScheduler<String> scheduler(int paths, Duration... polls) {
    Duration[] intervals = new Duration[paths];
    for (int i = 0; i < paths; i++) {
      intervals[i] = i < polls.length ? polls[i] : Duration.ZERO;
    }
    return new DeliveryScheduler<>(
        new DeliveryScheduler.Settings(
            paths, 4, 3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(5), intervals),
        clock);
  }

  @Test
  void sendsInOrderOneAtATime() {
    DeliveryScheduler<String> s = scheduler(1);
    s.offer("a");
    s.offer("b");
    assertThat(s.next()).isEqualTo(new Send<>("a", 0, 1));
    assertThatThrownBy(s::next).isInstanceOf(IllegalStateException.class);
    s.succeeded();
    assertThat(s.next()).isEqualTo(new Send<>("b", 0, 1));
    s.succeeded();
    assertThat(s.next()).isEqualTo(new Wait<>(null));
    assertThat(s.depth()).isZero();
  }

  @Test
  void boundedQueue() {
    DeliveryScheduler<String> s = scheduler(1);
    for (int i = 0; i < 4; i++) {
      assertThat(s.offer("m" + i)).isTrue();
    }
    assertThat(s.offer("overflow")).isFalse();
  }

  @Test
  void retriesWithBackoffThenFailsOverAndComesBack() {
    DeliveryScheduler<String> s = scheduler(2);
    s.offer("a");
    assertThat(s.next()).isEqualTo(new Send<>("a", 0, 1));
    s.failed();
    assertThat(s.next()).isEqualTo(new Wait<>(T0.plusSeconds(1)));
    clock.advance(Duration.ofSeconds(1));
    assertThat(s.next()).isEqualTo(new Send<>("a", 0, 2));
    s.failed();
    assertThat(s.next()).isEqualTo(new Wait<>(T0.plusSeconds(3)));
    clock.advance(Duration.ofSeconds(2));
    assertThat(s.next()).isEqualTo(new Send<>("a", 0, 3));
    s.failed();
    assertThat(s.next()).as("fail over at once").isEqualTo(new Send<>("a", 1, 1));
    s.succeeded();
    assertThat(s.currentPath()).isEqualTo(1);
    s.offer("b");
    assertThat(s.next()).isEqualTo(new Send<>("b", 1, 1));
    s.succeeded();
    // after retryPrimaryAfter the primary is probed with a poll when idle
    clock.advance(Duration.ofMinutes(5));
    assertThat(s.next()).isEqualTo(new Poll<>(0));
    s.failed();
    assertThat(s.currentPath()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    s.offer("c");
    assertThat(s.next()).as("probe the primary with real traffic").isEqualTo(new Send<>("c", 0, 1));
    s.succeeded();
    assertThat(s.currentPath()).isZero();
    assertThat(s.depth()).isZero();
  }

  @Test
  void pollsEachPathAtItsIntervalWhenIdle() {
    DeliveryScheduler<String> s = scheduler(2, Duration.ofSeconds(90), Duration.ofMinutes(30));
    assertThat(s.next()).isEqualTo(new Wait<>(T0.plusSeconds(90)));
    clock.advance(Duration.ofSeconds(90));
    assertThat(s.next()).isEqualTo(new Poll<>(0));
    s.succeeded();
    clock.advance(Duration.ofSeconds(60));
    s.offer("a");
    assertThat(s.next()).isEqualTo(new Send<>("a", 0, 1));
    s.succeeded();
    assertThat(s.next()).as("traffic restarts the interval").isEqualTo(new Wait<>(T0.plusSeconds(240)));
    clock.set(T0.plus(Duration.ofMinutes(30)));
    assertThat(s.next()).isEqualTo(new Poll<>(0));
    s.succeeded();
    assertThat(s.next()).isEqualTo(new Poll<>(1));
    s.failed();
    assertThat(s.currentPath()).as("a backup poll failure does not move traffic").isZero();
  }

  /** Whatever fails, every offered message leaves exactly once, in order. */
  @Test
  void nothingQueuedIsLostOrReordered() {
    for (long seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      DeliveryScheduler<String> s = scheduler(1 + random.nextInt(3), Duration.ofSeconds(30));
      List<String> offered = new ArrayList<>();
      List<String> delivered = new ArrayList<>();
      int next = 0;
      for (int step = 0; step < 2000 && (next < 50 || s.depth() > 0); step++) {
        if (next < 50 && random.nextInt(3) == 0 && s.offer("m" + next)) {
          offered.add("m" + next++);
        }
        DeliveryScheduler.Action<String> a = s.next();
        if (a instanceof Wait) {
          Instant until = ((Wait<String>) a).until();
          clock.set(until == null ? clock.instant().plusSeconds(1) : until);
          continue;
        }
        boolean ok = random.nextInt(100) < 60;
        if (ok) {
          if (a instanceof Send) {
            delivered.add(((Send<String>) a).message());
          }
          s.succeeded();
        } else {
          s.failed();
        }
      }
      assertThat(delivered).as("seed=" + seed).isEqualTo(offered);
    }
  }
}
