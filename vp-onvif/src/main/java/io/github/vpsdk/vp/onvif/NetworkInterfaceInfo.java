package io.github.vpsdk.vp.onvif;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One network interface of a camera (GetNetworkInterfaces).
 *
 * @param token the interface token
 * @param enabled whether the interface is enabled
 * @param name the interface name, or {@code null}
 * @param hardwareAddress the MAC address as the camera writes it, or {@code null}
 * @param dhcp whether IPv4 comes from DHCP
 * @param ipv4Addresses IPv4 addresses with prefix length ({@code 192.0.2.10/24}), manual then
 *     DHCP-assigned
 */
public record NetworkInterfaceInfo(
    String token,
    boolean enabled,
    @Nullable String name,
    @Nullable String hardwareAddress,
    boolean dhcp,
    List<String> ipv4Addresses) {

  /**
   * Checks and copies the components.
   *
   * @param token the interface token
   * @param enabled enabled
   * @param name name or {@code null}
   * @param hardwareAddress MAC or {@code null}
   * @param dhcp DHCP in use
   * @param ipv4Addresses addresses
   */
  public NetworkInterfaceInfo {
    Objects.requireNonNull(token, "token");
    ipv4Addresses = List.copyOf(ipv4Addresses);
  }
}
