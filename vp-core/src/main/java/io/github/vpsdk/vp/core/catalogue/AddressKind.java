package io.github.vpsdk.vp.core.catalogue;

/**
 * What the number reported with a code addresses: SIA DC-03 calls it the code's "concern"; in
 * Contact ID it is what the three-digit {@code CCC} field holds.
 */
public enum AddressKind {
  /** A detection zone (point). */
  ZONE,
  /** A user number (who armed, disarmed, cancelled). */
  USER,
  /** An area (partition). */
  AREA,
  /** A door of an access-control system. */
  DOOR,
  /** A device of the system: expander, relay, printer, power supply, module. */
  DEVICE,
  /** A telephone line or receiver line card. */
  LINE,
  /** Nothing: the number is unused (usually 0). */
  NONE
}
