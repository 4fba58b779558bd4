package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.Faults;
import io.github.vpsdk.vp.onvif.internal.Mapping;
import io.github.vpsdk.vp.onvif.internal.SnapshotFetcher;
import io.github.vpsdk.vp.onvif.internal.SoapSession;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetDeviceInformation;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetNetworkInterfaces;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetScopes;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.SystemReboot;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.Media2;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.AbsoluteMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.ContinuousMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetPresets;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GetStatus;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoHomePosition;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.GotoPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.PTZ;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RelativeMove;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.RemovePreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetHomePosition;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.SetPreset;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.Stop;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.StreamSetup;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.StreamType;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Transport;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.TransportProtocol;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.jspecify.annotations.Nullable;

/**
 * A connected ONVIF camera. Every operation runs on the client's executor, fails after the
 * configured request timeout, and fails with {@link OnvifException}. Thread-safe.
 *
 * <p>When the camera rejects the credentials, vp reads its clock again and retries once (camera
 * clocks drift and reset at reboot).
 */
public final class OnvifCamera {
  private final OnvifClient client;
  private final SoapSession session;
  private final URI deviceAddress;
  private final Credentials credentials;
  private final ServiceAddresses services;
  private volatile CameraTime time;
  private volatile boolean media2Broken;

  OnvifCamera(
      OnvifClient client,
      SoapSession session,
      URI deviceAddress,
      Credentials credentials,
      ServiceAddresses services,
      CameraTime time) {
    this.client = client;
    this.session = session;
    this.deviceAddress = deviceAddress;
    this.credentials = credentials;
    this.services = services;
    this.time = time;
  }

  /**
   * The device service address given to {@link OnvifClient#connect}.
   *
   * @return the address
   */
  public URI deviceAddress() {
    return deviceAddress;
  }

  /**
   * The services found at connection.
   *
   * @return the service addresses
   */
  public ServiceAddresses services() {
    return services;
  }

  /**
   * The camera clock as last read (at connection, by {@link #systemDateAndTime()}, or after a
   * rejected token).
   *
   * @return the last reading
   */
  public CameraTime lastCameraTime() {
    return time;
  }

  // ---------------------------------------------------------------- device

  /**
   * Reads manufacturer, model, firmware, serial number and hardware id.
   *
   * @return the device information
   */
  public CompletableFuture<DeviceInfo> deviceInfo() {
    return call(
        "GetDeviceInformation",
        () -> Mapping.deviceInfo(device().getDeviceInformation(new GetDeviceInformation())));
  }

  /**
   * Reads the scope URIs ({@code onvif://www.onvif.org/name/...}).
   *
   * @return the scopes
   */
  public CompletableFuture<List<String>> scopes() {
    return call(
        "GetScopes",
        () -> {
          List<String> out = new ArrayList<>();
          for (var s : device().getScopes(new GetScopes()).getScopes()) {
            if (s.getScopeItem() != null) {
              out.add(s.getScopeItem().trim());
            }
          }
          return List.copyOf(out);
        });
  }

  /**
   * Reads the network interfaces.
   *
   * @return the interfaces
   */
  public CompletableFuture<List<NetworkInterfaceInfo>> networkInterfaces() {
    return call(
        "GetNetworkInterfaces",
        () ->
            List.copyOf(
                Mapping.networkInterfaces(
                    device()
                        .getNetworkInterfaces(new GetNetworkInterfaces())
                        .getNetworkInterfaces())));
  }

  /**
   * Reads the camera clock (without credentials) and updates the offset used for tokens.
   *
   * @return the camera time
   */
  public CompletableFuture<CameraTime> systemDateAndTime() {
    return call("GetSystemDateAndTime", this::resync);
  }

  /**
   * Reboots the camera.
   *
   * @return the camera's message (often the expected downtime)
   */
  public CompletableFuture<String> reboot() {
    return call(
        "SystemReboot",
        () -> {
          String m = device().systemReboot(new SystemReboot()).getMessage();
          return m == null ? "" : m;
        });
  }

  // ---------------------------------------------------------------- media

