package io.github.vpsdk.vp.testkit.site;

import java.util.Objects;

/**
 * One zone of a simulated panel.
 *
 * @param number the zone number (1 to 999), as reported in events
 * @param name a name for people
 * @param type what it detects
 * @param partition the partition (area) it belongs to, from 1
 */
public record ZoneSpec(int number, String name, ZoneType type, int partition) {
  /** Validates. */
  public ZoneSpec {
    if (number < 1 || number > 999) {
      throw new IllegalArgumentException("zone number must be 1 to 999: " + number);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (partition < 1 || partition > 99) {
      throw new IllegalArgumentException("partition must be 1 to 99: " + partition);
    }
  }
}
