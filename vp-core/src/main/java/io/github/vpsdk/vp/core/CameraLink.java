package io.github.vpsdk.vp.core;

import org.jspecify.annotations.Nullable;

/**
 * Which camera shows a zone, and where to point it: what an operator opens first when the zone
 * raises an alarm.
 *
 * @param cameraId the camera's identifier on the site
 * @param preset the PTZ preset token that frames the zone, or {@code null} for a fixed camera or
 *     the current position
 */
public record CameraLink(String cameraId, @Nullable String preset) {
  /** Validates. */
  public CameraLink {
    EventChecks.requireText(cameraId, "cameraId", 128);
    if (preset != null) {
      EventChecks.requireText(preset, "preset", 128);
    }
  }

  /**
   * A link to a camera without a preset.
   *
   * @param cameraId the camera identifier
   * @return the link
   */
  public static CameraLink of(String cameraId) {
    return new CameraLink(cameraId, null);
  }
}
