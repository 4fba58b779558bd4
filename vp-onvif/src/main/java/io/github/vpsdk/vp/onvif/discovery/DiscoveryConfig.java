package io.github.vpsdk.vp.onvif.discovery;

import io.github.vpsdk.vp.onvif.TaskScheduler;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/**
 * Settings of {@link OnvifDiscovery}. Build with {@link #create(Consumer)} or take {@link
 * #defaults()}.
 *
 * @param interfaces the network interfaces a multicast probe leaves from, one socket each; empty
 *     for every interface that is up, not loopback, supports multicast and has an IPv4 address
 *     (hosts with several interfaces otherwise send the probe on the default route only)
 * @param timeout how long a probe collects matches before its future completes
 * @param repeats how many times a probe is sent again after the first copy (SOAP-over-UDP),
 *     after a random delay of 50 to 250 ms doubled each time and capped at 500 ms; 0 to 5
 * @param types the types probed for; empty probes for any device. Default {@link
 *     DiscoveredDevice#NETWORK_VIDEO_TRANSMITTER}
 * @param scopes scopes every match must have (RFC 3986 matching, done by the devices); empty
 *     for none
 * @param group the multicast group and port, {@code 239.255.255.250:3702} by default
 * @param multicastTtl the time to live of multicast probes, 1 by default (the local link)
 * @param maxDatagramBytes the largest datagram read; larger ones are dropped unread. 512 to
 *     65,507
 * @param scheduler the timer of timeouts and repeats, or {@code null} for a daemon thread owned
 *     by the {@link OnvifDiscovery}
 */
public record DiscoveryConfig(
    List<NetworkInterface> interfaces,
    Duration timeout,
    int repeats,
    List<QName> types,
    List<String> scopes,
    InetSocketAddress group,
    int multicastTtl,
    int maxDatagramBytes,
    @Nullable TaskScheduler scheduler) {

  /** The WS-Discovery multicast group and port. */
  public static final InetSocketAddress DEFAULT_GROUP =
      new InetSocketAddress("239.255.255.250", 3702);

  /**
   * Validates and copies.
   *
   * @param interfaces the interfaces
   * @param timeout the probe timeout
   * @param repeats the repeats
   * @param types the types
   * @param scopes the scopes
   * @param group the multicast group
   * @param multicastTtl the multicast TTL
   * @param maxDatagramBytes the datagram limit
   * @param scheduler the scheduler or {@code null}
   */
  public DiscoveryConfig {
    interfaces = List.copyOf(interfaces);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (repeats < 0 || repeats > 5) {
      throw new IllegalArgumentException("repeats must be 0 to 5");
    }
    types = List.copyOf(types);
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(group, "group");
    if (group.isUnresolved() || !group.getAddress().isMulticastAddress()) {
      throw new IllegalArgumentException("group must be a multicast address");
    }
    if (multicastTtl < 1 || multicastTtl > 255) {
      throw new IllegalArgumentException("multicastTtl must be 1 to 255");
    }
    if (maxDatagramBytes < 512 || maxDatagramBytes > 65_507) {
      throw new IllegalArgumentException("maxDatagramBytes must be 512 to 65507");
    }
  }

  /**
   * The defaults.
   *
   * @return all suitable interfaces, 3 s timeout, 2 repeats, {@code dn:NetworkVideoTransmitter},
   *     no scope, the standard group, TTL 1, 65,507 bytes, own scheduler
   */
  public static DiscoveryConfig defaults() {
    return new Builder().build();
  }

  /**
   * Builds settings starting from the defaults.
   *
   * @param customizer sets the values to change
   * @return the settings
   */
  public static DiscoveryConfig create(Consumer<Builder> customizer) {
    Builder b = new Builder();
    customizer.accept(b);
    return b.build();
  }

  /**
   * A builder holding these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.interfaces = interfaces;
    b.timeout = timeout;
    b.repeats = repeats;
    b.types = types;
    b.scopes = scopes;
    b.group = group;
    b.multicastTtl = multicastTtl;
    b.maxDatagramBytes = maxDatagramBytes;
    b.scheduler = scheduler;
    return b;
  }

  /** Builder of {@link DiscoveryConfig}. */
  public static final class Builder {
    private List<NetworkInterface> interfaces = List.of();
    private Duration timeout = Duration.ofSeconds(3);
    private int repeats = 2;
    private List<QName> types = List.of(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER);
    private List<String> scopes = List.of();
    private InetSocketAddress group = DEFAULT_GROUP;
    private int multicastTtl = 1;
    private int maxDatagramBytes = 65_507;
    private @Nullable TaskScheduler scheduler;

    Builder() {}

    /**
     * Sets the interfaces multicast probes leave from (default: all suitable ones).
     *
     * @param value the interfaces
     * @return this builder
     */
    public Builder interfaces(List<NetworkInterface> value) {
      this.interfaces = value;
      return this;
    }

    /**
     * Sets how long a probe collects matches (default 3 s).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /**
     * Sets how many extra copies of a probe are sent (default 2).
     *
     * @param value 0 to 5
     * @return this builder
     */
    public Builder repeats(int value) {
      this.repeats = value;
      return this;
    }

    /**
     * Sets the types probed for (default {@code dn:NetworkVideoTransmitter}; empty for any).
     *
     * @param value the types
     * @return this builder
     */
    public Builder types(List<QName> value) {
      this.types = value;
      return this;
    }

    /**
     * Sets the scopes every match must have (default none).
     *
     * @param value the scopes
     * @return this builder
     */
    public Builder scopes(List<String> value) {
      this.scopes = value;
      return this;
    }

    /**
     * Sets the multicast group and port (default {@code 239.255.255.250:3702}).
     *
     * @param value the group
     * @return this builder
     */
    public Builder group(InetSocketAddress value) {
      this.group = value;
      return this;
    }

    /**
     * Sets the multicast time to live (default 1).
     *
     * @param value 1 to 255
     * @return this builder
     */
    public Builder multicastTtl(int value) {
      this.multicastTtl = value;
      return this;
    }

    /**
     * Sets the largest datagram read (default 65,507).
     *
     * @param value 512 to 65,507
     * @return this builder
     */
    public Builder maxDatagramBytes(int value) {
      this.maxDatagramBytes = value;
      return this;
    }

    /**
     * Sets the timer (default: a daemon thread owned by the discovery client).
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
    public DiscoveryConfig build() {
      return new DiscoveryConfig(
          interfaces, timeout, repeats, types, scopes, group, multicastTtl, maxDatagramBytes, scheduler);
    }
  }
}
