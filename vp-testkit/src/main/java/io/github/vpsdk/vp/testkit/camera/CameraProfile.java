package io.github.vpsdk.vp.testkit.camera;

import java.util.Objects;

/**
 * A media profile of a {@link SimulatedCamera}: one video stream with its encoder settings. The
 * snapshot of a profile is a JPEG of its resolution.
 *
 * @param token the profile token (unique within the camera)
 * @param name the profile name
 * @param encoding the video encoding announced, {@code H264}, {@code H265} or {@code JPEG}
 * @param width the width in pixels
 * @param height the height in pixels
 * @param frameRate the frame rate limit
 */
public record CameraProfile(
    String token, String name, String encoding, int width, int height, int frameRate) {

  /**
   * Checks the components.
   *
   * @param token token
   * @param name name
   * @param encoding encoding
   * @param width width
   * @param height height
   * @param frameRate frame rate
   */
  public CameraProfile {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encoding, "encoding");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    if (!encoding.equals("H264") && !encoding.equals("H265") && !encoding.equals("JPEG")) {
      throw new IllegalArgumentException("encoding must be H264, H265 or JPEG: " + encoding);
    }
    if (width < 16 || height < 16 || width > 7680 || height > 4320) {
      throw new IllegalArgumentException("resolution out of 16x16..7680x4320: " + width + "x" + height);
    }
    if (frameRate < 1 || frameRate > 120) {
      throw new IllegalArgumentException("frameRate must be within 1..120: " + frameRate);
    }
  }

  /**
   * The default main stream: {@code profile_main}, H.264 1920x1080 at 25 fps.
   *
   * @return the profile
   */
  public static CameraProfile main() {
    return new CameraProfile("profile_main", "mainStream", "H264", 1920, 1080, 25);
  }

  /**
   * The default sub stream: {@code profile_sub}, H.264 640x360 at 15 fps.
   *
   * @return the profile
   */
  public static CameraProfile sub() {
    return new CameraProfile("profile_sub", "subStream", "H264", 640, 360, 15);
  }
}
