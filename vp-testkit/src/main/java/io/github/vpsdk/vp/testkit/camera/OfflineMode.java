package io.github.vpsdk.vp.testkit.camera;

/** How a {@link SimulatedCamera} behaves while offline ({@link SimulatedCamera#goOffline}). */
public enum OfflineMode {
  /** The listening socket is closed: connections are refused, as for a camera without power. */
  REFUSE,
  /**
   * Connections are accepted but requests get no answer until the camera is back online (or
   * closed), as for a hung camera or a lossy link: clients run into their read timeout.
   */
  SILENT
}