  /**
   * Lists the media profiles, through Media2 when the camera offers it (falling back to Media1
   * if Media2 fails), Media1 otherwise.
   *
   * @return the profiles
   */
  public CompletableFuture<List<MediaProfile>> profiles() {
    return call(
        "GetProfiles",
        () ->
            media2OrMedia1(
                m2 -> {
                  var req = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetProfiles();
                  req.getType().add("All");
                  List<MediaProfile> out = new ArrayList<>();
                  for (var p : m2.getProfiles(req).getProfiles()) {
                    out.add(Mapping.profile(p));
                  }
                  return List.copyOf(out);
                },
                m1 -> {
                  List<MediaProfile> out = new ArrayList<>();
                  for (var p :
                      m1.getProfiles(new io.github.vpsdk.vp.onvif.internal.wsdl.media.GetProfiles())
                          .getProfiles()) {
                    out.add(Mapping.profile(p));
                  }
                  return List.copyOf(out);
                }));
  }

  /**
   * Gets the RTSP (unicast) stream URI of a profile.
   *
   * @param profileToken the profile token
   * @return the stream URI
   */
  public CompletableFuture<StreamUri> streamUri(String profileToken) {
    Objects.requireNonNull(profileToken, "profileToken");
    return call(
        "GetStreamUri",
        () -> {
          String uri =
              media2OrMedia1(
                  m2 -> {
                    var req = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetStreamUri();
                    req.setProtocol("RTSP");
                    req.setProfileToken(profileToken);
                    return m2.getStreamUri(req).getUri();
                  },
                  m1 -> {
                    var req = new io.github.vpsdk.vp.onvif.internal.wsdl.media.GetStreamUri();
                    StreamSetup setup = new StreamSetup();
                    setup.setStream(StreamType.RTP_UNICAST);
                    Transport t = new Transport();
                    t.setProtocol(TransportProtocol.RTSP);
                    setup.setTransport(t);
                    req.setStreamSetup(setup);
                    req.setProfileToken(profileToken);
                    var mu = m1.getStreamUri(req).getMediaUri();
                    return mu == null ? null : mu.getUri();
                  });
          URI u = uri(uri, "GetStreamUri");
          if (client.config().rewriteServiceAddresses()
              && u.getHost() != null
              && !u.getHost().equals(deviceAddress.getHost())) {
            u = withHost(u, deviceAddress.getHost());
          }
          return new StreamUri(u, profileToken);
        });
  }

  /**
   * Gets the snapshot (JPEG) URI of a profile.
   *
   * @param profileToken the profile token
   * @return the snapshot URI (rewritten to the given host and port when rewriting is on)
   */
  public CompletableFuture<URI> snapshotUri(String profileToken) {
    Objects.requireNonNull(profileToken, "profileToken");
    return call("GetSnapshotUri", () -> snapshotUriBlocking(profileToken));
  }

  /**
   * Fetches a snapshot of a profile: GetSnapshotUri, then an HTTP GET answering a Digest (or
   * Basic) challenge with the camera account.
   *
   * @param profileToken the profile token
   * @return the image
   */
  public CompletableFuture<Snapshot> snapshot(String profileToken) {
    Objects.requireNonNull(profileToken, "profileToken");
    return call(
        "GetSnapshot",
        () -> {
          URI u = snapshotUriBlocking(profileToken);
          return new SnapshotFetcher(client.http(), client.config().requestTimeout())
              .fetch(u, credentials);
        });
  }

  /**
   * Fetches a snapshot from a known URI with the camera account.
   *
   * @param snapshotUri the URI, for example from {@link #snapshotUri(String)}
   * @return the image
   */
  public CompletableFuture<Snapshot> snapshot(URI snapshotUri) {
    Objects.requireNonNull(snapshotUri, "snapshotUri");
    return call(
        "GetSnapshot",
        () ->
            new SnapshotFetcher(client.http(), client.config().requestTimeout())
                .fetch(snapshotUri, credentials));
  }

