package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.DeviceServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetHostname;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetHostnameResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetNetworkInterfaces;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetNetworkInterfacesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetScopes;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetScopesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServiceCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServices;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServicesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTimeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetWsdlUrl;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetWsdlUrlResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Service;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.SystemReboot;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.SystemRebootResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Capabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.CapabilityCategory;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DeviceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.HostnameInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IOCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IPv4Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IPv4NetworkInterface;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.MediaCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.NetworkCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.NetworkInterface;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.NetworkInterfaceInfo;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.OnvifVersion;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PrefixedIPv4Address;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.RealTimeStreamingCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Scope;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ScopeDefinition;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SecurityCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SetDateTimeType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SystemCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SystemDateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TimeZone;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The device management service (ver10 device): identity, clock, services, reboot. */
final class DeviceService {
  static final String NS_DEVICE = "http://www.onvif.org/ver10/device/wsdl";
  static final String NS_MEDIA = "http://www.onvif.org/ver10/media/wsdl";
  static final String NS_MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";
  static final String NS_PTZ = "http://www.onvif.org/ver20/ptz/wsdl";

  private final CameraState state;

  DeviceService(CameraState state) {
    this.state = state;
  }

  Handlers handlers() {
    return new Handlers(state)
        .on("getSystemDateAndTime", GetSystemDateAndTime.class, r -> systemDateAndTime())
        .on("getDeviceInformation", GetDeviceInformation.class, r -> deviceInformation())
        .on("getServices", GetServices.class, r -> services())
        .on("getServiceCapabilities", GetServiceCapabilities.class, r -> serviceCapabilities())
        .on("getCapabilities", GetCapabilities.class, this::capabilities)
        .on("getScopes", GetScopes.class, r -> scopes())
        .on("getNetworkInterfaces", GetNetworkInterfaces.class, r -> networkInterfaces())
        .on("getHostname", GetHostname.class, r -> hostname())
        .on("getWsdlUrl", GetWsdlUrl.class, r -> wsdlUrl())
        .on("systemReboot", SystemReboot.class, r -> reboot());
  }

  private GetSystemDateAndTimeResponse systemDateAndTime() {
    Instant now = state.cameraNow();
    SystemDateTime t = new SystemDateTime();
    t.setDateTimeType(SetDateTimeType.MANUAL);
    t.setDaylightSavings(false);
    TimeZone tz = new TimeZone();
    tz.setTZ("UTC0");
    t.setTimeZone(tz);
    t.setUTCDateTime(Xml.dateTime(now));
    t.setLocalDateTime(Xml.dateTime(now));
    GetSystemDateAndTimeResponse r = new GetSystemDateAndTimeResponse();
    r.setSystemDateAndTime(t);
    return r;
  }

  private GetDeviceInformationResponse deviceInformation() {
    CameraConfig c = state.config();
    GetDeviceInformationResponse r = new GetDeviceInformationResponse();
    r.setManufacturer(c.manufacturer());
    r.setModel(c.model());
    r.setFirmwareVersion(c.firmwareVersion());
    r.setSerialNumber(c.serialNumber());
    r.setHardwareId(c.hardwareId());
    return r;
  }

  private GetServicesResponse services() {
    GetServicesResponse r = new GetServicesResponse();
    r.getService().add(service(NS_DEVICE, CameraServer.DEVICE_PATH, 2, 60));
    r.getService().add(service(NS_MEDIA, CameraServer.MEDIA_PATH, 2, 60));
    r.getService().add(service(NS_MEDIA2, CameraServer.MEDIA2_PATH, 2, 60));
    r.getService().add(service(EventService.NS_EVENTS, CameraServer.EVENTS_PATH, 2, 60));
    r.getService().add(service(ImagingService.NS_IMAGING, CameraServer.IMAGING_PATH, 2, 60));
    r.getService().add(service(RecordingService.NS_RECORDING, CameraServer.RECORDING_PATH, 2, 60));
    r.getService().add(service(RecordingService.NS_SEARCH, CameraServer.SEARCH_PATH, 2, 60));
    r.getService().add(service(RecordingService.NS_REPLAY, CameraServer.REPLAY_PATH, 2, 60));
    if (state.ptz().isPresent()) {
      r.getService().add(service(NS_PTZ, CameraServer.PTZ_PATH, 2, 60));
    }
    return r;
  }

