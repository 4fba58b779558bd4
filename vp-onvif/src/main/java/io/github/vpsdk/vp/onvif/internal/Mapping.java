package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.CameraTime;
import io.github.vpsdk.vp.onvif.DeviceInfo;
import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.NetworkInterfaceInfo;
import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzSpeed;
import io.github.vpsdk.vp.onvif.PtzStatus;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Service;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Capabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.DateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.IPv4Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.NetworkInterface;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZSpeed;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PTZVector;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PrefixedIPv4Address;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Profile;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SetDateTimeType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.SystemDateTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector1D;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Vector2D;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoder2Configuration;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.VideoEncoderConfiguration;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import org.jspecify.annotations.Nullable;

/** Maps generated binding objects to vp's model and back. */
public final class Mapping {
  private Mapping() {}

  /**
   * Maps GetDeviceInformation.
   *
   * @param r the response
   * @return the model
   */
  public static DeviceInfo deviceInfo(GetDeviceInformationResponse r) {
    return new DeviceInfo(
        s(r.getManufacturer()),
        s(r.getModel()),
        s(r.getFirmwareVersion()),
        s(r.getSerialNumber()),
        s(r.getHardwareId()));
  }

  /**
   * Maps GetSystemDateAndTime.
   *
   * @param t the camera's answer, or {@code null}
   * @param localMidpoint local time half way between request and response
   * @return the model
   */
  public static CameraTime cameraTime(@Nullable SystemDateTime t, Instant localMidpoint) {
    if (t == null) {
      return new CameraTime(null, Duration.ZERO, false, false, null);
    }
    Instant utc = instant(t.getUTCDateTime());
    Duration offset = utc == null ? Duration.ZERO : Duration.between(localMidpoint, utc);
    String tz = t.getTimeZone() == null ? null : t.getTimeZone().getTZ();
    return new CameraTime(
        utc, offset, t.getDateTimeType() == SetDateTimeType.NTP, t.isDaylightSavings(), tz);
  }

  /**
   * Converts an ONVIF {@code tt:DateTime} (UTC) to an instant.
   *
   * @param dt the value or {@code null}
   * @return the instant, or {@code null} if absent or invalid
   */
  public static @Nullable Instant instant(@Nullable DateTime dt) {
    if (dt == null || dt.getDate() == null || dt.getTime() == null) {
      return null;
    }
    try {
      return LocalDateTime.of(
              dt.getDate().getYear(),
              dt.getDate().getMonth(),
              dt.getDate().getDay(),
              dt.getTime().getHour(),
              dt.getTime().getMinute(),
              dt.getTime().getSecond())
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Maps GetServices to addresses by namespace.
   *
   * @param services the services
   * @return address text by namespace, in the camera's order
   */
  public static Map<String, String> services(List<Service> services) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Service s : services) {
      if (s.getNamespace() != null && s.getXAddr() != null) {
        out.putIfAbsent(s.getNamespace().trim(), s.getXAddr().trim());
      }
    }
    return out;
  }