  private URI snapshotUriBlocking(String profileToken) {
    String uri =
        media2OrMedia1(
            m2 -> {
              var req = new io.github.vpsdk.vp.onvif.internal.wsdl.media2.GetSnapshotUri();
              req.setProfileToken(profileToken);
              return m2.getSnapshotUri(req).getUri();
            },
            m1 -> {
              var req = new io.github.vpsdk.vp.onvif.internal.wsdl.media.GetSnapshotUri();
              req.setProfileToken(profileToken);
              var mu = m1.getSnapshotUri(req).getMediaUri();
              return mu == null ? null : mu.getUri();
            });
    URI u = uri(uri, "GetSnapshotUri");
    if (client.config().rewriteServiceAddresses() && u.getHost() != null) {
      u = Mapping.rewrite(u, deviceAddress);
    }
    return u;
  }

  // ---------------------------------------------------------------- PTZ

  /**
   * Starts moving at a velocity; the camera stops by itself after {@code timeout} (and {@link
   * #stop(String)} stops it earlier).
   *
   * @param profileToken the profile token (with a PTZ configuration)
   * @param velocity the velocity
   * @param timeout how long the camera keeps moving, or {@code null} for the camera's default
   * @return completion
   */
  public CompletableFuture<Void> continuousMove(
      String profileToken, PtzSpeed velocity, @Nullable Duration timeout) {
    Objects.requireNonNull(profileToken, "profileToken");
    Objects.requireNonNull(velocity, "velocity");
    return run(
        "ContinuousMove",
        () -> {
          ContinuousMove req = new ContinuousMove();
          req.setProfileToken(profileToken);
          req.setVelocity(Mapping.toSpeed(velocity));
          if (timeout != null) {
            if (timeout.isNegative()) {
              throw new IllegalArgumentException("timeout must not be negative");
            }
            req.setTimeout(xmlDuration(timeout));
          }
          ptz().continuousMove(req);
        });
  }

  /**
   * Moves to an absolute position.
   *
   * @param profileToken the profile token
   * @param position the target position
   * @param speed the speed, or {@code null} for the camera's default
   * @return completion
   */
  public CompletableFuture<Void> absoluteMove(
      String profileToken, PtzVector position, @Nullable PtzSpeed speed) {
    Objects.requireNonNull(position, "position");
    return run(
        "AbsoluteMove",
        () -> {
          AbsoluteMove req = new AbsoluteMove();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setPosition(Mapping.toVector(position));
          req.setSpeed(Mapping.toSpeed(speed));
          ptz().absoluteMove(req);
        });
  }

  /**
   * Moves by a translation from the current position.
   *
   * @param profileToken the profile token
   * @param translation the translation
   * @param speed the speed, or {@code null} for the camera's default
   * @return completion
   */
  public CompletableFuture<Void> relativeMove(
      String profileToken, PtzVector translation, @Nullable PtzSpeed speed) {
    Objects.requireNonNull(translation, "translation");
    return run(
        "RelativeMove",
        () -> {
          RelativeMove req = new RelativeMove();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setTranslation(Mapping.toVector(translation));
          req.setSpeed(Mapping.toSpeed(speed));
          ptz().relativeMove(req);
        });
  }

  /**
   * Stops pan, tilt and zoom.
   *
   * @param profileToken the profile token
   * @return completion
   */
  public CompletableFuture<Void> stop(String profileToken) {
    return run(
        "Stop",
        () -> {
          Stop req = new Stop();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setPanTilt(Boolean.TRUE);
          req.setZoom(Boolean.TRUE);
          ptz().stop(req);
        });
  }

  /**
   * Reads position and movement state.
   *
   * @param profileToken the profile token
   * @return the status
   */
  public CompletableFuture<PtzStatus> ptzStatus(String profileToken) {
    return call(
        "GetStatus",
        () -> {
          GetStatus req = new GetStatus();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          return Mapping.ptzStatus(ptz().getStatus(req).getPTZStatus());
        });
  }

  /**
   * Lists the presets.
   *
   * @param profileToken the profile token
   * @return the presets
   */
  public CompletableFuture<List<PtzPreset>> presets(String profileToken) {
    return call(
        "GetPresets",
        () -> {
          GetPresets req = new GetPresets();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          return List.copyOf(Mapping.presets(ptz().getPresets(req).getPreset()));
        });
  }

