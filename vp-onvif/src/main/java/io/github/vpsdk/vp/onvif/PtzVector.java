package io.github.vpsdk.vp.onvif;

/**
 * A PTZ position or translation in the camera's generic spaces: pan and tilt in [-1, 1], zoom in
 * [0, 1] for positions and [-1, 1] for translations.
 *
 * @param pan pan
 * @param tilt tilt
 * @param zoom zoom
 */
public record PtzVector(double pan, double tilt, double zoom) {

  /**
   * Checks the components are finite.
   *
   * @param pan pan
   * @param tilt tilt
   * @param zoom zoom
   */
  public PtzVector {
    if (!Double.isFinite(pan) || !Double.isFinite(tilt) || !Double.isFinite(zoom)) {
      throw new IllegalArgumentException("PTZ values must be finite");
    }
  }
}
