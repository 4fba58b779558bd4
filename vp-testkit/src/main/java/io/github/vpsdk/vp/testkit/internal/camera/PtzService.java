package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.AbsoluteMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.AbsoluteMoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.Capabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.ContinuousMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.ContinuousMoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfigurationOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfigurationOptionsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfigurationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfigurations;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetConfigurationsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetNode;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetNodeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetNodes;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetNodesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetPresets;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetPresetsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetServiceCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetStatusResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoHomePosition;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoHomePositionResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoPresetResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RelativeMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RelativeMoveResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RemovePreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RemovePresetResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetHomePosition;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetHomePositionResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPresetResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.Stop;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.StopResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DurationRange;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MoveStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZConfigurationOptions;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZMoveStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZNode;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZSpaces;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZSpeed;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PanTiltLimits;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector1D;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector2D;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ZoomLimits;
import io.github.vpsdk.vp.testkit.camera.PtzSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The PTZ service (ver20): one node, one configuration shared by every profile, presets, home. */
final class PtzService {
  static final String NODE = "PTZNode_1";
  static final String CONFIG = "PTZConfig_1";
  private static final String SPACES = "http://www.onvif.org/ver10/tptz/";
  static final String ABS_PT = SPACES + "PanTiltSpaces/PositionGenericSpace";
  static final String ABS_Z = SPACES + "ZoomSpaces/PositionGenericSpace";
  static final String REL_PT = SPACES + "PanTiltSpaces/TranslationGenericSpace";
  static final String REL_Z = SPACES + "ZoomSpaces/TranslationGenericSpace";
  static final String VEL_PT = SPACES + "PanTiltSpaces/VelocityGenericSpace";
  static final String VEL_Z = SPACES + "ZoomSpaces/VelocityGenericSpace";
  static final String SPEED_PT = SPACES + "PanTiltSpaces/GenericSpeedSpace";
  static final String SPEED_Z = SPACES + "ZoomSpaces/ZoomGenericSpeedSpace";

  private final CameraState state;

  PtzService(CameraState state) {
    this.state = state;
  }

  Handlers handlers() {
    return new Handlers(state)
        .on("getServiceCapabilities", GetServiceCapabilities.class, r -> capabilities())
        .on("getNodes", GetNodes.class, r -> nodes())
        .on("getNode", GetNode.class, this::node)
        .on("getConfigurations", GetConfigurations.class, r -> configurations())
        .on("getConfiguration", GetConfiguration.class, this::configuration)
        .on("getConfigurationOptions", GetConfigurationOptions.class, this::options)
        .on("continuousMove", ContinuousMove.class, this::continuousMove)
        .on("absoluteMove", AbsoluteMove.class, this::absoluteMove)
        .on("relativeMove", RelativeMove.class, this::relativeMove)
        .on("stop", Stop.class, this::stop)
        .on("getStatus", GetStatus.class, this::status)
        .on("getPresets", GetPresets.class, this::presets)
        .on("setPreset", SetPreset.class, this::setPreset)
        .on("removePreset", RemovePreset.class, this::removePreset)
        .on("gotoPreset", GotoPreset.class, this::gotoPreset)
        .on("gotoHomePosition", GotoHomePosition.class, this::gotoHome)
        .on("setHomePosition", SetHomePosition.class, this::setHome);
  }

  private PtzHead head() {
    return state.ptz().orElseThrow(() -> SoapFaults.actionNotSupported("PTZ"));
  }

