package io.github.vpsdk.vp.onvif;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a PTZ head is and whether it moves (GetStatus).
 *
 * @param position the position, or {@code null} if the camera does not report it
 * @param panTiltMoving pan/tilt state: {@code IDLE}, {@code MOVING} or {@code UNKNOWN}
 * @param zoomMoving zoom state: {@code IDLE}, {@code MOVING} or {@code UNKNOWN}
 * @param error the camera's error text, or {@code null}
 * @param utcTime the camera's time of the status, or {@code null}
 */
public record PtzStatus(
    @Nullable PtzVector position,
    String panTiltMoving,
    String zoomMoving,
    @Nullable String error,
    @Nullable Instant utcTime) {

  /**
   * Checks the components.
   *
   * @param position position or {@code null}
   * @param panTiltMoving pan/tilt state
   * @param zoomMoving zoom state
   * @param error error or {@code null}
   * @param utcTime time or {@code null}
   */
  public PtzStatus {
    Objects.requireNonNull(panTiltMoving, "panTiltMoving");
    Objects.requireNonNull(zoomMoving, "zoomMoving");
  }
}
