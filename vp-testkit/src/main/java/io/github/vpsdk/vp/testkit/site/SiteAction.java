package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happens on a simulated site at a point of its timeline: what people and
 * detectors do on a panel, or a fault of the field. In a scenario document each is written as
 * {@code action: <name>} with the fields below.
 */
public sealed interface SiteAction {

  /**
   * A user arms a partition: the panel reports a closing ({@code CL} / CID {@code 3401}).
   *
   * @param user the user number
   * @param partition the partition
   */
  record Arm(int user, int partition) implements SiteAction {}

  /**
   * A user disarms a partition: the panel reports an opening ({@code OP} / CID {@code 1401}).
   *
   * @param user the user number
   * @param partition the partition
   */
  record Disarm(int user, int partition) implements SiteAction {}

  /**
   * A zone trips. A burglary zone of a disarmed partition reports nothing.
   *
   * @param zone the zone number
   * @param sees what the site's camera looking at the zone sees, for the camera simulation and the
   *     outcome, or {@code null}
   */
  record Trip(int zone, @Nullable String sees) implements SiteAction {}

  /**
   * A zone returns to normal; reports a restore if the zone had reported its trip.
   *
   * @param zone the zone number
   */
  record Restore(int zone) implements SiteAction {}

  /**
   * A panel-level technical event: tamper of the panel ({@code TA}/137), mains lost ({@code
   * AT}/301), battery low ({@code YT}/302), periodic test ({@code RP}/602), and their restores.
   *
   * @param kind what happened
   */
  record Technical(TechnicalKind kind) implements SiteAction {
    /** Validates. */
    public Technical {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * Many events in a short time (an alarm flood): {@code count} trips and restores of the zone,
   * queued at once on the panel, which sends them one after the other.
   *
   * @param zone the zone number
   * @param count how many events
   */
  record Flood(int zone, int count) implements SiteAction {}

  /**
   * The next {@code count} answers of the receiver to this panel never reach it (the fault
   * proxy swallows them): the panel times out and sends again.
   *
   * @param count how many answers to drop
   */
  record DropAcks(int count) implements SiteAction {}

  /**
   * The receiver's answers to this panel arrive late.
   *
   * @param delay the delay, zero to stop delaying
   */
  record DelayAcks(Duration delay) implements SiteAction {}

  /**
   * A share of this panel's UDP datagrams (both ways) is lost.
   *
   * @param percent 0 to 100
   */
  record UdpLoss(int percent) implements SiteAction {}

  /**
   * The primary path is cut (connections refused and reset) or restored: the panel falls back
   * to its backup receiver and returns to the primary later.
   *
   * @param cut {@code true} to cut, {@code false} to restore
   */
  record PrimaryPath(boolean cut) implements SiteAction {}

  /**
   * The panel's clock jumps.
   *
   * @param skew the new distance from the site clock
   */
  record ClockSkew(Duration skew) implements SiteAction {}

  /**
   * The panel starts encrypting with a wrong key (or back with its right one): the receiver
   * cannot decrypt its frames.
   *
   * @param wrong whether the key is wrong from now on
   */
  record WrongKey(boolean wrong) implements SiteAction {}

  /**
   * Something happens to a camera of the scenario (not to a panel: a step with this action names
   * no panel).
   *
   * @param camera the camera's name
   * @param kind what happens
   * @param duration the delay of {@link CameraFaultKind#SLOW_SNAPSHOT}, the skew of {@link
   *     CameraFaultKind#CLOCK_SKEW}, else ignored
   * @param sees the scene of {@link CameraFaultKind#SEES}, else ignored
   */
  record CameraFault(String camera, CameraFaultKind kind, @Nullable Duration duration, @Nullable String sees)
      implements SiteAction {
    /** Validates. */
    public CameraFault {
      Objects.requireNonNull(camera, "camera");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A camera's own detection changes state, delivered to ONVIF clients through PullPoint (a step
   * with this action names no panel).
   *
   * @param camera the camera's name
   * @param event what the camera detects
   * @param active whether it starts ({@code true}) or ends
   */
  record CameraEvent(String camera, io.github.vpsdk.vp.testkit.camera.CameraEventKind event, boolean active)
      implements SiteAction {
    /** Validates. */
    public CameraEvent {
      Objects.requireNonNull(camera, "camera");
      Objects.requireNonNull(event, "event");
    }
  }

  /** What can happen to a camera. */
  enum CameraFaultKind {
    /** The camera stops answering (connections refused). */
    OFFLINE,
    /** The camera answers again. */
    ONLINE,
    /** The camera reboots: unreachable for a while, PTZ home, event subscriptions lost. */
    REBOOT,
    /** Snapshots take {@code duration} to come. */
    SLOW_SNAPSHOT,
    /** Snapshots fail (HTTP 500). */
    FAILING_SNAPSHOT,
    /** Snapshots work again, on time. */
    SNAPSHOT_OK,
    /** The camera's clock is {@code duration} off the site's. */
    CLOCK_SKEW,
    /** The camera's picture shows {@code sees} (empty: nothing). */
    SEES
  }

  /** The panel-level technical events. */
  enum TechnicalKind {
    /** Panel tamper: SIA TA, CID 1137. */
    TAMPER,
    /** Tamper restored: SIA TR, CID 3137. */
    TAMPER_RESTORE,
    /** Mains lost: SIA AT, CID 1301. */
    AC_LOSS,
    /** Mains back: SIA AR, CID 3301. */
    AC_RESTORE,
    /** Battery low: SIA YT, CID 1302. */
    LOW_BATTERY,
    /** Battery restored: SIA YR, CID 3302. */
    BATTERY_RESTORE,
    /** Periodic test report: SIA RP, CID 1602. */
    TEST
  }
}