  /** The PTZ configuration every profile carries, or {@code null} without PTZ. */
  @Nullable PTZConfiguration configuration() {
    if (state.ptz().isEmpty()) {
      return null;
    }
    PtzSettings s = state.ptz().get().settings();
    PTZConfiguration c = new PTZConfiguration();
    c.setToken(CONFIG);
    c.setName("PTZConfig");
    c.setUseCount(state.config().profiles().size());
    c.setNodeToken(NODE);
    c.setDefaultAbsolutePantTiltPositionSpace(ABS_PT);
    c.setDefaultAbsoluteZoomPositionSpace(ABS_Z);
    c.setDefaultRelativePanTiltTranslationSpace(REL_PT);
    c.setDefaultRelativeZoomTranslationSpace(REL_Z);
    c.setDefaultContinuousPanTiltVelocitySpace(VEL_PT);
    c.setDefaultContinuousZoomVelocitySpace(VEL_Z);
    PTZSpeed speed = new PTZSpeed();
    Vector2D pt = new Vector2D();
    pt.setX(1);
    pt.setY(1);
    pt.setSpace(SPEED_PT);
    speed.setPanTilt(pt);
    Vector1D z = new Vector1D();
    z.setX(1);
    z.setSpace(SPEED_Z);
    speed.setZoom(z);
    c.setDefaultPTZSpeed(speed);
    c.setDefaultPTZTimeout(Xml.duration(s.defaultTimeout()));
    PanTiltLimits ptl = new PanTiltLimits();
    ptl.setRange(Xml.space2(ABS_PT, s.pan().min(), s.pan().max(), s.tilt().min(), s.tilt().max()));
    c.setPanTiltLimits(ptl);
    ZoomLimits zl = new ZoomLimits();
    zl.setRange(Xml.space1(ABS_Z, s.zoom().min(), s.zoom().max()));
    c.setZoomLimits(zl);
    return c;
  }

  private GetServiceCapabilitiesResponse capabilities() {
    Capabilities c = new Capabilities();
    c.setEFlip(false);
    c.setReverse(false);
    c.setGetCompatibleConfigurations(false);
    c.setMoveStatus(true);
    c.setStatusPosition(true);
    GetServiceCapabilitiesResponse r = new GetServiceCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private PTZNode node() {
    PtzSettings s = head().settings();
    PTZNode n = new PTZNode();
    n.setToken(NODE);
    n.setName("PTZ");
    n.setFixedHomePosition(false);
    n.setHomeSupported(true);
    n.setMaximumNumberOfPresets(CameraState.MAX_PRESETS);
    PTZSpaces sp = new PTZSpaces();
    sp.getAbsolutePanTiltPositionSpace()
        .add(Xml.space2(ABS_PT, s.pan().min(), s.pan().max(), s.tilt().min(), s.tilt().max()));
    sp.getAbsoluteZoomPositionSpace().add(Xml.space1(ABS_Z, s.zoom().min(), s.zoom().max()));
    sp.getRelativePanTiltTranslationSpace().add(Xml.space2(REL_PT, -1, 1, -1, 1));
    sp.getRelativeZoomTranslationSpace().add(Xml.space1(REL_Z, -1, 1));
    sp.getContinuousPanTiltVelocitySpace().add(Xml.space2(VEL_PT, -1, 1, -1, 1));
    sp.getContinuousZoomVelocitySpace().add(Xml.space1(VEL_Z, -1, 1));
    sp.getPanTiltSpeedSpace().add(Xml.space1(SPEED_PT, 0, 1));
    sp.getZoomSpeedSpace().add(Xml.space1(SPEED_Z, 0, 1));
    n.setSupportedPTZSpaces(sp);
    return n;
  }

  private GetNodesResponse nodes() {
    GetNodesResponse r = new GetNodesResponse();
    r.getPTZNode().add(node());
    return r;
  }

  private GetNodeResponse node(GetNode req) {
    if (!NODE.equals(req.getNodeToken())) {
      throw SoapFaults.invalidArg("NoEntity", "no such PTZ node");
    }
    GetNodeResponse r = new GetNodeResponse();
    r.setPTZNode(node());
    return r;
  }

  private GetConfigurationsResponse configurations() {
    head();
    GetConfigurationsResponse r = new GetConfigurationsResponse();
    r.getPTZConfiguration().add(configuration());
    return r;
  }

  private GetConfigurationResponse configuration(GetConfiguration req) {
    head();
    if (!CONFIG.equals(req.getPTZConfigurationToken())) {
      throw SoapFaults.invalidArg("NoConfig", "no such PTZ configuration");
    }
    GetConfigurationResponse r = new GetConfigurationResponse();
    r.setPTZConfiguration(configuration());
    return r;
  }

  private GetConfigurationOptionsResponse options(GetConfigurationOptions req) {
    if (!CONFIG.equals(req.getConfigurationToken())) {
      throw SoapFaults.invalidArg("NoConfig", "no such PTZ configuration");
    }
    PTZConfigurationOptions o = new PTZConfigurationOptions();
    o.setSpaces(node().getSupportedPTZSpaces());
    DurationRange t = new DurationRange();
    t.setMin(Xml.duration(Duration.ofSeconds(1)));
    t.setMax(Xml.duration(Duration.ofMinutes(10)));
    o.setPTZTimeout(t);
    GetConfigurationOptionsResponse r = new GetConfigurationOptionsResponse();
    r.setPTZConfigurationOptions(o);
    return r;
  }

  private void profile(@Nullable String token) {
    head();
    if (state.profile(token).isEmpty()) {
      throw SoapFaults.invalidArg("NoProfile", "no such profile");
    }
  }

  private ContinuousMoveResponse continuousMove(ContinuousMove req) {
    profile(req.getProfileToken());
    PTZSpeed v = req.getVelocity();
    if (v == null) {
      throw SoapFaults.invalidArg("InvalidVelocity", "no velocity");
    }
    Duration timeout = req.getTimeout() == null ? null : Xml.duration(req.getTimeout());
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw SoapFaults.invalidArg("TimeoutNotSupported", "timeout must be positive");
    }
    head().continuousMove(Xml.x(v.getPanTilt()), Xml.y(v.getPanTilt()), Xml.x(v.getZoom()), timeout);
    return new ContinuousMoveResponse();
  }

