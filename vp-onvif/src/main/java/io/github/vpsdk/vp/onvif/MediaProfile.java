package io.github.vpsdk.vp.onvif;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A media profile, the same shape whether the camera answered through Media2 or Media1.
 *
 * @param token the profile token, used by stream, snapshot and PTZ operations
 * @param name the profile name
 * @param videoEncoding the video encoding ({@code H264}, {@code H265}, {@code JPEG}, ...), or
 *     {@code null} if the profile has no video encoder
 * @param width video width in pixels, 0 if unknown
 * @param height video height in pixels, 0 if unknown
 * @param ptz whether the profile carries a PTZ configuration
 * @param media2 whether the profile came from the Media2 service
 */
public record MediaProfile(
    String token,
    String name,
    @Nullable String videoEncoding,
    int width,
    int height,
    boolean ptz,
    boolean media2) {

  /**
   * Checks the components.
   *
   * @param token token
   * @param name name
   * @param videoEncoding encoding or {@code null}
   * @param width width
   * @param height height
   * @param ptz has PTZ
   * @param media2 from Media2
   */
  public MediaProfile {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(name, "name");
  }
}
