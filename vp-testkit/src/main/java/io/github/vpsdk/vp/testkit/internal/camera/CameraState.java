package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import io.github.vpsdk.vp.testkit.camera.OfflineMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** What a simulated camera knows and what scenarios change at run time. Thread-safe. */
public final class CameraState {
  /** Most presets a camera keeps (announced as MaximumNumberOfPresets). */
  public static final int MAX_PRESETS = 64;

  private final CameraConfig config;
  private final @Nullable PtzHead ptz;
  private final Map<String, PtzPreset> presets = new LinkedHashMap<>();
  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final AtomicInteger reboots = new AtomicInteger();
  private final NonceCache nonces;
  private final EventBroker events;
  private final ImagingState imaging;
  private int nextPreset = 1;
  private PtzVector home;
  private volatile Duration skew;
  private volatile String scene = "";
  private volatile Duration snapshotDelay = Duration.ZERO;
  private volatile boolean snapshotFailing;
  private volatile @Nullable OfflineMode offline;
  private volatile @Nullable Instant downUntil;
  private volatile String base = "http://127.0.0.1:0";
  private volatile @Nullable Integer rtspPort;

  /**
   * Creates the state of a camera at start.
   *
   * @param config the settings
   */
  public CameraState(CameraConfig config) {
    this.config = config;
    this.skew = config.initialSkew();
    this.nonces = new NonceCache(100_000);
    this.events = new EventBroker(this::cameraNow);
    this.imaging = new ImagingState(config.clock());
    if (config.ptz() != null) {
      this.home = new PtzVector(0, 0, config.ptz().zoom().min());
      this.ptz = new PtzHead(config.ptz(), config.clock(), home);
      for (Map.Entry<String, PtzVector> e : config.presets().entrySet()) {
        String token = "preset_" + nextPreset++;
        presets.put(token, new PtzPreset(token, e.getKey(), e.getValue()));
      }
    } else {
      this.home = new PtzVector(0, 0, 0);
      this.ptz = null;
    }
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public CameraConfig config() {
    return config;
  }

  /**
   * Sets where the camera is reachable, once its port is known.
   *
   * @param scheme the scheme, {@code http}
   * @param host the announced host
   * @param port the bound port
   */
  public void address(String scheme, String host, int port) {
    this.base = scheme + "://" + host + ":" + port;
  }

  /**
   * The port announced in stream URIs: the RTSP server's once it is bound, else the configured
   * one.
   *
   * @return the port, or {@code null} for none (554 implied)
   */
  public @Nullable Integer rtspPort() {
    Integer p = rtspPort;
    return p != null ? p : config.rtspPort();
  }

  /**
   * Sets the port of the running RTSP server.
   *
   * @param port the bound port, or {@code null} once stopped
   */
  public void rtspPort(@Nullable Integer port) {
    this.rtspPort = port;
  }

  /**
   * The address of a path on this camera.
   *
   * @param path the path, starting with {@code /}
   * @return the absolute URL text
   */
  public String url(String path) {
    return base + path;
  }

  /**
   * The announced host.
   *
   * @return the host of the camera's addresses
   */
  public String host() {
    return java.net.URI.create(base).getHost();
  }

  /**
   * The camera clock: the injected clock plus the skew.
   *
   * @return the camera's time now
   */
  public Instant cameraNow() {
    return config.clock().instant().plus(skew);
  }

  /**
   * The skew of the camera clock.
   *
   * @return camera minus injected clock
   */
  public Duration skew() {
    return skew;
  }

  /**
   * Sets the skew of the camera clock.
   *
   * @param value camera minus injected clock
   */
  public void skew(Duration value) {
    this.skew = Objects.requireNonNull(value, "skew");
  }

  /**
   * The scene text drawn on snapshots.
   *
   * @return the text, empty if none
   */
  public String scene() {
    return scene;
  }

  /**
   * Sets the scene text.
   *
   * @param value the text
   */
  public void scene(String value) {
    this.scene = Objects.requireNonNull(value, "scene");
  }

  /**
   * The PTZ head.
   *
   * @return the head, or empty without PTZ
   */
  public Optional<PtzHead> ptz() {
    return Optional.ofNullable(ptz);
  }

  /**
   * Finds a profile by token.
   *
   * @param token the token
   * @return the profile, or empty
   */
  public Optional<CameraProfile> profile(@Nullable String token) {
    for (CameraProfile p : config.profiles()) {
      if (p.token().equals(token)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The presets in creation order.
   *
   * @return a copy
   */
  public synchronized List<PtzPreset> presets() {
    return List.copyOf(presets.values());
  }

  /**
   * Finds a preset.
   *
   * @param token the preset token
   * @return the preset, or empty
   */
  public synchronized Optional<PtzPreset> preset(@Nullable String token) {
    return Optional.ofNullable(token == null ? null : presets.get(token));
  }

  /**
   * Stores a preset (SetPreset).
   *
   * @param token an existing token to overwrite, or {@code null} for a new preset
   * @param name the name, or {@code null} to keep the old one (or make one up)
   * @param position the position to store
   * @return the token, or empty when {@code token} is unknown or the camera is full
   */
  public synchronized Optional<String> putPreset(
      @Nullable String token, @Nullable String name, PtzVector position) {
    if (token != null && !token.isEmpty()) {
      PtzPreset old = presets.get(token);
      if (old == null) {
        return Optional.empty();
      }
      presets.put(token, new PtzPreset(token, name == null ? old.name() : name, position));
      return Optional.of(token);
    }
    if (presets.size() >= MAX_PRESETS) {
      return Optional.empty();
    }
    String t = "preset_" + nextPreset++;
    presets.put(t, new PtzPreset(t, name == null || name.isEmpty() ? t : name, position));
    return Optional.of(t);
  }

  /**
   * Removes a preset.
   *
   * @param token the token
   * @return whether it existed
   */
  public synchronized boolean removePreset(@Nullable String token) {
    return token != null && presets.remove(token) != null;
  }

  /**
   * Whether another preset with this name exists.
   *
   * @param name the name
   * @param except the token to ignore, or {@code null}
   * @return true when the name is taken
   */
  public synchronized boolean presetNameTaken(String name, @Nullable String except) {
    for (PtzPreset p : presets.values()) {
      if (p.name().equals(name) && !p.token().equals(except)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The home position.
   *
   * @return the position
   */
  public synchronized PtzVector home() {
    return home;
  }

  /**
   * Sets the home position.
   *
   * @param value the position
   */
  public synchronized void home(PtzVector value) {
    this.home = value;
  }

  /**
   * The preset whose position the head is at now, if any.
   *
   * @return the preset, or empty
   */
  public synchronized Optional<PtzPreset> presetHere() {
    if (ptz == null || ptz.panTiltMoving() || ptz.zoomMoving()) {
      return Optional.empty();
    }
    PtzVector p = ptz.position();
    for (PtzPreset preset : presets.values()) {
      PtzVector q = preset.position();
      if (q != null
          && Math.abs(q.pan() - p.pan()) < 1e-4
          && Math.abs(q.tilt() - p.tilt()) < 1e-4
          && Math.abs(q.zoom() - p.zoom()) < 1e-4) {
        return Optional.of(preset);
      }
    }
    return Optional.empty();
  }

  /**
   * The event broker: property states and PullPoint subscriptions.
   *
   * @return the broker
   */
  public EventBroker events() {
    return events;
  }

  /**
   * The image settings and focus lens.
   *
   * @return the imaging state
   */
  public ImagingState imaging() {
    return imaging;
  }

  /**
   * The nonce cache of accepted UsernameTokens.
   *
   * @return the cache
   */
  public NonceCache nonces() {
    return nonces;
  }

  /**
   * Counts a request.
   *
   * @param operation the operation or path
   */
  public void count(String operation) {
    requests.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
  }

  /**
   * How many requests an operation received.
   *
   * @param operation the operation name ({@code GetProfiles}) or {@code snapshot}
   * @return the count
   */
  public long requests(String operation) {
    AtomicLong n = requests.get(operation);
    return n == null ? 0 : n.get();
  }

  /**
   * The snapshot delay.
   *
   * @return the delay before a snapshot is answered
   */
  public Duration snapshotDelay() {
    return snapshotDelay;
  }

  /**
   * Sets the snapshot delay.
   *
   * @param value the delay
   */
  public void snapshotDelay(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative");
    }
    this.snapshotDelay = value;
  }

  /**
   * Whether snapshots fail with HTTP 500.
   *
   * @return true when failing
   */
  public boolean snapshotFailing() {
    return snapshotFailing;
  }

  /**
   * Sets whether snapshots fail with HTTP 500.
   *
   * @param value true to fail
   */
  public void snapshotFailing(boolean value) {
    this.snapshotFailing = value;
  }

  /**
   * The offline mode.
   *
   * @return the mode, or {@code null} when online
   */
  public @Nullable OfflineMode offline() {
    return offline;
  }

  /**
   * Sets the offline mode.
   *
   * @param mode the mode, or {@code null} for online
   */
  public void offline(@Nullable OfflineMode mode) {
    this.offline = mode;
  }

  /**
   * Whether the camera is still booting after a reboot (on the injected clock).
   *
   * @return true while booting
   */
  public boolean booting() {
    Instant until = downUntil;
    return until != null && config.clock().instant().isBefore(until);
  }

  /**
   * Reboots: the head goes home and stops, the token nonce cache empties, event subscriptions are
   * dropped, the focus stops, image settings set without persistence are lost, and the camera answers
   * 503 for the configured downtime.
   */
  public void reboot() {
    reboots.incrementAndGet();
    nonces.clear();
    events.dropAll();
    imaging.reboot();
    if (ptz != null) {
      ptz.reset(home());
    }
    Duration d = config.rebootDowntime();
    downUntil = d.isZero() ? null : config.clock().instant().plus(d);
  }

  /**
   * How many times the camera rebooted.
   *
   * @return the count
   */
  public int reboots() {
    return reboots.get();
  }

  /**
   * Names of the presets, for messages.
   *
   * @return the names
   */
  synchronized List<String> presetNames() {
    List<String> out = new ArrayList<>();
    for (PtzPreset p : presets.values()) {
      out.add(p.name());
    }
    return out;
  }
}
