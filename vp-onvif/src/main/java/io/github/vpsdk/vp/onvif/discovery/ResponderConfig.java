package io.github.vpsdk.vp.onvif.discovery;

import io.github.vpsdk.vp.onvif.TaskScheduler;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link DiscoveryResponder}: who the simulated device is and where it listens.
 *
 * @param endpointReference the device's stable identity, {@code urn:uuid:...}
 * @param types the types it claims (default {@code dn:NetworkVideoTransmitter} and {@code
 *     tds:Device})
 * @param scopes its scope URIs, such as {@code onvif://www.onvif.org/name/Hall}
 * @param xAddrs its device service addresses
 * @param metadataVersion the initial metadata version
 * @param instanceId the {@code AppSequence} instance identifier, which must grow each time the
 *     device restarts (default: the epoch second when the builder was made)
 * @param bind the local address to listen on: {@code 0.0.0.0:3702} by default; a test binds
 *     {@code 127.0.0.1:0}
 * @param interfaces the interfaces on which to join the group and send announcements; empty for
 *     every up, non-loopback, multicast IPv4 interface
 * @param joinGroup whether to join the multicast group (off for a unicast-only test responder)
 * @param group the multicast group and port announcements go to
 * @param announceTo where Hello and Bye go instead of the group (a listener's unicast address in
 *     tests, or a discovery proxy), or {@code null} for the group
 * @param maxResponseDelay ProbeMatches wait a random time up to this ({@code APP_MAX_DELAY},
 *     500 ms by default), so that many devices do not answer at once; zero in tests
 * @param maxDatagramBytes the largest datagram read
 * @param scheduler the timer of delayed answers, or {@code null} for an own daemon thread
 */
public record ResponderConfig(
    String endpointReference,
    List<QName> types,
    List<String> scopes,
    List<URI> xAddrs,
    long metadataVersion,
    long instanceId,
    InetSocketAddress bind,
    List<NetworkInterface> interfaces,
    boolean joinGroup,
    InetSocketAddress group,
    @Nullable InetSocketAddress announceTo,
    Duration maxResponseDelay,
    int maxDatagramBytes,
    @Nullable TaskScheduler scheduler) {

  /**
   * Validates and copies.
   *
   * @param endpointReference the identity
   * @param types the types
   * @param scopes the scopes
   * @param xAddrs the addresses
   * @param metadataVersion the metadata version
   * @param instanceId the instance identifier
   * @param bind the listening address
   * @param interfaces the interfaces
   * @param joinGroup whether to join the group
   * @param group the group
   * @param announceTo the unicast announcement target or {@code null}
   * @param maxResponseDelay the largest answer delay
   * @param maxDatagramBytes the datagram limit
   * @param scheduler the scheduler or {@code null}
   */
  public ResponderConfig {
    Objects.requireNonNull(endpointReference, "endpointReference");
    if (endpointReference.isBlank()) {
      throw new IllegalArgumentException("endpointReference must not be blank");
    }
    types = List.copyOf(types);
    scopes = List.copyOf(scopes);
    xAddrs = List.copyOf(xAddrs);
    if (metadataVersion < 0) {
      throw new IllegalArgumentException("metadataVersion must not be negative");
    }
    if (instanceId < 0) {
      throw new IllegalArgumentException("instanceId must not be negative");
    }
    Objects.requireNonNull(bind, "bind");
    interfaces = List.copyOf(interfaces);
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(maxResponseDelay, "maxResponseDelay");
    if (maxResponseDelay.isNegative()) {
      throw new IllegalArgumentException("maxResponseDelay must not be negative");
    }
    if (maxDatagramBytes < 512 || maxDatagramBytes > 65_507) {
      throw new IllegalArgumentException("maxDatagramBytes must be 512 to 65507");
    }
  }

  /**
   * Builds settings starting from the defaults (a random {@code urn:uuid:} identity).
   *
   * @param customizer sets the values to change
   * @return the settings
   */
  public static ResponderConfig create(Consumer<Builder> customizer) {
    Builder b = new Builder();
    customizer.accept(b);
    return b.build();
  }

  /** Builder of {@link ResponderConfig}. */
  public static final class Builder {
    private String endpointReference = "urn:uuid:" + UUID.randomUUID();
    private List<QName> types =
        List.of(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER, DiscoveredDevice.DEVICE);
    private List<String> scopes = List.of();
    private List<URI> xAddrs = List.of();
    private long metadataVersion = 1;
    private long instanceId = java.time.Clock.systemUTC().instant().getEpochSecond();
    private InetSocketAddress bind = new InetSocketAddress(DiscoveryConfig.DEFAULT_GROUP.getPort());
    private List<NetworkInterface> interfaces = List.of();
    private boolean joinGroup = true;
    private InetSocketAddress group = DiscoveryConfig.DEFAULT_GROUP;
    private @Nullable InetSocketAddress announceTo;
    private Duration maxResponseDelay = Duration.ofMillis(500);
    private int maxDatagramBytes = 65_507;
    private @Nullable TaskScheduler scheduler;

    Builder() {}

    /**
     * Sets the identity (default a random {@code urn:uuid:}).
     *
     * @param value the endpoint reference
     * @return this builder
     */
    public Builder endpointReference(String value) {
      this.endpointReference = value;
      return this;
    }

    /**
     * Sets the types (default {@code dn:NetworkVideoTransmitter tds:Device}).
     *
     * @param value the types
     * @return this builder
     */
    public Builder types(List<QName> value) {
      this.types = value;
      return this;
    }

    /**
     * Sets the scopes (default none).
     *
     * @param value the scopes
     * @return this builder
     */
    public Builder scopes(List<String> value) {
      this.scopes = value;
      return this;
    }

    /**
     * Sets the device service addresses (default none).
     *
     * @param value the addresses
     * @return this builder
     */
    public Builder xAddrs(List<URI> value) {
      this.xAddrs = value;
      return this;
    }

    /**
     * Sets the initial metadata version (default 1).
     *
     * @param value the version
     * @return this builder
     */
    public Builder metadataVersion(long value) {
      this.metadataVersion = value;
      return this;
    }

    /**
     * Sets the {@code AppSequence} instance identifier (default: the current epoch second).
     *
     * @param value the identifier, growing at each restart
     * @return this builder
     */
    public Builder instanceId(long value) {
      this.instanceId = value;
      return this;
    }

    /**
     * Sets the listening address (default {@code 0.0.0.0:3702}).
     *
     * @param value the address
     * @return this builder
     */
    public Builder bind(InetSocketAddress value) {
      this.bind = value;
      return this;
    }

    /**
     * Sets the interfaces to join the group on (default all suitable).
     *
     * @param value the interfaces
     * @return this builder
     */
    public Builder interfaces(List<NetworkInterface> value) {
      this.interfaces = value;
      return this;
    }

    /**
     * Sets whether to join the multicast group (default true).
     *
     * @param value true to join
     * @return this builder
     */
    public Builder joinGroup(boolean value) {
      this.joinGroup = value;
      return this;
    }

    /**
     * Sets the multicast group (default {@code 239.255.255.250:3702}).
     *
     * @param value the group
     * @return this builder
     */
    public Builder group(InetSocketAddress value) {
      this.group = value;
      return this;
    }

    /**
     * Sends Hello and Bye to this address instead of the group (default {@code null}).
     *
     * @param value the address, or {@code null}
     * @return this builder
     */
    public Builder announceTo(@Nullable InetSocketAddress value) {
      this.announceTo = value;
      return this;
    }

    /**
     * Sets the largest random delay before a ProbeMatches (default 500 ms).
     *
     * @param value the delay
     * @return this builder
     */
    public Builder maxResponseDelay(Duration value) {
      this.maxResponseDelay = value;
      return this;
    }

    /**
     * Sets the largest datagram read (default 65,507).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder maxDatagramBytes(int value) {
      this.maxDatagramBytes = value;
      return this;
    }

    /**
     * Sets the timer (default an own daemon thread).
     *
     * @param value the scheduler, or {@code null}
     * @return this builder
     */
    public Builder scheduler(@Nullable TaskScheduler value) {
      this.scheduler = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public ResponderConfig build() {
      return new ResponderConfig(
          endpointReference,
          types,
          scopes,
          xAddrs,
          metadataVersion,
          instanceId,
          bind,
          interfaces,
          joinGroup,
          group,
          announceTo,
          maxResponseDelay,
          maxDatagramBytes,
          scheduler);
    }
  }
}
