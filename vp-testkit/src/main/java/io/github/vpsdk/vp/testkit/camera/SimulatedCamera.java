package io.github.vpsdk.vp.testkit.camera;

import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.discovery.DiscoveryResponder;
import io.github.vpsdk.vp.onvif.discovery.ResponderConfig;
import io.github.vpsdk.vp.testkit.internal.camera.CameraConfig;
import io.github.vpsdk.vp.testkit.internal.camera.CameraServer;
import io.github.vpsdk.vp.testkit.internal.camera.CameraState;
import io.github.vpsdk.vp.testkit.internal.camera.PtzHead;
import java.net.InetSocketAddress;
import io.github.vpsdk.vp.testkit.internal.rtsp.RtspStreams;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A simulated ONVIF camera on loopback: device, Media1, Media2, events (PullPoint), imaging and
 * (optionally) PTZ services over SOAP 1.2, WS-Security UsernameToken checks against its own
 * clock, and a JPEG snapshot behind HTTP digest authentication, all on one port; optionally a
 * WS-Discovery responder. Scenario methods change what it shows ({@link #setScene}), {@link
 * #raise raise events}, and inject faults ({@link #goOffline}, {@link #setSnapshotDelay}, {@link
 * #setSnapshotFailing}, {@link #setClockSkew}, {@link #reboot}) while it runs. Thread-safe.
 *
 * <p>Time: the camera clock is the injected {@link Builder#clock clock} plus a skew. PTZ motion
 * is computed from the injected clock when asked (no timer), so a test that advances a manual
 * clock sees the head move exactly as far as the speed says.
 *
 * <p>Resources: the cameras of one JVM share one CXF bus (each ONVIF service is published once
 * and answers for the camera that received the request), one HTTP thread pool and one selector.
 * The first camera to start builds them (a few seconds and about 55 MB of heap); each further
 * camera adds its own port, server and state (tens of kilobytes, milliseconds). The last camera to
 * {@link #close} shuts them down. Closing one camera never affects the others. A request held by a
 * camera (a pending event pull, a silent or slow fault) takes a thread of the shared pool while it
 * is held.
 *
 * <pre>{@code
 * try (SimulatedCamera cam = SimulatedCamera.builder().credentials("admin", "pw").build().start()) {
 *   URI xaddr = cam.xaddr(); // http://127.0.0.1:PORT/onvif/device_service
 * }
 * }</pre>
 */
public final class SimulatedCamera implements AutoCloseable {
  private final CameraState state;
  private final CameraServer server;
  private final @Nullable InetSocketAddress discoveryBind;
  private @Nullable DiscoveryResponder discovery;
  private final @Nullable RtspStreams rtsp;
  private volatile boolean started;

  private SimulatedCamera(CameraConfig config, @Nullable InetSocketAddress discoveryBind, @Nullable RtspSettings rtspSettings) {
    this.state = new CameraState(config);
    this.server = new CameraServer(state);
    this.discoveryBind = discoveryBind;
    this.rtsp = rtspSettings == null ? null : new RtspStreams(state, rtspSettings);
  }

  /**
   * A builder with the defaults: name {@code SimCam}, no credentials, system UTC clock without
   * skew, profiles {@link CameraProfile#main()} and {@link CameraProfile#sub()}, no PTZ, digest
   * snapshots, 127.0.0.1 on any free port.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts answering.
   *
   * @return this camera
   * @throws java.io.UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized SimulatedCamera start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    server.start();
    if (rtsp != null) {
      try {
        rtsp.start();
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    if (discoveryBind != null) {
      InetSocketAddress bind = discoveryBind;
      String serial = state.config().serialNumber();
      try {
        discovery =
            DiscoveryResponder.start(
                ResponderConfig.create(
                    b ->
                        b.endpointReference(
                                "urn:uuid:"
                                    + UUID.nameUUIDFromBytes(
                                        ("vp-simcam:" + serial).getBytes(StandardCharsets.UTF_8)))
                            .scopes(server.scopes())
                            .xAddrs(List.of(URI.create(state.url(CameraServer.DEVICE_PATH))))
                            .bind(bind)
                            .joinGroup(bind.getAddress() != null && bind.getAddress().isAnyLocalAddress())));
      } catch (RuntimeException e) {
        if (rtsp != null) {
          rtsp.close();
        }
        server.close();
        throw e;
      }
    }
    started = true;
    return this;
  }

  /** Stops answering and frees the port. Idempotent. */
  @Override
  public synchronized void close() {
    if (rtsp != null) {
      rtsp.close();
    }
    DiscoveryResponder d = discovery;
    if (d != null) {
      d.close();
    }
    server.close();
  }

  /**
   * The address the WS-Discovery responder listens on, when {@link Builder#discovery} asked for
   * one.
   *
   * @return the bound UDP address, or empty without discovery
   */
  public Optional<InetSocketAddress> discoveryAddress() {
    DiscoveryResponder d = discovery;
    return d == null ? Optional.empty() : Optional.of(d.localAddress());
  }

  private void requireStarted() {
    if (!started) {
      throw new IllegalStateException("camera not started");
    }
  }

  /**
   * The camera name.
   *
   * @return the name
   */
  public String name() {
    return state.config().name();
  }

  /**
   * The bound port.
   *
   * @return the port
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    requireStarted();
    return server.port();
  }

  /**
   * The device service address, {@code http://127.0.0.1:PORT/onvif/device_service}.
   *
   * @return the address to give an ONVIF client
   * @throws IllegalStateException before {@link #start()}
   */
  public URI xaddr() {
    requireStarted();
    return URI.create(state.url(CameraServer.DEVICE_PATH));
  }

  /**
   * The snapshot URI of a profile, as GetSnapshotUri answers it.
   *
   * @param profileToken the profile token
   * @return the URI
   */
  public URI snapshotUri(String profileToken) {
    requireStarted();
    return URI.create(
        state.url(CameraServer.SNAPSHOT_PATH + "?profile=" + URLEncoder.encode(profileToken, StandardCharsets.UTF_8)));
  }

  /**
   * The stream URI of a profile, as GetStreamUri answers it: {@code rtsp://HOST:PORT/TOKEN}.
   * With {@link Builder#rtsp(RtspSettings) RTSP} on, it plays MJPEG over RTP; otherwise it is only
   * an address.
   *
   * @param profileToken the profile token
   * @return the URI
   */
  public URI streamUri(String profileToken) {
    requireStarted();
    Integer p = state.rtspPort();
    return URI.create("rtsp://" + state.host() + (p == null ? "" : ":" + p) + "/" + profileToken);
  }

  /**
   * The account name.
   *
   * @return the user, or empty when the camera has no account
   */
  public Optional<String> user() {
    return Optional.ofNullable(state.config().user());
  }

  /**
   * The account password (the simulator's own, printed by {@code vp camera} for clients to use).
   *
   * @return the password, or empty when the camera has no account
   */
  public Optional<String> password() {
    return Optional.ofNullable(state.config().password());
  }

  /**
   * The media profiles.
   *
   * @return the profiles
   */
  public List<CameraProfile> profiles() {
    return state.config().profiles();
  }

  /**
   * The camera clock now: the injected clock plus the skew.
   *
   * @return the camera's time
   */
  public Instant cameraTime() {
    return state.cameraNow();
  }

  /**
   * The current skew.
   *
   * @return camera clock minus injected clock
   */
  public Duration clockSkew() {
    return state.skew();
  }

  /**
   * Changes the camera clock at run time (tokens dated with the old offset start failing).
   *
   * @param skew camera clock minus injected clock
   */
  public void setClockSkew(Duration skew) {
    state.skew(skew);
  }

  /**
   * The scene text drawn on snapshots.
   *
   * @return the text, empty if none
   */
  public String scene() {
    return state.scene();
  }

  /**
   * Sets the scene text drawn on snapshots, such as {@code "person in zone 3"}.
   *
   * @param scene the text, empty for none
   */
  public void setScene(String scene) {
    state.scene(scene);
  }

  /**
   * Whether the camera has a PTZ head.
   *
   * @return true with PTZ
   */
  public boolean hasPtz() {
    return state.ptz().isPresent();
  }

  /**
   * The PTZ position now.
   *
   * @return the position
   * @throws IllegalStateException without PTZ
   */
  public PtzVector ptzPosition() {
    return head().position();
  }

  /**
   * Whether the PTZ head is moving now (pan, tilt or zoom).
   *
   * @return true while moving
   * @throws IllegalStateException without PTZ
   */
  public boolean ptzMoving() {
    PtzHead h = head();
    return h.panTiltMoving() || h.zoomMoving();
  }

  private PtzHead head() {
    return state.ptz().orElseThrow(() -> new IllegalStateException("camera has no PTZ"));
  }

  /**
   * The stored presets.
   *
   * @return the presets, in creation order
   */
  public List<PtzPreset> presets() {
    return state.presets();
  }

  /**
   * Takes the camera offline: {@link OfflineMode#REFUSE} closes the port, {@link
   * OfflineMode#SILENT} leaves requests unanswered.
   *
   * @param mode how
   */
  public void goOffline(OfflineMode mode) {
    requireStarted();
    server.offline(Objects.requireNonNull(mode, "mode"));
  }

  /** Brings the camera back online on the same port; held requests are answered 503. */
  public void goOnline() {
    requireStarted();
    server.online();
  }

  /**
   * Whether the camera is offline.
   *
   * @return the mode, or empty when online
   */
  public Optional<OfflineMode> offline() {
    return Optional.ofNullable(state.offline());
  }

  /**
   * Delays every snapshot answer (wall clock).
   *
   * @param delay the delay, zero for none
   */
  public void setSnapshotDelay(Duration delay) {
    state.snapshotDelay(Objects.requireNonNull(delay, "delay"));
  }

  /**
   * Makes snapshots fail with HTTP 500, or work again.
   *
   * @param failing true to fail
   */
  public void setSnapshotFailing(boolean failing) {
    state.snapshotFailing(failing);
  }

  /**
   * Reboots, as SystemReboot does: the PTZ head goes home and stops, accepted token nonces are
   * forgotten, every event subscription is dropped (clients must subscribe again), and for the {@link Builder#rebootDowntime downtime} (on the injected clock) every
   * request is answered 503.
   */
  public void reboot() {
    state.reboot();
  }

  /**
   * Raises or clears an event on the ONVIF topics of its kind (see {@link CameraEventKind}). Every
   * live PullPoint subscription whose topic filter matches gets a message, dated by the camera
   * clock. A property (motion, field, tamper, video loss, digital input) sends a {@code Changed}
   * message only when its state changes; a line crossing is an event, sent on each {@code
   * raise(LINE_CROSSING, true)} with a new {@code ObjectId}.
   *
   * @param kind the event
   * @param active true when the condition starts, false when it ends
   * @return how many messages were queued over all subscriptions
   */
  public int raise(CameraEventKind kind, boolean active) {
    return state.events().raise(Objects.requireNonNull(kind, "kind"), active);
  }

  /**
   * The focus position of the video source now, from 0 (near) to 1 (far), as the imaging service's
   * GetStatus reports it; focus moves are computed from the injected clock.
   *
   * @return the position
   */
  public double focusPosition() {
    return state.imaging().focusPosition();
  }

  /**
   * The live PullPoint subscriptions (those not ended, unsubscribed or dropped at reboot).
   *
   * @return how many
   */
  public int eventSubscriptionCount() {
    return state.events().subscriptionCount();
  }

  /**
   * How many times the camera rebooted (by {@link #reboot()} or SystemReboot).
   *
   * @return the count
   */
  public int rebootCount() {
    return state.reboots();
  }

  /**
   * How many requests an operation received, counted before authentication: {@code GetProfiles},
   * {@code ContinuousMove}, ..., {@code Snapshot}; and {@code NotAuthorized} for refused tokens,
   * {@code SnapshotUnauthorized} for refused snapshot requests.
   *
   * @param operation the operation name
   * @return the count
   */
  public long requestCount(String operation) {
    return state.requests(operation);
  }

  @Override
  public String toString() {
    return "SimulatedCamera[" + name() + (started ? ", " + state.url(CameraServer.DEVICE_PATH) : "") + "]";
  }

  /** Builder of {@link SimulatedCamera}. */
  public static final class Builder {
    private String name = "SimCam";
    private String manufacturer = "vp";
    private String model = "SimulatedCamera";
    private String firmwareVersion = "1.0.0";
    private @Nullable String serialNumber;
    private String hardwareId = "vp-sim-1";
    private @Nullable String user;
    private @Nullable String password;
    private @Nullable Boolean authRequired;
    private boolean passwordTextAccepted = true;
    private Duration tokenWindow = Duration.ofMinutes(5);
    private Clock clock = Clock.systemUTC();
    private Duration skew = Duration.ZERO;
    private final List<CameraProfile> profiles = new ArrayList<>();
    private @Nullable PtzSettings ptz;
    private final Map<String, PtzVector> presets = new LinkedHashMap<>();
    private SnapshotAuth snapshotAuth = SnapshotAuth.DIGEST;
    private String host = "127.0.0.1";
    private int port;
    private @Nullable Integer rtspPort;
    private @Nullable RtspSettings rtsp;
    private Duration rebootDowntime = Duration.ZERO;
    private boolean strictFaultStatus;
    private @Nullable InetSocketAddress discoveryBind;

    private Builder() {}

    /**
     * Sets the name (scopes, hostname, snapshot caption; default {@code SimCam}).
     *
     * @param value the name
     * @return this builder
     */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /**
     * Sets manufacturer, model, firmware version and serial number (GetDeviceInformation).
     *
     * @param manufacturer the manufacturer (default {@code vp})
     * @param model the model (default {@code SimulatedCamera})
     * @param firmwareVersion the firmware (default {@code 1.0.0})
     * @param serialNumber the serial number (default derived from the name)
     * @return this builder
     */
    public Builder identity(String manufacturer, String model, String firmwareVersion, String serialNumber) {
      this.manufacturer = Objects.requireNonNull(manufacturer, "manufacturer");
      this.model = Objects.requireNonNull(model, "model");
      this.firmwareVersion = Objects.requireNonNull(firmwareVersion, "firmwareVersion");
      this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
      return this;
    }

    /**
     * Sets the account; SOAP requests then need a UsernameToken and snapshots HTTP
     * authentication.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String user, String password) {
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets whether SOAP requests need a UsernameToken (default: true when credentials are set).
     * Snapshots follow {@link #snapshotAuth}.
     *
     * @param value true to require
     * @return this builder
     */
    public Builder authRequired(boolean value) {
      this.authRequired = value;
      return this;
    }

    /**
     * Sets whether a {@code PasswordText} UsernameToken is accepted (default true; some
     * cameras accept only digests).
     *
     * @param value true to accept
     * @return this builder
     */
    public Builder passwordTextAccepted(boolean value) {
      this.passwordTextAccepted = value;
      return this;
    }

    /**
     * Sets how far a token's {@code Created} may be from the camera clock, either way (default
     * 5 minutes).
     *
     * @param value the window
     * @return this builder
     */
    public Builder tokenWindow(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("tokenWindow must not be negative");
      }
      this.tokenWindow = value;
      return this;
    }

    /**
     * Sets the clock (default {@link Clock#systemUTC()}): the camera clock before skew, and the
     * clock PTZ motion and reboot downtime are measured with.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the initial skew of the camera clock (default zero).
     *
     * @param value camera clock minus injected clock
     * @return this builder
     */
    public Builder clockSkew(Duration value) {
      this.skew = Objects.requireNonNull(value, "skew");
      return this;
    }

    /**
     * Adds a media profile; without any, the camera has {@link CameraProfile#main()} and {@link
     * CameraProfile#sub()}.
     *
     * @param value the profile
     * @return this builder
     */
    public Builder profile(CameraProfile value) {
      for (CameraProfile p : profiles) {
        if (p.token().equals(value.token())) {
          throw new IllegalArgumentException("duplicate profile token " + value.token());
        }
      }
      profiles.add(value);
      return this;
    }

    /**
     * Gives the camera a PTZ head with {@link PtzSettings#defaults()}, or none.
     *
     * @param value true for PTZ
     * @return this builder
     */
    public Builder ptz(boolean value) {
      this.ptz = value ? PtzSettings.defaults() : null;
      return this;
    }

    /**
     * Gives the camera a PTZ head with these ranges and speeds.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder ptz(PtzSettings value) {
      this.ptz = Objects.requireNonNull(value, "ptz");
      return this;
    }

    /**
     * Adds a preset present at start (tokens {@code preset_1}, {@code preset_2}, ... in order).
     *
     * @param presetName the preset name
     * @param position the position
     * @return this builder
     */
    public Builder preset(String presetName, PtzVector position) {
      presets.put(Objects.requireNonNull(presetName, "presetName"), Objects.requireNonNull(position, "position"));
      return this;
    }

    /**
     * Sets how the snapshot URI authenticates (default {@link SnapshotAuth#DIGEST}).
     *
     * @param value the mode
     * @return this builder
     */
    public Builder snapshotAuth(SnapshotAuth value) {
      this.snapshotAuth = Objects.requireNonNull(value, "snapshotAuth");
      return this;
    }

    /**
     * Sets the address and port to bind (default 127.0.0.1, port 0: any free port).
     *
     * @param bindHost the address
     * @param bindPort the port, 0 for any
     * @return this builder
     */
    public Builder bind(String bindHost, int bindPort) {
      if (bindPort < 0 || bindPort > 65535) {
        throw new IllegalArgumentException("port out of range: " + bindPort);
      }
      this.host = Objects.requireNonNull(bindHost, "bindHost");
      this.port = bindPort;
      return this;
    }

    /**
     * Sets the port announced in RTSP stream URIs (default none: {@code rtsp://HOST/TOKEN}, port
     * 554 implied) when the camera serves no RTSP itself; with {@link #rtsp(RtspSettings)} the
     * URIs announce the server's bound port instead.
     *
     * @param value the port, or {@code null}
     * @return this builder
     */
    public Builder rtspPort(@Nullable Integer value) {
      if (value != null && (value < 1 || value > 65535)) {
        throw new IllegalArgumentException("port out of range: " + value);
      }
      this.rtspPort = value;
      return this;
    }

    /**
     * Serves the stream URIs over RTSP with {@link RtspSettings#defaults()}, or not (default:
     * not).
     *
     * @param value true to serve RTSP
     * @return this builder
     */
    public Builder rtsp(boolean value) {
      this.rtsp = value ? RtspSettings.defaults() : null;
      return this;
    }

    /**
     * Serves the stream URIs over RTSP: MJPEG over RTP (RFC 2435) of the pictures the snapshots
     * show, drawn as they are sent. The stream URIs then announce the RTSP server's port.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder rtsp(RtspSettings value) {
      this.rtsp = Objects.requireNonNull(value, "rtsp");
      return this;
    }

    /**
     * Sets how long after a reboot the camera answers 503, on the injected clock (default zero).
     *
     * @param value the downtime
     * @return this builder
     */
    public Builder rebootDowntime(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("rebootDowntime must not be negative");
      }
      this.rebootDowntime = value;
      return this;
    }

    /**
     * Sets whether Sender faults ({@code ter:NotAuthorized}, {@code ter:InvalidArgVal}) go with
     * HTTP 400, as SOAP 1.2 asks and some cameras do, rather than 500 (default false: 500, what
     * many cameras send and what CXF-based clients read as a fault without extra settings).
     *
     * @param value true for 400
     * @return this builder
     */
    public Builder strictFaultStatus(boolean value) {
      this.strictFaultStatus = value;
      return this;
    }

    /**
     * Runs a WS-Discovery responder (vp-onvif's {@link DiscoveryResponder}) with the camera: it
     * answers Probes with the camera's device address and scopes (name, hardware, profiles). Bound
     * to the wildcard address it also joins the multicast group ({@code 0.0.0.0:3702} is what a
     * real camera does); on another address, such as {@code 127.0.0.1} port 0 in tests, it only
     * answers unicast Probes. Default: no discovery.
     *
     * @param bindHost the address to listen on
     * @param bindPort the UDP port, 0 for any free one
     * @return this builder
     */
    public Builder discovery(String bindHost, int bindPort) {
      if (bindPort < 0 || bindPort > 65535) {
        throw new IllegalArgumentException("port out of range: " + bindPort);
      }
      this.discoveryBind = new InetSocketAddress(Objects.requireNonNull(bindHost, "bindHost"), bindPort);
      return this;
    }

    /**
     * Builds the camera (not started).
     *
     * @return the camera
     */
    public SimulatedCamera build() {
      List<CameraProfile> ps = profiles.isEmpty() ? List.of(CameraProfile.main(), CameraProfile.sub()) : profiles;
      if (ptz != null) {
        for (Map.Entry<String, PtzVector> e : presets.entrySet()) {
          PtzVector v = e.getValue();
          if (v.pan() != ptz.pan().clamp(v.pan())
              || v.tilt() != ptz.tilt().clamp(v.tilt())
              || v.zoom() != ptz.zoom().clamp(v.zoom())) {
            throw new IllegalArgumentException("preset " + e.getKey() + " outside the PTZ limits");
          }
        }
      } else if (!presets.isEmpty()) {
        throw new IllegalArgumentException("presets need PTZ");
      }
      String serial = serialNumber != null ? serialNumber : "SN-" + Integer.toHexString(name.hashCode()).toUpperCase(java.util.Locale.ROOT);
      boolean auth = authRequired != null ? authRequired : user != null;
      return new SimulatedCamera(
          new CameraConfig(
              name, manufacturer, model, firmwareVersion, serial, hardwareId, user, password, auth,
              passwordTextAccepted, tokenWindow, clock, skew, ps, ptz, presets, snapshotAuth, host,
              port, rtspPort, rebootDowntime, strictFaultStatus),
          discoveryBind, rtsp);
    }
  }
}
