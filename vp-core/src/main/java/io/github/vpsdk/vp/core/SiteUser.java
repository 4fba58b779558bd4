package io.github.vpsdk.vp.core;

import java.util.Objects;

/**
 * A user code of a site's panel: who armed or disarmed, whose code raised a duress alarm.
 * Holds no PIN: vp never needs one.
 *
 * @param number the user number as the panel reports it
 * @param name the person or role ("Installer", "Cleaning company")
 */
public record SiteUser(int number, String name) {
  /** Validates. */
  public SiteUser {
    EventChecks.requireNonNegative(number, "user number");
    Objects.requireNonNull(name, "name");
  }
}
