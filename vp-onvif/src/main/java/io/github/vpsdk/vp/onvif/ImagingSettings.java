package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.Nullable;

/**
 * The basic image settings of a video source (Imaging service 2.0). Every component is optional:
 * reading gives {@code null} for what the camera does not report, and {@link
 * OnvifImaging#setSettings} leaves {@code null} components unchanged.
 *
 * @param brightness brightness, in the camera's range (often 0 to 100), or {@code null}
 * @param contrast contrast, or {@code null}
 * @param colorSaturation colour saturation, or {@code null}
 * @param sharpness sharpness, or {@code null}
 * @param irCutFilter infrared cut filter: {@code ON} (day), {@code OFF} (night) or {@code AUTO},
 *     or {@code null}
 * @param exposureMode {@code AUTO} or {@code MANUAL}, or {@code null}
 * @param focusMode {@code AUTO} or {@code MANUAL}, or {@code null}
 */
public record ImagingSettings(
    @Nullable Double brightness,
    @Nullable Double contrast,
    @Nullable Double colorSaturation,
    @Nullable Double sharpness,
    @Nullable String irCutFilter,
    @Nullable String exposureMode,
    @Nullable String focusMode) {

  /**
   * Settings that change nothing; start from here and use the {@code with} methods.
   *
   * @return all components {@code null}
   */
  public static ImagingSettings unchanged() {
    return new ImagingSettings(null, null, null, null, null, null, null);
  }

  /**
   * A copy with another brightness.
   *
   * @param value the brightness, or {@code null}
   * @return the copy
   */
  public ImagingSettings withBrightness(@Nullable Double value) {
    return new ImagingSettings(value, contrast, colorSaturation, sharpness, irCutFilter, exposureMode, focusMode);
  }

  /**
   * A copy with another contrast.
   *
   * @param value the contrast, or {@code null}
   * @return the copy
   */
  public ImagingSettings withContrast(@Nullable Double value) {
    return new ImagingSettings(brightness, value, colorSaturation, sharpness, irCutFilter, exposureMode, focusMode);
  }

  /**
   * A copy with another IR cut filter mode.
   *
   * @param value {@code ON}, {@code OFF}, {@code AUTO}, or {@code null}
   * @return the copy
   */
  public ImagingSettings withIrCutFilter(@Nullable String value) {
    return new ImagingSettings(brightness, contrast, colorSaturation, sharpness, value, exposureMode, focusMode);
  }

  /**
   * A copy with another focus mode.
   *
   * @param value {@code AUTO}, {@code MANUAL}, or {@code null}
   * @return the copy
   */
  public ImagingSettings withFocusMode(@Nullable String value) {
    return new ImagingSettings(brightness, contrast, colorSaturation, sharpness, irCutFilter, exposureMode, value);
  }
}
