package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.Nullable;

/** A focus move for {@link OnvifImaging#focus}; check {@link FocusOptions} for what is offered. */
public sealed interface FocusMove permits FocusMove.Absolute, FocusMove.Relative, FocusMove.Continuous {

  /**
   * Move the focus to a position.
   *
   * @param position the position, in {@link FocusOptions#absolutePosition()}
   * @param speed the speed, or {@code null} for the camera's default
   */
  record Absolute(double position, @Nullable Double speed) implements FocusMove {}

  /**
   * Move the focus by a distance (positive towards far).
   *
   * @param distance the distance, in {@link FocusOptions#relativeDistance()}
   * @param speed the speed, or {@code null} for the camera's default
   */
  record Relative(double distance, @Nullable Double speed) implements FocusMove {}

  /**
   * Move the focus at a speed until {@link OnvifImaging#stopFocus} (positive towards far).
   *
   * @param speed the speed, in {@link FocusOptions#continuousSpeed()}
   */
  record Continuous(double speed) implements FocusMove {}
}
