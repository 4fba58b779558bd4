package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A simulated ONVIF camera of a site, looking at some zones of a panel: when one of those zones
 * trips with {@code sees}, the camera's picture shows it (its snapshot and stream draw the scene
 * text); when the zone restores, the scene clears.
 *
 * @param name the camera's name (unique in the scenario)
 * @param panel the panel whose zones it looks at, or {@code null} for every panel
 * @param zones the zones in view
 * @param ptz whether it has a PTZ head
 * @param user the ONVIF account's user
 * @param password the account's password; never shown by {@link #toString()}
 * @param clockSkew how far its clock is from the site's
 */
public record CameraSpec(String name, @Nullable String panel, List<Integer> zones, boolean ptz, String user, String password,
    Duration clockSkew) {
  /** Validates and copies. */
  public CameraSpec {
    Objects.requireNonNull(name, "name");
    zones = List.copyOf(zones);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(clockSkew, "clockSkew");
  }

  /**
   * A camera with account admin/admin, no skew.
   *
   * @param name its name
   * @param panel the panel it watches, or {@code null} for all
   * @param ptz whether it has a PTZ head
   * @param zones the zones in view
   * @return the camera
   */
  public static CameraSpec of(String name, @Nullable String panel, boolean ptz, Integer... zones) {
    return new CameraSpec(name, panel, List.of(zones), ptz, "admin", "admin", Duration.ZERO);
  }

  /**
   * Whether the camera sees a zone of a panel.
   *
   * @param panelName the panel
   * @param zone the zone
   * @return {@code true} if it is in view
   */
  public boolean sees(String panelName, int zone) {
    return (panel == null || panel.equals(panelName)) && zones.contains(zone);
  }

  @Override
  public String toString() {
    return "CameraSpec[name=" + name + ", panel=" + panel + ", zones=" + zones + ", ptz=" + ptz + "]";
  }
}
