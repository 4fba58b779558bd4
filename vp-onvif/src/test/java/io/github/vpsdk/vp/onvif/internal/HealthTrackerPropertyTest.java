package io.github.vpsdk.vp.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.CameraHealth;
import io.github.vpsdk.vp.onvif.OnvifException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random poll histories against the rules of the health bookkeeping, stated independently of how
 * it keeps its state: alarms and restores alternate, a loss comes exactly when the last N polls
 * failed, a restore exactly on the first answer after a loss, drift hysteresis holds.
 */
class HealthTrackerPropertyTest {
  static final Instant START = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void randomHistoriesFollowTheRules() {
    long base = Long.getLong("vp.seed", new SplittableRandom().nextLong());
    System.out.println("HealthTrackerPropertyTest base seed " + base + " (replay with -Dvp.seed=...)");
    SplittableRandom seeds = new SplittableRandom(base);
    for (int run = 0; run < 300; run++) {
      long seed = seeds.nextLong();
      try {
        history(new SplittableRandom(seed));
      } catch (AssertionError e) {
        throw new AssertionError("failed with history seed " + seed + " (base seed " + base + ")", e);
      }
    }
  }

  private void history(SplittableRandom r) {
    int n = 1 + r.nextInt(4);
    Duration threshold = r.nextInt(5) == 0 ? Duration.ZERO : Duration.ofSeconds(2 + r.nextInt(30));
    HealthTracker t =
        new HealthTracker("cam-1", "site", URI.create("http://u:secret@192.0.2.1/onvif/device_service"), n, threshold);
    List<Boolean> reach = new ArrayList<>(); // true = answered
    List<Boolean> shots = new ArrayList<>(); // true = snapshot worked
    boolean lostOpen = false;
    boolean driftOpen = false;
    boolean snapOpen = false;
    Set<String> ids = new HashSet<>();
    for (int step = 1; step <= 120; step++) {
      Instant now = START.plus(Duration.ofSeconds(30L * step));
      boolean answered = r.nextInt(3) != 0;
      List<SystemEvent> events = new ArrayList<>();
      Duration drift = null;
      if (answered) {
        if (r.nextBoolean()) {
          long bound = Math.max(1, threshold.getSeconds() * 3);
          drift = Duration.ofSeconds(r.nextLong(-bound, bound + 1));
        }
        events.addAll(t.answered(now, drift == null ? null : now.plus(drift), null));
        reach.add(true);
        if (r.nextBoolean()) {
          boolean ok = r.nextBoolean();
          events.addAll(t.snapshot(now, ok ? null : OnvifException.Kind.PROTOCOL));
          shots.add(ok);
        }
      } else {
        events.addAll(t.failed(now, OnvifException.Kind.UNREACHABLE));
        reach.add(false);
      }
      CameraHealth h = t.health();
      for (SystemEvent e : events) {
        assertThat(ids.add(e.id())).as("unique id %s", e.id()).isTrue();
        assertThat(e.category()).isEqualTo(EventCategory.TROUBLE);
        assertThat(e.occurredAt()).isEqualTo(now);
        assertThat(e.source()).isEqualTo("camera:cam-1");
        assertThat(e.toString()).doesNotContain("secret");
        String code = e.code().text();
        assertThat(e.restore()).isEqualTo(code.endsWith("RESTORED"));
        switch (code) {
          case "CAMERA_LOST":
            assertThat(lostOpen).as("lost twice without restore").isFalse();
            assertThat(lastAll(reach, n, false)).as("lost only after %d failures", n).isTrue();
            lostOpen = true;
            break;
          case "CAMERA_RESTORED":
            assertThat(lostOpen).isTrue();
            assertThat(answered).isTrue();
            lostOpen = false;
            break;
          case "CAMERA_CLOCK_DRIFT":
            assertThat(driftOpen).isFalse();
            assertThat(drift.abs()).isGreaterThan(threshold);
            driftOpen = true;
            break;
          case "CAMERA_CLOCK_RESTORED":
            assertThat(driftOpen).isTrue();
            assertThat(drift.abs()).isLessThanOrEqualTo(threshold.dividedBy(2));
            driftOpen = false;
            break;
          case "CAMERA_SNAPSHOT_FAILED":
            assertThat(snapOpen).isFalse();
            assertThat(lastAll(shots, n, false)).isTrue();
            snapOpen = true;
            break;
          case "CAMERA_SNAPSHOT_RESTORED":
            assertThat(snapOpen).isTrue();
            assertThat(shots.get(shots.size() - 1)).isTrue();
            snapOpen = false;
            break;
          default:
            throw new AssertionError("unexpected code " + code);
        }
      }
      // the state the events announced is the state the health shows
      assertThat(h.status() == CameraHealth.Status.UNREACHABLE).isEqualTo(lostOpen);
      assertThat(h.clockAlarm()).isEqualTo(driftOpen);
      assertThat(h.snapshotAlarm()).isEqualTo(snapOpen);
      // and no condition goes unreported
      if (lastAll(reach, n, false)) {
        assertThat(lostOpen).as("%d failures in a row must be reported", n).isTrue();
      }
      if (answered) {
        assertThat(lostOpen).isFalse();
        assertThat(h.lastSeen()).isEqualTo(now);
        assertThat(h.consecutiveFailures()).isZero();
      }
      if (drift != null && !threshold.isZero()) {
        if (drift.abs().compareTo(threshold) > 0) {
          assertThat(driftOpen).isTrue();
        } else if (drift.abs().compareTo(threshold.dividedBy(2)) <= 0) {
          assertThat(driftOpen).isFalse();
        }
      }
      if (threshold.isZero()) {
        assertThat(driftOpen).isFalse();
      }
      if (lastAll(shots, n, false)) {
        assertThat(snapOpen).isTrue();
      }
      if (!shots.isEmpty() && shots.get(shots.size() - 1)) {
        assertThat(snapOpen).isFalse();
      }
    }
  }

  private static boolean lastAll(List<Boolean> outcomes, int n, boolean value) {
    if (outcomes.size() < n) {
      return false;
    }
    for (int i = outcomes.size() - n; i < outcomes.size(); i++) {
      if (outcomes.get(i) != value) {
        return false;
      }
    }
    return true;
  }
}
