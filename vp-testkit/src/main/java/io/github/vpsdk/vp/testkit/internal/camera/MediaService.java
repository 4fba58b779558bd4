package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfile;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfileResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfiles;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfilesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetServiceCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetSnapshotUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetSnapshotUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoEncoderConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoEncoderConfigurationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoEncoderConfigurations;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoEncoderConfigurationsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSourceConfigurations;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSourceConfigurationsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSources;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetVideoSourcesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.ConfigurationSet;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.MediaProfile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.H264Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.H264Profile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IntRectangle;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MediaUri;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Profile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoder2Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoderConfiguration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoding;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoRateControl;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoRateControl2;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoResolution;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoResolution2;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoSource;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoSourceConfiguration;
import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The media services, ver10 (Media1) and ver20 (Media2), over the same profiles. */
final class MediaService {
  static final String VIDEO_SOURCE = "VideoSource_1";
  static final String VIDEO_SOURCE_CONFIG = "VideoSourceConfig_1";

  private final CameraState state;
  private final PtzService ptz;

  MediaService(CameraState state, PtzService ptz) {
    this.state = state;
    this.ptz = ptz;
  }

  // ------------------------------------------------------------------ Media1

  Handlers media1() {
    return new Handlers(state)
        .on("getServiceCapabilities", GetServiceCapabilities.class, r -> capabilities1())
        .on("getProfiles", GetProfiles.class, r -> profiles1())
        .on("getProfile", GetProfile.class, this::profile1)
        .on("getVideoSources", GetVideoSources.class, r -> videoSources())
        .on("getVideoSourceConfigurations", GetVideoSourceConfigurations.class, r -> sourceConfigs1())
        .on("getVideoEncoderConfigurations", GetVideoEncoderConfigurations.class, r -> encoders1())
        .on("getVideoEncoderConfiguration", GetVideoEncoderConfiguration.class, this::encoder1)
        .on("getStreamUri", GetStreamUri.class, this::streamUri1)
        .on("getSnapshotUri", GetSnapshotUri.class, this::snapshotUri1);
  }

