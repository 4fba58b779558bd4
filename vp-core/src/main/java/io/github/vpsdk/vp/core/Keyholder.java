package io.github.vpsdk.vp.core;

import java.util.Objects;

/**
 * A person to call for a site, in order: the operator calls the first keyholder, then the next
 * when one does not answer.
 *
 * @param order the position in the call list, 1 first
 * @param name the person's name
 * @param phone the number to call, as dialled (E.164 recommended)
 * @param role what the person is for the site ("owner", "manager", "guard company")
 */
public record Keyholder(int order, String name, String phone, String role) {
  /** Validates. */
  public Keyholder {
    if (order < 1) {
      throw new IllegalArgumentException("keyholder order starts at 1: " + order);
    }
    EventChecks.requireText(name, "name", 256);
    EventChecks.requireText(phone, "phone", 64);
    Objects.requireNonNull(role, "role");
  }
}
