package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A camera's clock (GetSystemDateAndTime), read without credentials.
 *
 * @param cameraUtc the camera's UTC time when it answered, or {@code null} if it sent none
 * @param offset camera time minus local time (zero if the camera sent no UTC time); vp dates
 *     its WS-Security tokens with local time plus this offset
 * @param ntp whether the camera says it sets its clock by NTP
 * @param daylightSavings whether the camera applies daylight saving time
 * @param timeZone the POSIX time zone string the camera reports, or {@code null}
 */
public record CameraTime(
    @Nullable Instant cameraUtc,
    Duration offset,
    boolean ntp,
    boolean daylightSavings,
    @Nullable String timeZone) {

  /**
   * Checks the components.
   *
   * @param cameraUtc the camera's UTC time or {@code null}
   * @param offset camera minus local time
   * @param ntp NTP in use
   * @param daylightSavings DST in use
   * @param timeZone time zone or {@code null}
   */
  public CameraTime {
    Objects.requireNonNull(offset, "offset");
  }
}
