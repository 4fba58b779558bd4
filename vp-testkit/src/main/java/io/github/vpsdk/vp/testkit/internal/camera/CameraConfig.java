package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.camera.CameraProfile;
import io.github.vpsdk.vp.testkit.camera.PtzSettings;
import io.github.vpsdk.vp.testkit.camera.SnapshotAuth;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fixed settings of a simulated camera, as built by {@code SimulatedCamera.Builder}.
 *
 * @param name the camera name (scopes, hostname, snapshot caption)
 * @param manufacturer manufacturer
 * @param model model
 * @param firmwareVersion firmware version
 * @param serialNumber serial number
 * @param hardwareId hardware id
 * @param user the account name, or {@code null} for none
 * @param password the account password, or {@code null} for none
 * @param authRequired whether SOAP requests need a UsernameToken
 * @param passwordTextAccepted whether a PasswordText token is accepted
 * @param tokenWindow how far a token's Created may be from the camera clock
 * @param clock the clock before skew
 * @param initialSkew the camera clock minus {@code clock} at start
 * @param profiles the media profiles
 * @param ptz the PTZ head settings, or {@code null} without PTZ
 * @param presets initial presets, name to position
 * @param snapshotAuth snapshot authentication
 * @param host the address bound and announced
 * @param port the port to bind, 0 for any
 * @param rtspPort the port announced in stream URIs, or {@code null} for none (default 554)
 * @param rebootDowntime how long (on {@code clock}) the camera answers 503 after a reboot
 * @param strictFaultStatus whether Sender faults go with HTTP 400 (SOAP 1.2) rather than 500
 */
public record CameraConfig(
    String name,
    String manufacturer,
    String model,
    String firmwareVersion,
    String serialNumber,
    String hardwareId,
    @Nullable String user,
    @Nullable String password,
    boolean authRequired,
    boolean passwordTextAccepted,
    Duration tokenWindow,
    Clock clock,
    Duration initialSkew,
    List<CameraProfile> profiles,
    @Nullable PtzSettings ptz,
    Map<String, PtzVector> presets,
    SnapshotAuth snapshotAuth,
    String host,
    int port,
    @Nullable Integer rtspPort,
    Duration rebootDowntime,
    boolean strictFaultStatus) {

  /**
   * Copies the collections.
   *
   * @param name name
   * @param manufacturer manufacturer
   * @param model model
   * @param firmwareVersion firmware
   * @param serialNumber serial
   * @param hardwareId hardware id
   * @param user user or null
   * @param password password or null
   * @param authRequired auth required
   * @param passwordTextAccepted PasswordText accepted
   * @param tokenWindow token window
   * @param clock clock
   * @param initialSkew skew
   * @param profiles profiles
   * @param ptz PTZ or null
   * @param presets presets
   * @param snapshotAuth snapshot auth
   * @param host host
   * @param port port
   * @param rtspPort RTSP port or null
   * @param rebootDowntime reboot downtime
   * @param strictFaultStatus HTTP 400 for Sender faults
   */
  public CameraConfig {
    profiles = List.copyOf(profiles);
    presets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(presets));
  }

  @Override
  public String toString() {
    return "CameraConfig[" + name + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