  /**
   * Moves to a preset.
   *
   * @param profileToken the profile token
   * @param presetToken the preset token
   * @param speed the speed, or {@code null} for the camera's default
   * @return completion
   */
  public CompletableFuture<Void> gotoPreset(
      String profileToken, String presetToken, @Nullable PtzSpeed speed) {
    return run(
        "GotoPreset",
        () -> {
          GotoPreset req = new GotoPreset();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setPresetToken(Objects.requireNonNull(presetToken, "presetToken"));
          req.setSpeed(Mapping.toSpeed(speed));
          ptz().gotoPreset(req);
        });
  }

  /**
   * Stores the current position as a preset.
   *
   * @param profileToken the profile token
   * @param name the preset name, or {@code null}
   * @param presetToken an existing preset to overwrite, or {@code null} for a new one
   * @return the preset token
   */
  public CompletableFuture<String> setPreset(
      String profileToken, @Nullable String name, @Nullable String presetToken) {
    return call(
        "SetPreset",
        () -> {
          SetPreset req = new SetPreset();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setPresetName(name);
          req.setPresetToken(presetToken);
          String token = ptz().setPreset(req).getPresetToken();
          if (token == null) {
            throw new OnvifException(
                OnvifException.Kind.PROTOCOL, "SetPreset: no preset token", null, null);
          }
          return token;
        });
  }

  /**
   * Removes a preset.
   *
   * @param profileToken the profile token
   * @param presetToken the preset token
   * @return completion
   */
  public CompletableFuture<Void> removePreset(String profileToken, String presetToken) {
    return run(
        "RemovePreset",
        () -> {
          RemovePreset req = new RemovePreset();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setPresetToken(Objects.requireNonNull(presetToken, "presetToken"));
          ptz().removePreset(req);
        });
  }

  /**
   * Moves to the home position.
   *
   * @param profileToken the profile token
   * @param speed the speed, or {@code null} for the camera's default
   * @return completion
   */
  public CompletableFuture<Void> gotoHome(String profileToken, @Nullable PtzSpeed speed) {
    return run(
        "GotoHomePosition",
        () -> {
          GotoHomePosition req = new GotoHomePosition();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          req.setSpeed(Mapping.toSpeed(speed));
          ptz().gotoHomePosition(req);
        });
  }

  /**
   * Stores the current position as the home position.
   *
   * @param profileToken the profile token
   * @return completion
   */
  public CompletableFuture<Void> setHome(String profileToken) {
    return run(
        "SetHomePosition",
        () -> {
          SetHomePosition req = new SetHomePosition();
          req.setProfileToken(Objects.requireNonNull(profileToken, "profileToken"));
          ptz().setHomePosition(req);
        });
  }

  // ---------------------------------------------------------------- plumbing

  private Device device() {
    return session.proxy(Device.class, deviceAddress, true);
  }

  private PTZ ptz() {
    URI a =
        services
            .address(ServiceAddresses.PTZ)
            .orElseThrow(
                () ->
                    new OnvifException(
                        OnvifException.Kind.NOT_SUPPORTED,
                        "the camera offers no PTZ service",
                        null,
                        null));
    return session.proxy(PTZ.class, a, true);
  }

  private interface Call<S, T> {
    @Nullable T apply(S service);
  }

  private <T> T media2OrMedia1(Call<Media2, T> viaMedia2, Call<Media, T> viaMedia1) {
    var m2 = services.address(ServiceAddresses.MEDIA2);
    var m1 = services.address(ServiceAddresses.MEDIA);
    if (m2.isPresent() && !media2Broken) {
      try {
        return nonNull(viaMedia2.apply(session.proxy(Media2.class, m2.get(), true)));
      } catch (RuntimeException e) {
        OnvifException mapped = Faults.map(e, "Media2");
        boolean fallBack =
            m1.isPresent()
                && (mapped.kind() == OnvifException.Kind.NOT_SUPPORTED
                    || mapped.kind() == OnvifException.Kind.DEVICE_FAULT
                    || mapped.kind() == OnvifException.Kind.PROTOCOL);
        if (!fallBack) {
          throw mapped;
        }
        media2Broken = true;
      }
    }
    if (m1.isEmpty()) {
      throw new OnvifException(
          OnvifException.Kind.NOT_SUPPORTED, "the camera offers no media service", null, null);
    }
    return nonNull(viaMedia1.apply(session.proxy(Media.class, m1.get(), true)));
  }