  private GetServiceCapabilitiesResponse capabilities1() {
    var c = new io.github.vpsdk.vp.onvif.internal.wsdl.media.Capabilities();
    var pc = new io.github.vpsdk.vp.onvif.internal.wsdl.media.ProfileCapabilities();
    pc.setMaximumNumberOfProfiles(state.config().profiles().size());
    c.setProfileCapabilities(pc);
    var sc = new io.github.vpsdk.vp.onvif.internal.wsdl.media.StreamingCapabilities();
    sc.setRTPMulticast(false);
    sc.setRTPTCP(true);
    sc.setRTPRTSPTCP(true);
    c.setStreamingCapabilities(sc);
    c.setSnapshotUri(true);
    GetServiceCapabilitiesResponse r = new GetServiceCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private GetProfilesResponse profiles1() {
    GetProfilesResponse r = new GetProfilesResponse();
    for (CameraProfile p : state.config().profiles()) {
      r.getProfiles().add(profile1(p));
    }
    return r;
  }

  private GetProfileResponse profile1(GetProfile req) {
    GetProfileResponse r = new GetProfileResponse();
    r.setProfile(profile1(profile(req.getProfileToken())));
    return r;
  }

  private Profile profile1(CameraProfile p) {
    Profile out = new Profile();
    out.setToken(p.token());
    out.setFixed(true);
    out.setName(p.name());
    out.setVideoSourceConfiguration(sourceConfig());
    out.setVideoEncoderConfiguration(encoder1(p));
    out.setPTZConfiguration(ptz.configuration());
    return out;
  }

  private GetVideoSourcesResponse videoSources() {
    VideoSource s = new VideoSource();
    s.setToken(VIDEO_SOURCE);
    s.setFramerate(maxFrameRate());
    VideoResolution res = new VideoResolution();
    res.setWidth(maxWidth());
    res.setHeight(maxHeight());
    s.setResolution(res);
    GetVideoSourcesResponse r = new GetVideoSourcesResponse();
    r.getVideoSources().add(s);
    return r;
  }

  private GetVideoSourceConfigurationsResponse sourceConfigs1() {
    GetVideoSourceConfigurationsResponse r = new GetVideoSourceConfigurationsResponse();
    r.getConfigurations().add(sourceConfig());
    return r;
  }

  private VideoSourceConfiguration sourceConfig() {
    VideoSourceConfiguration c = new VideoSourceConfiguration();
    c.setToken(VIDEO_SOURCE_CONFIG);
    c.setName("VideoSourceConfig");
    c.setUseCount(state.config().profiles().size());
    c.setSourceToken(VIDEO_SOURCE);
    IntRectangle b = new IntRectangle();
    b.setX(0);
    b.setY(0);
    b.setWidth(maxWidth());
    b.setHeight(maxHeight());
    c.setBounds(b);
    return c;
  }

  private GetVideoEncoderConfigurationsResponse encoders1() {
    GetVideoEncoderConfigurationsResponse r = new GetVideoEncoderConfigurationsResponse();
    for (CameraProfile p : state.config().profiles()) {
      VideoEncoderConfiguration e = encoder1(p);
      if (e != null) {
        r.getConfigurations().add(e);
      }
    }
    return r;
  }

  private GetVideoEncoderConfigurationResponse encoder1(GetVideoEncoderConfiguration req) {
    for (CameraProfile p : state.config().profiles()) {
      if (encoderToken(p).equals(req.getConfigurationToken()) && encoder1(p) != null) {
        GetVideoEncoderConfigurationResponse r = new GetVideoEncoderConfigurationResponse();
        r.setConfiguration(encoder1(p));
        return r;
      }
    }
    throw SoapFaults.invalidArg("NoConfig", "no such video encoder configuration");
  }

  /** Media1 knows no H.265: such a profile has no video encoder there, as on real cameras. */
  private @Nullable VideoEncoderConfiguration encoder1(CameraProfile p) {
    VideoEncoding enc =
        p.encoding().equals("H264") ? VideoEncoding.H_264 : p.encoding().equals("JPEG") ? VideoEncoding.JPEG : null;
    if (enc == null) {
      return null;
    }
    VideoEncoderConfiguration e = new VideoEncoderConfiguration();
    e.setToken(encoderToken(p));
    e.setName(p.name());
    e.setUseCount(1);
    e.setEncoding(enc);
    VideoResolution res = new VideoResolution();
    res.setWidth(p.width());
    res.setHeight(p.height());
    e.setResolution(res);
    e.setQuality(4);
    VideoRateControl rc = new VideoRateControl();
    rc.setFrameRateLimit(p.frameRate());
    rc.setEncodingInterval(1);
    rc.setBitrateLimit(bitrate(p));
    e.setRateControl(rc);
    if (enc == VideoEncoding.H_264) {
      H264Configuration h = new H264Configuration();
      h.setGovLength(p.frameRate() * 2);
      h.setH264Profile(H264Profile.MAIN);
      e.setH264(h);
    }
    e.setSessionTimeout(Xml.duration(Duration.ofMinutes(1)));
    return e;
  }

  private GetStreamUriResponse streamUri1(GetStreamUri req) {
    MediaUri u = new MediaUri();
    u.setUri(streamUri(profile(req.getProfileToken())));
    u.setInvalidAfterConnect(false);
    u.setInvalidAfterReboot(false);
    u.setTimeout(Xml.duration(Duration.ZERO));
    GetStreamUriResponse r = new GetStreamUriResponse();
    r.setMediaUri(u);
    return r;
  }

  private GetSnapshotUriResponse snapshotUri1(GetSnapshotUri req) {
    MediaUri u = new MediaUri();
    u.setUri(snapshotUri(profile(req.getProfileToken())));
    u.setInvalidAfterConnect(false);
    u.setInvalidAfterReboot(false);
    u.setTimeout(Xml.duration(Duration.ZERO));
    GetSnapshotUriResponse r = new GetSnapshotUriResponse();
    r.setMediaUri(u);
    return r;
  }

  // ------------------------------------------------------------------ Media2

  Handlers media2() {
    return new Handlers(state)
        .on("getServiceCapabilities", io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetServiceCapabilities.class, r -> capabilities2())
        .on("getProfiles", io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfiles.class, this::profiles2)
        .on("getVideoSourceConfigurations", GetConfiguration.class, r -> sourceConfigs2())
        .on("getVideoEncoderConfigurations", GetConfiguration.class, this::encoders2)
        .on("getStreamUri", io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUri.class, this::streamUri2)
        .on("getSnapshotUri", io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUri.class, this::snapshotUri2);
  }

  private Object capabilities2() {
    var c = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.Capabilities2();
    var pc = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.ProfileCapabilities();
    pc.setMaximumNumberOfProfiles(state.config().profiles().size());
    c.setProfileCapabilities(pc);
    var sc = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.StreamingCapabilities();
    sc.setRTSPStreaming(true);
    sc.setRTPMulticast(false);
    sc.setRTPRTSPTCP(true);
    c.setStreamingCapabilities(sc);
    c.setSnapshotUri(true);
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetServiceCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private Object profiles2(io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfiles req) {
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfilesResponse();
    String only = req == null ? null : req.getToken();
    for (CameraProfile p : state.config().profiles()) {
      if (only != null && !only.equals(p.token())) {
        continue;
      }
      MediaProfile out = new MediaProfile();
      out.setToken(p.token());
      out.setFixed(true);
      out.setName(p.name());
      ConfigurationSet set = new ConfigurationSet();
      set.setVideoSource(sourceConfig());
      set.setVideoEncoder(encoder2(p));
      set.setPTZ(ptz.configuration());
      out.setConfigurations(set);
      r.getProfiles().add(out);
    }
    if (only != null && r.getProfiles().isEmpty()) {
      throw SoapFaults.invalidArg("NoProfile", "no such profile");
    }
    return r;
  }

  private Object sourceConfigs2() {
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetVideoSourceConfigurationsResponse();
    r.getConfigurations().add(sourceConfig());
    return r;
  }

  private Object encoders2(GetConfiguration req) {
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetVideoEncoderConfigurationsResponse();
    for (CameraProfile p : state.config().profiles()) {
      boolean byConfig = req != null && req.getConfigurationToken() != null;
      boolean byProfile = req != null && req.getProfileToken() != null;
      if ((byConfig && !req.getConfigurationToken().equals(encoderToken(p)))
          || (byProfile && !req.getProfileToken().equals(p.token()))) {
        continue;
      }
      r.getConfigurations().add(encoder2(p));
    }
    return r;
  }

  private VideoEncoder2Configuration encoder2(CameraProfile p) {
    VideoEncoder2Configuration e = new VideoEncoder2Configuration();
    e.setToken(encoderToken(p));
    e.setName(p.name());
    e.setUseCount(1);
    e.setEncoding(p.encoding());
    VideoResolution2 res = new VideoResolution2();
    res.setWidth(p.width());
    res.setHeight(p.height());
    e.setResolution(res);
    VideoRateControl2 rc = new VideoRateControl2();
    rc.setFrameRateLimit(p.frameRate());
    rc.setBitrateLimit(bitrate(p));
    rc.setConstantBitRate(false);
    e.setRateControl(rc);
    e.setQuality(4);
    if (!p.encoding().equals("JPEG")) {
      e.setGovLength(p.frameRate() * 2);
      e.setProfile("Main");
    }
    return e;
  }

  private Object streamUri2(io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUri req) {
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUriResponse();
    r.setUri(streamUri(profile(req.getProfileToken())));
    return r;
  }

  private Object snapshotUri2(io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUri req) {
    var r = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUriResponse();
    r.setUri(snapshotUri(profile(req.getProfileToken())));
    return r;
  }

  // ------------------------------------------------------------------ shared

  private CameraProfile profile(@Nullable String token) {
    return state.profile(token).orElseThrow(() -> SoapFaults.invalidArg("NoProfile", "no such profile"));
  }

  private static String encoderToken(CameraProfile p) {
    return "VideoEncoder_" + p.token();
  }

  private String streamUri(CameraProfile p) {
    Integer port = state.rtspPort();
    return "rtsp://" + state.host() + (port == null ? "" : ":" + port) + "/" + p.token();
  }

  private String snapshotUri(CameraProfile p) {
    return state.url(CameraServer.SNAPSHOT_PATH + "?profile=" + URLEncoder.encode(p.token(), StandardCharsets.UTF_8));
  }

  private static int bitrate(CameraProfile p) {
    return Math.max(256, (int) ((long) p.width() * p.height() * p.frameRate() / 10_000));
  }

  private int maxWidth() {
    return state.config().profiles().stream().mapToInt(CameraProfile::width).max().orElse(640);
  }

  private int maxHeight() {
    return state.config().profiles().stream().mapToInt(CameraProfile::height).max().orElse(360);
  }

  private int maxFrameRate() {
    return state.config().profiles().stream().mapToInt(CameraProfile::frameRate).max().orElse(25);
  }

  static List<String> tokens(CameraState state) {
    return state.config().profiles().stream().map(CameraProfile::token).toList();
  }
}
