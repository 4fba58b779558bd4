package io.github.vpsdk.vp.onvif.discovery;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * A device found by WS-Discovery: what it said in a ProbeMatch or a Hello (or, for a Bye, at
 * least its endpoint reference).
 *
 * @param endpointReference the stable identity of the device, usually {@code urn:uuid:...}; vp
 *     de-duplicates by it
 * @param types the types it claims, such as {@link #NETWORK_VIDEO_TRANSMITTER}
 * @param xAddrs the addresses of its device service, in the order announced; values that are not
 *     absolute URIs are left out
 * @param scopes its scopes, with the ONVIF ones read out
 * @param metadataVersion the metadata version; a device increments it when its scopes or
 *     addresses change
 * @param source the address and port the datagram came from (behind NAT or with several
 *     interfaces it may differ from the XAddrs)
 */
public record DiscoveredDevice(
    String endpointReference,
    List<QName> types,
    List<URI> xAddrs,
    DeviceScopes scopes,
    long metadataVersion,
    InetSocketAddress source) {

  /** ONVIF's discovery type of a video device, {@code dn:NetworkVideoTransmitter}. */
  public static final QName NETWORK_VIDEO_TRANSMITTER =
      new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter", "dn");

  /** ONVIF's device-service type, {@code tds:Device}, which most devices also claim. */
  public static final QName DEVICE = new QName("http://www.onvif.org/ver10/device/wsdl", "Device", "tds");

  /**
   * Validates and copies the lists.
   *
   * @param endpointReference the endpoint reference
   * @param types the types
   * @param xAddrs the addresses
   * @param scopes the scopes
   * @param metadataVersion the metadata version
   * @param source the sender
   */
  public DiscoveredDevice {
    Objects.requireNonNull(endpointReference, "endpointReference");
    if (endpointReference.isBlank()) {
      throw new IllegalArgumentException("endpointReference must not be blank");
    }
    types = List.copyOf(types);
    xAddrs = List.copyOf(xAddrs);
    Objects.requireNonNull(scopes, "scopes");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The UUID of the endpoint reference, when it is a {@code urn:uuid:} (as ONVIF recommends).
   *
   * @return the UUID, or empty
   */
  public Optional<UUID> uuid() {
    String e = endpointReference;
    if (e.regionMatches(true, 0, "urn:uuid:", 0, 9)) {
      try {
        return Optional.of(UUID.fromString(e.substring(9)));
      } catch (IllegalArgumentException notUuid) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The first {@code http} or {@code https} address, to give to {@code OnvifClient.connect}.
   *
   * @return the device service address, or empty if none was announced
   */
  public Optional<URI> deviceServiceAddress() {
    for (URI u : xAddrs) {
      String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((s.equals("http") || s.equals("https")) && u.getHost() != null) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the device claims a type (namespace and local name compared; prefixes ignored).
   *
   * @param type the type
   * @return true if claimed
   */
  public boolean hasType(QName type) {
    return types.contains(type);
  }
}