  private Service service(String ns, String path, int major, int minor) {
    Service s = new Service();
    s.setNamespace(ns);
    s.setXAddr(state.url(path));
    OnvifVersion v = new OnvifVersion();
    v.setMajor(major);
    v.setMinor(minor);
    s.setVersion(v);
    return s;
  }

  private GetServiceCapabilitiesResponse serviceCapabilities() {
    DeviceServiceCapabilities c = new DeviceServiceCapabilities();
    var net = new io.github.vpsdk.vp.onvif.internal.wsdl.device.NetworkCapabilities();
    net.setIPFilter(false);
    net.setZeroConfiguration(false);
    net.setIPVersion6(false);
    net.setDynDNS(false);
    c.setNetwork(net);
    var sec = new io.github.vpsdk.vp.onvif.internal.wsdl.device.SecurityCapabilities();
    sec.setUsernameToken(true);
    sec.setHttpDigest(false);
    c.setSecurity(sec);
    var sys = new io.github.vpsdk.vp.onvif.internal.wsdl.device.SystemCapabilities();
    sys.setDiscoveryResolve(false);
    sys.setDiscoveryBye(false);
    sys.setRemoteDiscovery(false);
    sys.setSystemBackup(false);
    sys.setSystemLogging(false);
    c.setSystem(sys);
    GetServiceCapabilitiesResponse r = new GetServiceCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private GetCapabilitiesResponse capabilities(GetCapabilities req) {
    List<CapabilityCategory> wanted = req == null ? List.of() : req.getCategory();
    boolean all = wanted.isEmpty() || wanted.contains(CapabilityCategory.ALL);
    Capabilities c = new Capabilities();
    if (all || wanted.contains(CapabilityCategory.DEVICE)) {
      DeviceCapabilities d = new DeviceCapabilities();
      d.setXAddr(state.url(CameraServer.DEVICE_PATH));
      NetworkCapabilities n = new NetworkCapabilities();
      n.setIPFilter(false);
      n.setZeroConfiguration(false);
      n.setIPVersion6(false);
      n.setDynDNS(false);
      d.setNetwork(n);
      SystemCapabilities s = new SystemCapabilities();
      OnvifVersion v = new OnvifVersion();
      v.setMajor(2);
      v.setMinor(60);
      s.getSupportedVersions().add(v);
      d.setSystem(s);
      IOCapabilities io = new IOCapabilities();
      io.setInputConnectors(0);
      io.setRelayOutputs(0);
      d.setIO(io);
      d.setSecurity(new SecurityCapabilities());
      c.setDevice(d);
    }
    if (all || wanted.contains(CapabilityCategory.MEDIA)) {
      MediaCapabilities m = new MediaCapabilities();
      m.setXAddr(state.url(CameraServer.MEDIA_PATH));
      RealTimeStreamingCapabilities rt = new RealTimeStreamingCapabilities();
      rt.setRTPMulticast(false);
      rt.setRTPTCP(true);
      rt.setRTPRTSPTCP(true);
      m.setStreamingCapabilities(rt);
      c.setMedia(m);
    }
    if (all || wanted.contains(CapabilityCategory.IMAGING)) {
      io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingCapabilities im =
          new io.github.vpsdk.vp.onvif.internal.wsdl.schema.ImagingCapabilities();
      im.setXAddr(state.url(CameraServer.IMAGING_PATH));
      c.setImaging(im);
    }
    if (all || wanted.contains(CapabilityCategory.EVENTS)) {
      io.github.vpsdk.vp.onvif.internal.wsdl.schema.EventCapabilities ev =
          new io.github.vpsdk.vp.onvif.internal.wsdl.schema.EventCapabilities();
      ev.setXAddr(state.url(CameraServer.EVENTS_PATH));
      ev.setWSSubscriptionPolicySupport(false);
      ev.setWSPullPointSupport(true);
      ev.setWSPausableSubscriptionManagerInterfaceSupport(false);
      c.setEvents(ev);
    }
    if (state.ptz().isPresent() && (all || wanted.contains(CapabilityCategory.PTZ))) {
      PTZCapabilities p = new PTZCapabilities();
      p.setXAddr(state.url(CameraServer.PTZ_PATH));
      c.setPTZ(p);
    }
    GetCapabilitiesResponse r = new GetCapabilitiesResponse();
    r.setCapabilities(c);
    return r;
  }

  private GetScopesResponse scopes() {
    GetScopesResponse r = new GetScopesResponse();
    for (String item : scopeItems(state)) {
      boolean configurable = item.contains("/name/") || item.contains("/location/");
      r.getScopes().add(scope(item, configurable ? ScopeDefinition.CONFIGURABLE : ScopeDefinition.FIXED));
    }
    return r;
  }

  /**
   * The scopes of a camera, as GetScopes and WS-Discovery announce them.
   *
   * @param state the camera
   * @return the scope URIs
   */
  static List<String> scopeItems(CameraState state) {
    CameraConfig c = state.config();
    List<String> out = new java.util.ArrayList<>();
    out.add("onvif://www.onvif.org/Profile/Streaming");
    out.add("onvif://www.onvif.org/Profile/T");
    out.add("onvif://www.onvif.org/type/video_encoder");
    if (state.ptz().isPresent()) {
      out.add("onvif://www.onvif.org/type/ptz");
    }
    out.add("onvif://www.onvif.org/hardware/" + enc(c.model()));
    out.add("onvif://www.onvif.org/name/" + enc(c.name()));
    out.add("onvif://www.onvif.org/location/simulated");
    return out;
  }

  private static Scope scope(String item, ScopeDefinition def) {
    Scope s = new Scope();
    s.setScopeItem(item);
    s.setScopeDef(def);
    return s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private GetNetworkInterfacesResponse networkInterfaces() {
    NetworkInterface n = new NetworkInterface();
    n.setToken("eth0");
    n.setEnabled(true);
    NetworkInterfaceInfo info = new NetworkInterfaceInfo();
    info.setName("eth0");
    info.setHwAddress(mac());
    info.setMTU(1500);
    n.setInfo(info);
    IPv4NetworkInterface v4 = new IPv4NetworkInterface();
    v4.setEnabled(true);
    IPv4Configuration cfg = new IPv4Configuration();
    cfg.setDHCP(false);
    PrefixedIPv4Address a = new PrefixedIPv4Address();
    a.setAddress(state.host());
    a.setPrefixLength(state.host().startsWith("127.") ? 8 : 24);
    cfg.getManual().add(a);
    v4.setConfig(cfg);
    n.setIPv4(v4);
    GetNetworkInterfacesResponse r = new GetNetworkInterfacesResponse();
    r.getNetworkInterfaces().add(n);
    return r;
  }

  /** A locally administered MAC address derived from the serial number: stable per camera. */
  private String mac() {
    int h = state.config().serialNumber().hashCode();
    return String.format(
        Locale.ROOT,
        "02:00:%02x:%02x:%02x:%02x",
        (h >>> 24) & 0xFF,
        (h >>> 16) & 0xFF,
        (h >>> 8) & 0xFF,
        h & 0xFF);
  }

  private GetHostnameResponse hostname() {
    HostnameInformation h = new HostnameInformation();
    h.setFromDHCP(false);
    h.setName(hostnameOf(state.config().name()));
    GetHostnameResponse r = new GetHostnameResponse();
    r.setHostnameInformation(h);
    return r;
  }

  /** The camera name made a valid host name label. */
  static String hostnameOf(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "camera";
    }
    return s.length() > 63 ? s.substring(0, 63) : s;
  }

  private GetWsdlUrlResponse wsdlUrl() {
    GetWsdlUrlResponse r = new GetWsdlUrlResponse();
    r.setWsdlUrl("http://www.onvif.org/Documents/Specifications.aspx");
    return r;
  }

  private SystemRebootResponse reboot() {
    long seconds = state.config().rebootDowntime().toSeconds();
    state.reboot();
    SystemRebootResponse r = new SystemRebootResponse();
    r.setMessage("Rebooting in " + seconds + " seconds");
    return r;
  }
}