  private AbsoluteMoveResponse absoluteMove(AbsoluteMove req) {
    profile(req.getProfileToken());
    if (req.getPosition() == null) {
      throw SoapFaults.invalidArg("InvalidPosition", "no position");
    }
    PtzSettings s = head().settings();
    Double pan = Xml.x(req.getPosition().getPanTilt());
    Double tilt = Xml.y(req.getPosition().getPanTilt());
    Double zoom = Xml.x(req.getPosition().getZoom());
    if (outside(pan, s.pan()) || outside(tilt, s.tilt()) || outside(zoom, s.zoom())) {
      throw SoapFaults.invalidArg("InvalidPosition", "position outside the PTZ limits");
    }
    moveTo(pan, tilt, zoom, req.getSpeed());
    return new AbsoluteMoveResponse();
  }

  private static boolean outside(@Nullable Double v, PtzSettings.Axis axis) {
    return v != null && (v < axis.min() - 1e-6 || v > axis.max() + 1e-6);
  }

  private RelativeMoveResponse relativeMove(RelativeMove req) {
    profile(req.getProfileToken());
    if (req.getTranslation() == null) {
      throw SoapFaults.invalidArg("InvalidTranslation", "no translation");
    }
    PtzVector here = head().position();
    Double dp = Xml.x(req.getTranslation().getPanTilt());
    Double dt = Xml.y(req.getTranslation().getPanTilt());
    Double dz = Xml.x(req.getTranslation().getZoom());
    moveTo(
        dp == null ? null : here.pan() + dp,
        dt == null ? null : here.tilt() + dt,
        dz == null ? null : here.zoom() + dz,
        req.getSpeed());
    return new RelativeMoveResponse();
  }

  private void moveTo(@Nullable Double pan, @Nullable Double tilt, @Nullable Double zoom, @Nullable PTZSpeed speed) {
    double pt = 1;
    double z = 1;
    if (speed != null) {
      Double sx = Xml.x(speed.getPanTilt());
      Double sy = Xml.y(speed.getPanTilt());
      if (sx != null && sy != null && (sx != 0 || sy != 0)) {
        pt = Math.max(Math.abs(sx), Math.abs(sy));
      }
      Double sz = Xml.x(speed.getZoom());
      if (sz != null && sz != 0) {
        z = Math.abs(sz);
      }
    }
    head().moveTo(pan, tilt, zoom, pt, z);
  }

