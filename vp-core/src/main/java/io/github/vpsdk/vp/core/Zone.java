package io.github.vpsdk.vp.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A detection zone of a site: a detector or a group of detectors the panel reports under one
 * number.
 *
 * @param number the zone number as the panel reports it
 * @param partition the partition it belongs to, or {@code null} if the panel has none
 * @param name the name shown to operators ("Hall PIR", "Kitchen smoke")
 * @param type what the zone detects, used when a panel reports a generic code; {@code null} if
 *     unknown
 * @param cameras the cameras that show this zone, first one first
 */
public record Zone(
    int number,
    @Nullable Integer partition,
    String name,
    @Nullable EventCategory type,
    List<CameraLink> cameras) {

  /** Validates and copies the list. */
  public Zone {
    EventChecks.requireNonNegative(number, "zone number");
    EventChecks.requireNonNegative(partition, "partition");
    Objects.requireNonNull(name, "name");
    cameras = List.copyOf(cameras);
  }

  /**
   * A zone with no partition, type or camera.
   *
   * @param number the zone number
   * @param name the name
   * @return the zone
   */
  public static Zone of(int number, String name) {
    return new Zone(number, null, name, null, List.of());
  }
}
