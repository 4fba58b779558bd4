package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.FocusMove;
import io.github.vpsdk.vp.onvif.FocusOptions;
import io.github.vpsdk.vp.onvif.ImagingSettings;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AbsoluteFocus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AutoFocusMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ContinuousFocus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Exposure20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ExposureMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FloatRange;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusConfiguration20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingSettings20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IrCutFilterMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelativeFocus;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Maps Imaging 2.0 bindings to vp's model and back. */
public final class ImagingMapping {
  private ImagingMapping() {}

  /**
   * Maps GetImagingSettings.
   *
   * @param s the settings, or {@code null}
   * @return the model
   */
  public static ImagingSettings settings(@Nullable ImagingSettings20 s) {
    if (s == null) {
      return ImagingSettings.unchanged();
    }
    return new ImagingSettings(
        d(s.getBrightness()),
        d(s.getContrast()),
        d(s.getColorSaturation()),
        d(s.getSharpness()),
        s.getIrCutFilter() == null ? null : s.getIrCutFilter().value(),
        s.getExposure() == null || s.getExposure().getMode() == null
            ? null
            : s.getExposure().getMode().value(),
        s.getFocus() == null || s.getFocus().getAutoFocusMode() == null
            ? null
            : s.getFocus().getAutoFocusMode().value());
  }

  /**
   * Applies the non-null components of a change to the camera's current settings. Only the
   * changed parts are sent: a camera may reject values it reported itself (exposure limits
   * outside its own options are common).
   *
   * @param change the change
   * @param current the current settings, or {@code null}
   * @return the settings to send
   */
  public static ImagingSettings20 apply(ImagingSettings change, @Nullable ImagingSettings20 current) {
    ImagingSettings20 out = new ImagingSettings20();
    if (change.brightness() != null) {
      out.setBrightness(change.brightness().floatValue());
    }
    if (change.contrast() != null) {
      out.setContrast(change.contrast().floatValue());
    }
    if (change.colorSaturation() != null) {
      out.setColorSaturation(change.colorSaturation().floatValue());
    }
    if (change.sharpness() != null) {
      out.setSharpness(change.sharpness().floatValue());
    }
    if (change.irCutFilter() != null) {
      out.setIrCutFilter(enumValue(IrCutFilterMode.class, change.irCutFilter(), "irCutFilter"));
    }
    if (change.exposureMode() != null) {
      Exposure20 e = new Exposure20();
      e.setMode(enumValue(ExposureMode.class, change.exposureMode(), "exposureMode"));
      out.setExposure(e);
    }
    if (change.focusMode() != null) {
      FocusConfiguration20 f = new FocusConfiguration20();
      if (current != null && current.getFocus() != null) {
        f.setDefaultSpeed(current.getFocus().getDefaultSpeed());
      }
      f.setAutoFocusMode(enumValue(AutoFocusMode.class, change.focusMode(), "focusMode"));
      out.setFocus(f);
    }
    return out;
  }

  /**
   * Maps GetMoveOptions.
   *
   * @param o the options, or {@code null}
   * @return the model
   */
  public static FocusOptions options(@Nullable MoveOptions20 o) {
    if (o == null) {
      return new FocusOptions(null, null, null, null, null);
    }
    return new FocusOptions(
        o.getAbsolute() == null ? null : range(o.getAbsolute().getPosition()),
        o.getAbsolute() == null ? null : range(o.getAbsolute().getSpeed()),
        o.getRelative() == null ? null : range(o.getRelative().getDistance()),
        o.getRelative() == null ? null : range(o.getRelative().getSpeed()),
        o.getContinuous() == null ? null : range(o.getContinuous().getSpeed()));
  }

  /**
   * Maps a focus move.
   *
   * @param move the move
   * @return the binding
   */
  public static io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusMove move(FocusMove move) {
    var out = new io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusMove();
    if (move instanceof FocusMove.Absolute) {
      FocusMove.Absolute a = (FocusMove.Absolute) move;
      AbsoluteFocus f = new AbsoluteFocus();
      f.setPosition((float) a.position());
      f.setSpeed(a.speed() == null ? null : a.speed().floatValue());
      out.setAbsolute(f);
    } else if (move instanceof FocusMove.Relative) {
      FocusMove.Relative r = (FocusMove.Relative) move;
      RelativeFocus f = new RelativeFocus();
      f.setDistance((float) r.distance());
      f.setSpeed(r.speed() == null ? null : r.speed().floatValue());
      out.setRelative(f);
    } else {
      ContinuousFocus f = new ContinuousFocus();
      f.setSpeed((float) ((FocusMove.Continuous) move).speed());
      out.setContinuous(f);
    }
    return out;
  }

  private static FocusOptions.@Nullable Range range(@Nullable FloatRange r) {
    return r == null ? null : new FocusOptions.Range(r.getMin(), r.getMax());
  }

  private static @Nullable Double d(@Nullable Float f) {
    return f == null || f.isNaN() ? null : (double) f.floatValue();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String what) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new OnvifException(
        OnvifException.Kind.BAD_ARGUMENT, "unknown " + what + ": " + value, null, null);
  }
}