  private StopResponse stop(Stop req) {
    profile(req.getProfileToken());
    boolean pt = req.isPanTilt() == null || req.isPanTilt();
    boolean z = req.isZoom() == null || req.isZoom();
    head().stop(pt, z);
    return new StopResponse();
  }

  private GetStatusResponse status(GetStatus req) {
    profile(req.getProfileToken());
    PtzHead h = head();
    PTZStatus st = new PTZStatus();
    st.setPosition(Xml.vector(h.position(), ABS_PT, ABS_Z));
    PTZMoveStatus ms = new PTZMoveStatus();
    ms.setPanTilt(h.panTiltMoving() ? MoveStatus.MOVING : MoveStatus.IDLE);
    ms.setZoom(h.zoomMoving() ? MoveStatus.MOVING : MoveStatus.IDLE);
    st.setMoveStatus(ms);
    st.setUtcTime(Xml.calendar(state.cameraNow()));
    GetStatusResponse r = new GetStatusResponse();
    r.setPTZStatus(st);
    return r;
  }

  private GetPresetsResponse presets(GetPresets req) {
    profile(req.getProfileToken());
    GetPresetsResponse r = new GetPresetsResponse();
    for (PtzPreset p : state.presets()) {
      PTZPreset out = new PTZPreset();
      out.setToken(p.token());
      out.setName(p.name());
      if (p.position() != null) {
        out.setPTZPosition(Xml.vector(p.position(), ABS_PT, ABS_Z));
      }
      r.getPreset().add(out);
    }
    return r;
  }

  private SetPresetResponse setPreset(SetPreset req) {
    profile(req.getProfileToken());
    String token = req.getPresetToken() == null || req.getPresetToken().isEmpty() ? null : req.getPresetToken();
    String name = req.getPresetName();
    if (name != null && state.presetNameTaken(name, token)) {
      throw SoapFaults.invalidArg("PresetExist", "a preset with this name exists");
    }
    if (head().panTiltMoving() || head().zoomMoving()) {
      throw SoapFaults.action("MovingPTZ", "cannot store a preset while moving");
    }
    String stored =
        state
            .putPreset(token, name, head().position())
            .orElseThrow(
                () ->
                    token != null
                        ? SoapFaults.invalidArg("NoToken", "no such preset")
                        : SoapFaults.action("TooManyPresets", "no room for another preset"));
    SetPresetResponse r = new SetPresetResponse();
    r.setPresetToken(stored);
    return r;
  }

  private RemovePresetResponse removePreset(RemovePreset req) {
    profile(req.getProfileToken());
    if (!state.removePreset(req.getPresetToken())) {
      throw SoapFaults.invalidArg("NoToken", "no such preset");
    }
    return new RemovePresetResponse();
  }

  private GotoPresetResponse gotoPreset(GotoPreset req) {
    profile(req.getProfileToken());
    PtzPreset p =
        state.preset(req.getPresetToken()).orElseThrow(() -> SoapFaults.invalidArg("NoToken", "no such preset"));
    PtzVector to = p.position() == null ? state.home() : p.position();
    moveTo(to.pan(), to.tilt(), to.zoom(), req.getSpeed());
    return new GotoPresetResponse();
  }

  private GotoHomePositionResponse gotoHome(GotoHomePosition req) {
    profile(req.getProfileToken());
    PtzVector to = state.home();
    moveTo(to.pan(), to.tilt(), to.zoom(), req.getSpeed());
    return new GotoHomePositionResponse();
  }

  private SetHomePositionResponse setHome(SetHomePosition req) {
    profile(req.getProfileToken());
    state.home(head().position());
    return new SetHomePositionResponse();
  }
}
