package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Capabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetImagingSettingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetMoveOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetMoveOptionsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetOptionsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetServiceCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.GetStatusResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Move;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.MoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.SetImagingSettings;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.SetImagingSettingsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.Stop;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.StopResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AbsoluteFocus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AbsoluteFocusOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.AutoFocusMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ContinuousFocusOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Exposure20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ExposureMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusConfiguration20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.FocusStatus20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingSettings20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingStatus20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IrCutFilterMode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveOptions20;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelativeFocus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RelativeFocusOptions20;
import org.jspecify.annotations.Nullable;

/**
 * The imaging service (ver20 imaging) of the one video source: image settings, their options,
 * and the focus (GetMoveOptions, Move, Stop, GetStatus).
 */
final class ImagingService {
  static final String NS_IMAGING = "http://www.onvif.org/ver20/imaging/wsdl";

  private final CameraState state;

  ImagingService(CameraState state) {
    this.state = state;
  }

  Handlers handlers() {
    return new Handlers(state)
        .on("getServiceCapabilities", GetServiceCapabilities.class, r -> capabilities())
        .on("getImagingSettings", GetImagingSettings.class, r -> get(r == null ? null : r.getVideoSourceToken()))
        .on("setImagingSettings", SetImagingSettings.class, this::set)
        .on("getOptions", GetOptions.class, r -> options(r == null ? null : r.getVideoSourceToken()))
        .on("getMoveOptions", GetMoveOptions.class, r -> moveOptions(r == null ? null : r.getVideoSourceToken()))
        .on("move", Move.class, this::move)
        .on("stop", Stop.class, r -> stop(r == null ? null : r.getVideoSourceToken()))
        .on("getStatus", GetStatus.class, r -> status(r == null ? null : r.getVideoSourceToken()));
  }

  private static void source(@Nullable String token) {
    if (!MediaService.VIDEO_SOURCE.equals(token)) {
      throw SoapFaults.invalidArg("NoSource", "Unknown video source: " + token);
    }
  }

