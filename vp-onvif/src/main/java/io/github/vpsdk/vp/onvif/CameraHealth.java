package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link CameraMonitor} knows of one camera after its last poll.
 *
 * @param cameraId the identifier given to the monitor
 * @param status whether the camera answers
 * @param consecutiveFailures failed polls in a row (0 after a success)
 * @param lastSeen when the camera last answered, or {@code null} if never
 * @param lastChecked when the last poll ended, or {@code null} before the first
 * @param lastError what the last failed poll or check ran into, or {@code null}
 * @param clockDrift camera clock minus the monitor's clock at the last reading, or {@code null}
 *     if the camera did not give its time
 * @param clockAlarm whether a clock drift alarm is raised
 * @param snapshotAlarm whether a snapshot alarm is raised
 */
public record CameraHealth(
    String cameraId,
    Status status,
    int consecutiveFailures,
    @Nullable Instant lastSeen,
    @Nullable Instant lastChecked,
    OnvifException.@Nullable Kind lastError,
    @Nullable Duration clockDrift,
    boolean clockAlarm,
    boolean snapshotAlarm) {

  /** Whether a camera answers. */
  public enum Status {
    /** Not polled yet, or failing but not yet for long enough to be declared lost. */
    UNKNOWN,
    /** It answered its last poll, or has failed fewer times than the alarm threshold since. */
    REACHABLE,
    /** Lost: it failed as many polls in a row as the alarm threshold; the alarm is raised. */
    UNREACHABLE
  }

  /**
   * Validates.
   *
   * @param cameraId the identifier
   * @param status the status
   * @param consecutiveFailures the failures in a row
   * @param lastSeen last answer or {@code null}
   * @param lastChecked last poll or {@code null}
   * @param lastError last error or {@code null}
   * @param clockDrift the drift or {@code null}
   * @param clockAlarm the drift alarm
   * @param snapshotAlarm the snapshot alarm
   */
  public CameraHealth {
    Objects.requireNonNull(cameraId, "cameraId");
    Objects.requireNonNull(status, "status");
  }
}