  private static <T> T nonNull(@Nullable T v) {
    if (v == null) {
      throw new OnvifException(
          OnvifException.Kind.PROTOCOL, "the camera answered without the value", null, null);
    }
    return v;
  }

  private CameraTime resync() {
    CameraTime t = OnvifClient.readTime(session, deviceAddress);
    time = t;
    return t;
  }

  private <T> CompletableFuture<T> call(String operation, Supplier<T> body) {
    return client.call(operation, () -> withAuthRetry(operation, body));
  }

  private CompletableFuture<Void> run(String operation, Runnable body) {
    return call(
        operation,
        () -> {
          body.run();
          return null;
        });
  }

  private <T> T withAuthRetry(String operation, Supplier<T> body) {
    try {
      return body.get();
    } catch (RuntimeException first) {
      OnvifException mapped = Faults.map(first, operation);
      if (mapped.kind() != OnvifException.Kind.AUTHENTICATION) {
        throw mapped;
      }
      // the camera clock may have drifted or been reset by a reboot: read it again, retry once
      resync();
      try {
        return body.get();
      } catch (RuntimeException second) {
        OnvifException again = Faults.map(second, operation);
        if (again.kind() == OnvifException.Kind.AUTHENTICATION && session.fallBackToPasswordText()) {
          try {
            return body.get();
          } catch (RuntimeException third) {
            throw Faults.map(third, operation);
          }
        }
        throw again;
      }
    }
  }

  private static URI uri(@Nullable String text, String operation) {
    if (text == null || text.isBlank()) {
      throw new OnvifException(OnvifException.Kind.PROTOCOL, operation + ": no URI", null, null);
    }
    try {
      return new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new OnvifException(
          OnvifException.Kind.PROTOCOL, operation + ": malformed URI", null, e);
    }
  }

  private static URI withHost(URI u, String host) {
    try {
      return new URI(
          u.getScheme(), u.getUserInfo(), host, u.getPort(), u.getPath(), u.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      return u;
    }
  }

  private static javax.xml.datatype.Duration xmlDuration(Duration d) {
    try {
      return DatatypeFactory.newInstance().newDuration(d.toString()); // "PT1.5S", not "P0Y0M0DT0H0M1.500S"
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- events, imaging, recordings, IO
  // (added with the event service; kept in one block at the end of the class to ease merges)

  /**
   * The event service of this camera: topics, PullPoint subscriptions and self-healing event
   * streams.
   *
   * @return the event operations
   */
  public OnvifEvents events() {
    return new OnvifEvents(this);
  }

  /**
   * The imaging service of this camera: image settings and focus.
   *
   * @return the imaging operations
   */
  public OnvifImaging imaging() {
    return new OnvifImaging(this);
  }

  /**
   * The recording search and replay services of this camera (ONVIF Profile G).
   *
   * @return the recording operations
   */
  public OnvifRecordings recordings() {
    return new OnvifRecordings(this);
  }

  /**
   * The relay outputs and digital inputs of this camera.
   *
   * @return the IO operations
   */
  public OnvifIo io() {
    return new OnvifIo(this);
  }

  OnvifClient client() {
    return client;
  }

  SoapSession session() {
    return session;
  }

  /** An operation with the auth retry, on the client's executor, under a given timeout. */
  <T> CompletableFuture<T> invoke(String operation, Duration timeout, Supplier<T> body) {
    return client.call(operation, timeout, () -> withAuthRetry(operation, body));
  }

  <T> CompletableFuture<T> invoke(String operation, Supplier<T> body) {
    return call(operation, body);
  }

  /** The address of a service, or NOT_SUPPORTED naming it. */
  URI serviceAddress(String namespace, String name) {
    return services
        .address(namespace)
        .orElseThrow(
            () ->
                new OnvifException(
                    OnvifException.Kind.NOT_SUPPORTED,
                    "the camera offers no " + name + " service",
                    null,
                    null));
  }

  static javax.xml.datatype.Duration toXml(Duration d) {
    return xmlDuration(d);
  }

  @Override
  public String toString() {
    return "OnvifCamera[" + deviceAddress + ", user=" + credentials.username() + "]";
  }
}