  /**
   * Maps GetCapabilities to addresses by namespace (device, media, PTZ, events, imaging, and the
   * extension's device IO, recording, search and replay).
   *
   * @param c the capabilities, or {@code null}
   * @return address text by namespace
   */
  public static Map<String, String> capabilities(@Nullable Capabilities c) {
    Map<String, String> out = new LinkedHashMap<>();
    if (c == null) {
      return out;
    }
    if (c.getDevice() != null && c.getDevice().getXAddr() != null) {
      out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.DEVICE, c.getDevice().getXAddr().trim());
    }
    if (c.getMedia() != null && c.getMedia().getXAddr() != null) {
      out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.MEDIA, c.getMedia().getXAddr().trim());
    }
    if (c.getPTZ() != null && c.getPTZ().getXAddr() != null) {
      out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.PTZ, c.getPTZ().getXAddr().trim());
    }
    if (c.getEvents() != null && c.getEvents().getXAddr() != null) {
      out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.EVENTS, c.getEvents().getXAddr().trim());
    }
    if (c.getImaging() != null && c.getImaging().getXAddr() != null) {
      out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.IMAGING, c.getImaging().getXAddr().trim());
    }
    var x = c.getExtension();
    if (x != null) {
      if (x.getDeviceIO() != null && x.getDeviceIO().getXAddr() != null) {
        out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.DEVICE_IO, x.getDeviceIO().getXAddr().trim());
      }
      if (x.getRecording() != null && x.getRecording().getXAddr() != null) {
        out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.RECORDING, x.getRecording().getXAddr().trim());
      }
      if (x.getSearch() != null && x.getSearch().getXAddr() != null) {
        out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.SEARCH, x.getSearch().getXAddr().trim());
      }
      if (x.getReplay() != null && x.getReplay().getXAddr() != null) {
        out.put(io.github.vpsdk.vp.onvif.ServiceAddresses.REPLAY, x.getReplay().getXAddr().trim());
      }
    }
    return out;
  }

  /**
   * Replaces the host of a URI, keeping scheme, port, path and query (stream URIs keep their
   * RTSP port).
   *
   * @param u the URI
   * @param host the new host
   * @return the rewritten URI, or {@code u} if it cannot be rebuilt
   */
  public static URI withHost(URI u, String host) {
    try {
      return new URI(
          u.getScheme(), u.getUserInfo(), host, u.getPort(), u.getPath(), u.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      return u;
    }
  }

  /**
   * Replaces scheme, host and port of an announced address by those the user gave.
   *
   * @param announced the announced address
   * @param given the device address the user gave
   * @return the rewritten address
   */
  public static URI rewrite(URI announced, URI given) {
    try {
      return new URI(
          given.getScheme(),
          announced.getRawUserInfo() == null ? null : announced.getUserInfo(),
          given.getHost(),
          given.getPort(),
          announced.getPath() == null || announced.getPath().isEmpty() ? "/" : announced.getPath(),
          announced.getQuery(),
          null);
    } catch (java.net.URISyntaxException e) {
      return announced;
    }
  }

  /**
   * Maps a Media1 profile.
   *
   * @param p the profile
   * @return the model
   */
  public static MediaProfile profile(Profile p) {
    VideoEncoderConfiguration v = p.getVideoEncoderConfiguration();
    String enc = v == null || v.getEncoding() == null ? null : v.getEncoding().value();
    int w = v == null || v.getResolution() == null ? 0 : v.getResolution().getWidth();
    int h = v == null || v.getResolution() == null ? 0 : v.getResolution().getHeight();
    return new MediaProfile(
        s(p.getToken()), s(p.getName()), enc, w, h, p.getPTZConfiguration() != null, false);
  }

  /**
   * Maps a Media2 profile.
   *
   * @param p the profile
   * @return the model
   */
  public static MediaProfile profile(io.github.vpsdk.vp.onvif.internal.wsdl.media2.MediaProfile p) {
    var c = p.getConfigurations();
    VideoEncoder2Configuration v = c == null ? null : c.getVideoEncoder();
    String enc = v == null ? null : v.getEncoding();
    int w = v == null || v.getResolution() == null ? 0 : v.getResolution().getWidth();
    int h = v == null || v.getResolution() == null ? 0 : v.getResolution().getHeight();
    return new MediaProfile(
        s(p.getToken()), s(p.getName()), enc, w, h, c != null && c.getPTZ() != null, true);
  }

  /**
   * Maps network interfaces.
   *
   * @param list the interfaces
   * @return the model
   */
  public static List<NetworkInterfaceInfo> networkInterfaces(List<NetworkInterface> list) {
    List<NetworkInterfaceInfo> out = new ArrayList<>();
    for (NetworkInterface n : list) {
      String name = n.getInfo() == null ? null : n.getInfo().getName();
      String mac = n.getInfo() == null ? null : n.getInfo().getHwAddress();
      boolean dhcp = false;
      List<String> addrs = new ArrayList<>();
      if (n.getIPv4() != null && n.getIPv4().getConfig() != null) {
        IPv4Configuration c = n.getIPv4().getConfig();
        dhcp = c.isDHCP();
        for (PrefixedIPv4Address a : c.getManual()) {
          addrs.add(a.getAddress() + "/" + a.getPrefixLength());
        }
        if (c.getFromDHCP() != null && c.getFromDHCP().getAddress() != null) {
          addrs.add(c.getFromDHCP().getAddress() + "/" + c.getFromDHCP().getPrefixLength());
        }
      }
      out.add(new NetworkInterfaceInfo(s(n.getToken()), n.isEnabled(), name, mac, dhcp, addrs));
    }
    return out;
  }

  /**
   * Maps a PTZ status.
   *
   * @param st the status, or {@code null}
   * @return the model
   */
  public static PtzStatus ptzStatus(@Nullable PTZStatus st) {
    if (st == null) {
      return new PtzStatus(null, "UNKNOWN", "UNKNOWN", null, null);
    }
    String pt = "UNKNOWN";
    String z = "UNKNOWN";
    if (st.getMoveStatus() != null) {
      if (st.getMoveStatus().getPanTilt() != null) {
        pt = st.getMoveStatus().getPanTilt().value();
      }
      if (st.getMoveStatus().getZoom() != null) {
        z = st.getMoveStatus().getZoom().value();
      }
    }
    return new PtzStatus(vector(st.getPosition()), pt, z, st.getError(), instant(st.getUtcTime()));
  }

  private static @Nullable Instant instant(@Nullable XMLGregorianCalendar c) {
    return c == null ? null : c.toGregorianCalendar().toInstant();
  }

  /**
   * Maps a PTZ vector.
   *
   * @param v the vector or {@code null}
   * @return the model, or {@code null} if neither pan/tilt nor zoom is present
   */
  public static @Nullable PtzVector vector(@Nullable PTZVector v) {
    if (v == null || (v.getPanTilt() == null && v.getZoom() == null)) {
      return null;
    }
    double pan = v.getPanTilt() == null ? 0 : v.getPanTilt().getX();
    double tilt = v.getPanTilt() == null ? 0 : v.getPanTilt().getY();
    double zoom = v.getZoom() == null ? 0 : v.getZoom().getX();
    return new PtzVector(pan, tilt, zoom);
  }

  /**
   * Maps presets.
   *
   * @param list the presets
   * @return the model
   */
  public static List<PtzPreset> presets(List<PTZPreset> list) {
    List<PtzPreset> out = new ArrayList<>();
    for (PTZPreset p : list) {
      if (p.getToken() != null) {
        out.add(new PtzPreset(p.getToken(), s(p.getName()), vector(p.getPTZPosition())));
      }
    }
    return out;
  }

  /**
   * Builds a PTZ vector.
   *
   * @param v the model
   * @return the binding object
   */
  public static PTZVector toVector(PtzVector v) {
    PTZVector out = new PTZVector();
    out.setPanTilt(v2(v.pan(), v.tilt()));
    out.setZoom(v1(v.zoom()));
    return out;
  }

  /**
   * Builds a PTZ speed.
   *
   * @param v the model or {@code null}
   * @return the binding object or {@code null}
   */
  public static @Nullable PTZSpeed toSpeed(@Nullable PtzSpeed v) {
    if (v == null) {
      return null;
    }
    PTZSpeed out = new PTZSpeed();
    out.setPanTilt(v2(v.pan(), v.tilt()));
    out.setZoom(v1(v.zoom()));
    return out;
  }

  private static Vector2D v2(double x, double y) {
    Vector2D v = new Vector2D();
    v.setX((float) x);
    v.setY((float) y);
    return v;
  }

  private static Vector1D v1(double x) {
    Vector1D v = new Vector1D();
    v.setX((float) x);
    return v;
  }

  private static String s(@Nullable String v) {
    return v == null ? "" : v.trim();
  }
}
