package io.github.vpsdk.vp.onvif;

/**
 * A PTZ velocity or speed in the camera's generic speed spaces, each in [-1, 1]. Some cameras
 * ignore speeds (reported for Reolink).
 *
 * @param pan pan speed
 * @param tilt tilt speed
 * @param zoom zoom speed
 */
public record PtzSpeed(double pan, double tilt, double zoom) {

  /**
   * Checks the components are within [-1, 1].
   *
   * @param pan pan speed
   * @param tilt tilt speed
   * @param zoom zoom speed
   */
  public PtzSpeed {
    check(pan);
    check(tilt);
    check(zoom);
  }

  private static void check(double v) {
    if (!(v >= -1.0 && v <= 1.0)) {
      throw new IllegalArgumentException("PTZ speed must be within [-1, 1]: " + v);
    }
  }
}
