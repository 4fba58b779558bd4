package io.github.vpsdk.vp.core;

import java.util.Objects;

/**
 * A partition (area) of a site's alarm system: a part armed and disarmed on its own.
 *
 * @param number the partition number as the panel reports it (0 and up)
 * @param name the name shown to operators
 */
public record Partition(int number, String name) {
  /** Validates. */
  public Partition {
    EventChecks.requireNonNegative(number, "partition number");
    Objects.requireNonNull(name, "name");
  }
}
