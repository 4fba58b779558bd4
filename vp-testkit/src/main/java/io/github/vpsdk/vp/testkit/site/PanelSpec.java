package io.github.vpsdk.vp.testkit.site;

import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One simulated alarm panel: its account, how it transmits, its zones and users.
 *
 * @param name the panel's name in the scenario (unique)
 * @param account the account number sent after {@code #}
 * @param receiverNumber the DC-09 {@code R} field, or {@code null} for none
 * @param prefix the DC-09 {@code L} field, or {@code null} for none
 * @param format SIA-DCS or ADM-CID
 * @param udp transmit over UDP rather than TCP
 * @param key the AES key, or {@code null} to transmit in clear; never shown by {@link #toString()}
 * @param pollInterval the {@code NULL} link-test interval on the primary path, zero for none
 * @param backupPollInterval the link-test interval on the backup path, zero for none
 * @param clockSkew how far the panel's clock is from the site's at the start
 * @param zones the zones, by number
 * @param users the users (number to name), who arm and disarm
 */
public record PanelSpec(
    String name,
    String account,
    @Nullable String receiverNumber,
    @Nullable String prefix,
    PanelFormat format,
    boolean udp,
    @Nullable Dc09Key key,
    Duration pollInterval,
    Duration backupPollInterval,
    Duration clockSkew,
    List<ZoneSpec> zones,
    Map<Integer, String> users) {

  /** Validates and copies. */
  public PanelSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    if (!account.matches("[0-9A-Za-z]{1,16}")) {
      throw new IllegalArgumentException("account must be 1 to 16 letters or digits: " + account);
    }
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(backupPollInterval, "backupPollInterval");
    Objects.requireNonNull(clockSkew, "clockSkew");
    zones = List.copyOf(zones);
    users = Map.copyOf(users);
    java.util.Set<Integer> numbers = new java.util.HashSet<>();
    for (ZoneSpec z : zones) {
      if (!numbers.add(z.number())) {
        throw new IllegalArgumentException("panel " + name + ": zone " + z.number() + " declared twice");
      }
    }
  }

  /**
   * The zone with a number.
   *
   * @param number the number
   * @return the zone
   * @throws IllegalArgumentException if the panel has no such zone
   */
  public ZoneSpec zone(int number) {
    for (ZoneSpec z : zones) {
      if (z.number() == number) {
        return z;
      }
    }
    throw new IllegalArgumentException("panel " + name + " has no zone " + number);
  }

  /**
   * A panel built in one expression.
   *
   * @param name the panel's name
   * @param account its account
   * @param configure sets the rest
   * @return the panel
   */
  public static PanelSpec create(String name, String account, Consumer<Builder> configure) {
    Builder b = new Builder(name, account);
    configure.accept(b);
    return b.build();
  }

  @Override
  public String toString() {
    return "PanelSpec[name=" + name + ", account=" + account + ", format=" + format + ", udp=" + udp
        + ", encrypted=" + (key != null) + ", zones=" + zones.size() + "]";
  }

  /** Builds a {@link PanelSpec}; defaults: ADM-CID over TCP in clear, {@code R} none, {@code L0}, no polls. */
  public static final class Builder {
    private final String name;
    private final String account;
    private @Nullable String receiverNumber;
    private @Nullable String prefix = "0";
    private PanelFormat format = PanelFormat.ADM_CID;
    private boolean udp;
    private @Nullable Dc09Key key;
    private Duration pollInterval = Duration.ZERO;
    private Duration backupPollInterval = Duration.ZERO;
    private Duration clockSkew = Duration.ZERO;
    private final List<ZoneSpec> zones = new ArrayList<>();
    private final Map<Integer, String> users = new LinkedHashMap<>();

    private Builder(String name, String account) {
      this.name = name;
      this.account = account;
    }

    /**
     * Sets the {@code R} and {@code L} fields.
     *
     * @param receiverNumber the {@code R} field or {@code null}
     * @param prefix the {@code L} field or {@code null}
     * @return this builder
     */
    public Builder fields(@Nullable String receiverNumber, @Nullable String prefix) {
      this.receiverNumber = receiverNumber;
      this.prefix = prefix;
      return this;
    }

    /** @param format the event format @return this builder */
    public Builder format(PanelFormat format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** @param udp transmit over UDP @return this builder */
    public Builder udp(boolean udp) {
      this.udp = udp;
      return this;
    }

    /** @param key the AES key, or {@code null} for clear @return this builder */
    public Builder key(@Nullable Dc09Key key) {
      this.key = key;
      return this;
    }

    /**
     * Sets the link tests.
     *
     * @param primary the interval on the primary path, zero for none
     * @param backup the interval on the backup path, zero for none
     * @return this builder
     */
    public Builder polls(Duration primary, Duration backup) {
      this.pollInterval = primary;
      this.backupPollInterval = backup;
      return this;
    }

    /** @param skew how far the panel's clock is off @return this builder */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = skew;
      return this;
    }

    /**
     * Adds a zone in partition 1.
     *
     * @param number the zone number
     * @param type what it detects
     * @return this builder
     */
    public Builder zone(int number, ZoneType type) {
      return zone(new ZoneSpec(number, "zone " + number, type, 1));
    }

    /** @param zone a zone @return this builder */
    public Builder zone(ZoneSpec zone) {
      zones.add(zone);
      return this;
    }

    /**
     * Adds a user.
     *
     * @param number the user number
     * @param userName the name
     * @return this builder
     */
    public Builder user(int number, String userName) {
      users.put(number, userName);
      return this;
    }

    /** @return the panel */
    public PanelSpec build() {
      return new PanelSpec(name, account, receiverNumber, prefix, format, udp, key, pollInterval,
          backupPollInterval, clockSkew, zones, users);
    }
  }
}