  private GetServiceCapabilitiesResponse capabilities() {
    Capabilities c = new Capabilities();
    c.setImageStabilization(false);
    c.setPresets(false);
    c.setAdaptablePreset(false);
    GetServiceCapabilitiesResponse r = new GetServiceCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private GetImagingSettingsResponse get(@Nullable String token) {
    source(token);
    ImagingState.Settings s = state.imaging().settings();
    ImagingSettings20 out = new ImagingSettings20();
    out.setBrightness(s.brightness());
    out.setContrast(s.contrast());
    out.setColorSaturation(s.saturation());
    out.setSharpness(s.sharpness());
    out.setIrCutFilter(IrCutFilterMode.fromValue(s.irCut()));
    Exposure20 e = new Exposure20();
    e.setMode(ExposureMode.fromValue(s.exposure()));
    out.setExposure(e);
    FocusConfiguration20 f = new FocusConfiguration20();
    f.setAutoFocusMode(AutoFocusMode.fromValue(s.focusMode()));
    f.setDefaultSpeed(s.focusSpeed());
    out.setFocus(f);
    GetImagingSettingsResponse r = new GetImagingSettingsResponse();
    r.setImagingSettings(out);
    return r;
  }

  private SetImagingSettingsResponse set(SetImagingSettings req) {
    source(req == null ? null : req.getVideoSourceToken());
    ImagingSettings20 in = req.getImagingSettings();
    if (in == null) {
      throw SoapFaults.invalidArg("SettingsInvalid", "No imaging settings");
    }
    ImagingState.Settings s = state.imaging().settings();
    float brightness = level(in.getBrightness(), s.brightness(), "Brightness");
    float contrast = level(in.getContrast(), s.contrast(), "Contrast");
    float saturation = level(in.getColorSaturation(), s.saturation(), "ColorSaturation");
    float sharpness = level(in.getSharpness(), s.sharpness(), "Sharpness");
    String irCut = in.getIrCutFilter() == null ? s.irCut() : in.getIrCutFilter().value();
    String exposure =
        in.getExposure() == null || in.getExposure().getMode() == null
            ? s.exposure()
            : in.getExposure().getMode().value();
    String focusMode = s.focusMode();
    float focusSpeed = s.focusSpeed();
    if (in.getFocus() != null) {
      if (in.getFocus().getAutoFocusMode() != null) {
        focusMode = in.getFocus().getAutoFocusMode().value();
      }
      if (in.getFocus().getDefaultSpeed() != null) {
        float v = in.getFocus().getDefaultSpeed();
        if (!(v > 0 && v <= ImagingState.FOCUS_SPEED_MAX)) {
          throw SoapFaults.invalidArg("SettingsInvalid", "Focus DefaultSpeed out of range");
        }
        focusSpeed = v;
      }
    }
    boolean persist = req.isForcePersistence() == null || req.isForcePersistence();
    state.imaging()
        .settings(
            new ImagingState.Settings(
                brightness, contrast, saturation, sharpness, irCut, exposure, focusMode, focusSpeed),
            persist);
    return new SetImagingSettingsResponse();
  }

  private static float level(@Nullable Float value, float old, String what) {
    if (value == null) {
      return old;
    }
    if (!(value >= ImagingState.LEVEL_MIN && value <= ImagingState.LEVEL_MAX)) {
      throw SoapFaults.invalidArg("SettingsInvalid", what + " out of range");
    }
    return value;
  }

  private GetOptionsResponse options(@Nullable String token) {
    source(token);
    ImagingOptions20 o = new ImagingOptions20();
    o.setBrightness(Xml.range(ImagingState.LEVEL_MIN, ImagingState.LEVEL_MAX));
    o.setContrast(Xml.range(ImagingState.LEVEL_MIN, ImagingState.LEVEL_MAX));
    o.setColorSaturation(Xml.range(ImagingState.LEVEL_MIN, ImagingState.LEVEL_MAX));
    o.setSharpness(Xml.range(ImagingState.LEVEL_MIN, ImagingState.LEVEL_MAX));
    o.getIrCutFilterModes().add(IrCutFilterMode.ON);
    o.getIrCutFilterModes().add(IrCutFilterMode.OFF);
    o.getIrCutFilterModes().add(IrCutFilterMode.AUTO);
    FocusOptions20 f = new FocusOptions20();
    f.getAutoFocusModes().add(AutoFocusMode.AUTO);
    f.getAutoFocusModes().add(AutoFocusMode.MANUAL);
    f.setDefaultSpeed(Xml.range(0.1, ImagingState.FOCUS_SPEED_MAX));
    o.setFocus(f);
    GetOptionsResponse r = new GetOptionsResponse();
    r.setImagingOptions(o);
    return r;
  }

  private GetMoveOptionsResponse moveOptions(@Nullable String token) {
    source(token);
    MoveOptions20 o = new MoveOptions20();
    AbsoluteFocusOptions a = new AbsoluteFocusOptions();
    a.setPosition(Xml.range(0, 1));
    a.setSpeed(Xml.range(0.1, ImagingState.FOCUS_SPEED_MAX));
    o.setAbsolute(a);
    RelativeFocusOptions20 rel = new RelativeFocusOptions20();
    rel.setDistance(Xml.range(-1, 1));
    rel.setSpeed(Xml.range(0.1, ImagingState.FOCUS_SPEED_MAX));
    o.setRelative(rel);
    ContinuousFocusOptions c = new ContinuousFocusOptions();
    c.setSpeed(Xml.range(-ImagingState.FOCUS_SPEED_MAX, ImagingState.FOCUS_SPEED_MAX));
    o.setContinuous(c);
    GetMoveOptionsResponse r = new GetMoveOptionsResponse();
    r.setMoveOptions(o);
    return r;
  }

  private MoveResponse move(Move req) {
    source(req == null ? null : req.getVideoSourceToken());
    FocusMove m = req.getFocus();
    if (m == null) {
      throw SoapFaults.invalidArg("SettingsInvalid", "No focus move");
    }
    ImagingState lens = state.imaging();
    float defaultSpeed = lens.settings().focusSpeed();
    if (m.getAbsolute() != null) {
      AbsoluteFocus a = m.getAbsolute();
      double to = finite(a.getPosition());
      if (to < 0 || to > 1) {
        throw SoapFaults.invalidArg("SettingsInvalid", "Focus position out of range");
      }
      lens.moveTo(to, speed(a.getSpeed(), defaultSpeed));
    } else if (m.getRelative() != null) {
      RelativeFocus rel = m.getRelative();
      double d = finite(rel.getDistance());
      if (d < -1 || d > 1) {
        throw SoapFaults.invalidArg("SettingsInvalid", "Focus distance out of range");
      }
      lens.moveTo(Math.max(0, Math.min(1, lens.focusPosition() + d)), speed(rel.getSpeed(), defaultSpeed));
    } else if (m.getContinuous() != null) {
      double v = finite(m.getContinuous().getSpeed());
      if (v < -ImagingState.FOCUS_SPEED_MAX || v > ImagingState.FOCUS_SPEED_MAX) {
        throw SoapFaults.invalidArg("SettingsInvalid", "Focus speed out of range");
      }
      lens.moveContinuously(v);
    } else {
      throw SoapFaults.invalidArg("SettingsInvalid", "Empty focus move");
    }
    return new MoveResponse();
  }

  private static double speed(@Nullable Float requested, float defaultSpeed) {
    if (requested == null) {
      return defaultSpeed;
    }
    double v = finite(requested);
    if (v <= 0 || v > ImagingState.FOCUS_SPEED_MAX) {
      throw SoapFaults.invalidArg("SettingsInvalid", "Focus speed out of range");
    }
    return v;
  }

  private static double finite(float f) {
    if (!Float.isFinite(f)) {
      throw SoapFaults.invalidArg("SettingsInvalid", "not a finite number");
    }
    return f;
  }

  private StopResponse stop(@Nullable String token) {
    source(token);
    state.imaging().stop();
    return new StopResponse();
  }

  private GetStatusResponse status(@Nullable String token) {
    source(token);
    FocusStatus20 f = new FocusStatus20();
    ImagingState lens = state.imaging();
    boolean moving = lens.focusMoving();
    f.setPosition((float) lens.focusPosition());
    f.setMoveStatus(moving ? MoveStatus.MOVING : MoveStatus.IDLE);
    f.setError("");
    ImagingStatus20 s = new ImagingStatus20();
    s.setFocusStatus20(f);
    GetStatusResponse r = new GetStatusResponse();
    r.setStatus(s);
    return r;
  }
}
