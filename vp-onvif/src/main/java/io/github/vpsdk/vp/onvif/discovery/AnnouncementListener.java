package io.github.vpsdk.vp.onvif.discovery;

/**
 * Receives the Hello and Bye announcements devices multicast when they join or leave the
 * network. Called on the listening thread: return quickly.
 */
public interface AnnouncementListener {

  /**
   * A device announced itself (started, joined the network, or changed its scopes or addresses,
   * in which case its metadata version went up).
   *
   * @param device the device
   */
  void hello(DiscoveredDevice device);

  /**
   * A device said it is leaving. Often only {@link DiscoveredDevice#endpointReference()} is
   * filled in.
   *
   * @param device the device
   */
  default void bye(DiscoveredDevice device) {}
}
