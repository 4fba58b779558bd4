package io.github.vpsdk.vp.onvif;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.internal.Mapping;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformationResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetNetworkInterfacesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetScopesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServicesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTimeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfilesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetSnapshotUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUriResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetPresetsResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetStatusResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPresetResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every recorded response of a supported operation parses through the bindings and maps. */
class CapturedResponsesTest {

  static List<String> vendors() {
    return Captures.VENDORS;
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void deviceResponsesMap(String vendor) throws Exception {
    DeviceInfo info =
        Mapping.deviceInfo(
            Captures.parse(
                Captures.file(vendor, "core", "GetDeviceInformation.Response.xml"),
                GetDeviceInformationResponse.class));
    assertThat(info.manufacturer()).isNotBlank();
    assertThat(info.model()).isNotBlank();

    CameraTime t =
        Mapping.cameraTime(
            Captures.parse(
                    Captures.file(vendor, "core", "GetSystemDateAndTime.Response.xml"),
                    GetSystemDateAndTimeResponse.class)
                .getSystemDateAndTime(),
            Instant.parse("2018-01-01T00:00:00Z"));
    assertThat(t.cameraUtc()).isNotNull().isAfter(Instant.parse("2000-01-01T00:00:00Z"));
    assertThat(t.offset()).isEqualTo(java.time.Duration.between(Instant.parse("2018-01-01T00:00:00Z"), t.cameraUtc()));

    List<String> scopes = Captures.parse(
            Captures.file(vendor, "core", "GetScopes.Response.xml"), GetScopesResponse.class)
        .getScopes().stream().map(s -> s.getScopeItem()).toList();
    assertThat(scopes).isNotEmpty().anyMatch(s -> s.trim().startsWith("onvif://"));

    List<NetworkInterfaceInfo> nics =
        Mapping.networkInterfaces(
            Captures.parse(
                    Captures.file(vendor, "core", "GetNetworkInterfaces.Response.xml"),
                    GetNetworkInterfacesResponse.class)
                .getNetworkInterfaces());
    assertThat(nics).isNotEmpty();
    assertThat(nics.get(0).token()).isNotBlank();

    Map<String, String> caps =
        Mapping.capabilities(
            Captures.parse(
                    Captures.file(vendor, "core", "GetCapabilities.Response.xml"),
                    GetCapabilitiesResponse.class)
                .getCapabilities());
    assertThat(caps).containsKeys(ServiceAddresses.DEVICE, ServiceAddresses.MEDIA);

    Path services = Captures.file(vendor, "core", "GetServices.Response.xml");
    if (Captures.exists(services)) {
      Map<String, String> byNs =
          Mapping.services(Captures.parse(services, GetServicesResponse.class).getService());
      assertThat(byNs).containsKeys(ServiceAddresses.DEVICE, ServiceAddresses.MEDIA);
      assertThat(byNs.values()).allMatch(a -> a.startsWith("http"));
    }
  }

  @ParameterizedTest
  @MethodSource("vendors")
  void mediaResponsesMap(String vendor) throws Exception {
    List<MediaProfile> profiles =
        Captures.parse(
                Captures.file(vendor, "media", "GetProfiles.Response.xml"),
                GetProfilesResponse.class)
            .getProfiles()
            .stream()
            .map(Mapping::profile)
            .toList();
    assertThat(profiles).isNotEmpty();
    assertThat(profiles).allMatch(p -> !p.token().isEmpty() && !p.media2());
    assertThat(profiles.get(0).videoEncoding()).isNotNull();
    assertThat(profiles.get(0).width()).isPositive();

    String stream =
        Captures.parse(
                Captures.file(vendor, "media", "GetStreamUri.Response.xml"),
                GetStreamUriResponse.class)
            .getMediaUri()
            .getUri();
    assertThat(stream).startsWith("rtsp://");
    String snap =
        Captures.parse(
                Captures.file(vendor, "media", "GetSnapshotUri.Response.xml"),
                GetSnapshotUriResponse.class)
            .getMediaUri()
            .getUri();
    assertThat(snap).startsWith("http");
  }

  static List<String> ptzVendors() {
    return Captures.VENDORS.stream()
        .filter(v -> Captures.exists(Captures.file(v, "ptz", "GetPresets.Response.xml")))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("ptzVendors")
  void ptzResponsesMap(String vendor) throws Exception {
    List<PtzPreset> presets =
        Mapping.presets(
            Captures.parse(
                    Captures.file(vendor, "ptz", "GetPresets.Response.xml"),
                    GetPresetsResponse.class)
                .getPreset());
    assertThat(presets).allMatch(p -> !p.token().isEmpty());
    PtzStatus status =
        Mapping.ptzStatus(
            Captures.parse(
                    Captures.file(vendor, "ptz", "GetStatus.Response.xml"),
                    GetStatusResponse.class)
                .getPTZStatus());
    assertThat(status.panTiltMoving()).isIn("IDLE", "MOVING", "UNKNOWN");
    assertThat(
            Captures.parse(
                    Captures.file(vendor, "ptz", "SetPreset.Response.xml"),
                    SetPresetResponse.class)
                .getPresetToken())
        .isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void ptzVendorsAreThere() {
    assertThat(ptzVendors()).containsExactlyInAnyOrder("axis", "hikvision", "pelco");
  }
}
