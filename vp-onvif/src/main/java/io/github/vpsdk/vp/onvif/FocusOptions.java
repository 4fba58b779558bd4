package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.Nullable;

/**
 * The focus moves a video source supports (GetMoveOptions), with their ranges. A {@code null}
 * range means the camera does not offer that move (or that parameter).
 *
 * @param absolutePosition positions of an absolute move
 * @param absoluteSpeed speeds of an absolute move
 * @param relativeDistance distances of a relative move
 * @param relativeSpeed speeds of a relative move
 * @param continuousSpeed speeds of a continuous move
 */
public record FocusOptions(
    @Nullable Range absolutePosition,
    @Nullable Range absoluteSpeed,
    @Nullable Range relativeDistance,
    @Nullable Range relativeSpeed,
    @Nullable Range continuousSpeed) {

  /**
   * A closed range.
   *
   * @param min the minimum
   * @param max the maximum
   */
  public record Range(double min, double max) {}

  /**
   * Whether absolute moves are offered.
   *
   * @return true if so
   */
  public boolean absolute() {
    return absolutePosition != null;
  }

  /**
   * Whether relative moves are offered.
   *
   * @return true if so
   */
  public boolean relative() {
    return relativeDistance != null;
  }

  /**
   * Whether continuous moves are offered.
   *
   * @return true if so
   */
  public boolean continuous() {
    return continuousSpeed != null;
  }
}
