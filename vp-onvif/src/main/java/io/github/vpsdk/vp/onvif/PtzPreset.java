package io.github.vpsdk.vp.onvif;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A PTZ preset. Address presets by token: names are not unique and tokens differ per camera.
 *
 * @param token the preset token
 * @param name the preset name, empty if the camera sent none
 * @param position the stored position, or {@code null} if the camera does not report it
 */
public record PtzPreset(String token, String name, @Nullable PtzVector position) {

  /**
   * Checks the components.
   *
   * @param token token
   * @param name name
   * @param position position or {@code null}
   */
  public PtzPreset {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(name, "name");
  }
}
