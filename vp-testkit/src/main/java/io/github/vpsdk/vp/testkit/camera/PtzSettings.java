package io.github.vpsdk.vp.testkit.camera;

import java.time.Duration;
import java.util.Objects;

/**
 * The PTZ head of a {@link SimulatedCamera}, in the ONVIF generic spaces (pan and tilt within
 * [-1, 1], zoom within [0, 1]).
 *
 * @param pan the pan axis
 * @param tilt the tilt axis
 * @param zoom the zoom axis
 * @param defaultTimeout how long a ContinuousMove without a Timeout lasts (the camera's {@code
 *     DefaultPTZTimeout})
 */
public record PtzSettings(Axis pan, Axis tilt, Axis zoom, Duration defaultTimeout) {

  /**
   * Checks the components.
   *
   * @param pan pan axis
   * @param tilt tilt axis
   * @param zoom zoom axis
   * @param defaultTimeout ContinuousMove default timeout
   */
  public PtzSettings {
    Objects.requireNonNull(pan, "pan");
    Objects.requireNonNull(tilt, "tilt");
    Objects.requireNonNull(zoom, "zoom");
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    if (pan.min() < -1 || pan.max() > 1 || tilt.min() < -1 || tilt.max() > 1) {
      throw new IllegalArgumentException("pan and tilt limits must be within [-1, 1]");
    }
    if (zoom.min() < 0 || zoom.max() > 1) {
      throw new IllegalArgumentException("zoom limits must be within [0, 1]");
    }
    if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
      throw new IllegalArgumentException("defaultTimeout must be positive");
    }
  }

  /**
   * Full ranges; pan and tilt at 0.5 units per second at full velocity, zoom at 0.25, default
   * ContinuousMove timeout 60 s.
   *
   * @return the settings
   */
  public static PtzSettings defaults() {
    return new PtzSettings(
        new Axis(-1, 1, 0.5), new Axis(-1, 1, 0.5), new Axis(0, 1, 0.25), Duration.ofMinutes(1));
  }

  /**
   * One axis: its limits and its top speed.
   *
   * @param min the lowest position
   * @param max the highest position
   * @param speed generic units per second at velocity (or speed) 1.0
   */
  public record Axis(double min, double max, double speed) {

    /**
     * Checks the components.
     *
     * @param min lowest position
     * @param max highest position
     * @param speed top speed
     */
    public Axis {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(min <= max)) {
        throw new IllegalArgumentException("axis limits must be finite with min <= max");
      }
      if (!Double.isFinite(speed) || !(speed > 0)) {
        throw new IllegalArgumentException("axis speed must be positive");
      }
    }

    /**
     * Clamps a position to the limits.
     *
     * @param v a position
     * @return the nearest position within the limits
     */
    public double clamp(double v) {
      return Math.max(min, Math.min(max, v));
    }
  }
}
