package io.github.vpsdk.vp.core;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A protected site: its alarm accounts, partitions, zones, panel users, cameras and keyholders.
 *
 * <p>The site ties what a panel reports to what an operator needs: {@link #camerasFor(AlarmEvent)}
 * gives the cameras (and presets) that show the zone of an alarm, {@link #userName} the person
 * behind a user number. A site is immutable; build it with {@link #builder(String)} and derive
 * changed copies with {@link #toBuilder()}.
 *
 * <p>Checked on construction: identifiers unique, zone numbers unique within a partition, every
 * zone's camera links name a camera of the site, keyholder orders unique.
 *
 * @param id the site identifier, unique in the centre
 * @param name the name shown to operators
 * @param address the postal address, possibly empty
 * @param timeZone the site's time zone (panel clocks and schedules are local)
 * @param accounts the accounts the site's panels report under
 * @param partitions the partitions
 * @param zones the zones
 * @param users the panel users
 * @param cameras the cameras
 * @param keyholders the people to call, in order
 */
public record Site(
    String id,
    String name,
    String address,
    ZoneId timeZone,
    List<AccountId> accounts,
    List<Partition> partitions,
    List<Zone> zones,
    List<SiteUser> users,
    List<Camera> cameras,
    List<Keyholder> keyholders) {

  /** Validates and copies the lists; keyholders are sorted by order. */
  public Site {
    EventChecks.requireText(id, "id", 128);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(timeZone, "timeZone");
    accounts = List.copyOf(accounts);
    partitions = List.copyOf(partitions);
    zones = List.copyOf(zones);
    users = List.copyOf(users);
    cameras = List.copyOf(cameras);
    List<Keyholder> sorted = new ArrayList<>(keyholders);
    sorted.sort(Comparator.comparingInt(Keyholder::order));
    keyholders = List.copyOf(sorted);

    unique(accounts, a -> a, "account");
    unique(partitions, Partition::number, "partition");
    unique(zones, z -> z.partition() + "/" + z.number(), "zone (partition/number)");
    unique(users, SiteUser::number, "user");
    unique(cameras, Camera::id, "camera");
    unique(keyholders, Keyholder::order, "keyholder order");
    Set<String> cameraIds = new HashSet<>();
    cameras.forEach(c -> cameraIds.add(c.id()));
    for (Zone zone : zones) {
      for (CameraLink link : zone.cameras()) {
        if (!cameraIds.contains(link.cameraId())) {
          throw new IllegalArgumentException(
              "zone " + zone.number() + " links to unknown camera " + link.cameraId());
        }
      }
    }
  }

  /**
   * A builder for a site.
   *
   * @param id the site identifier
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Builds a site in one expression.
   *
   * @param id the site identifier
   * @param configure sets the builder's fields
   * @return the site
   */
  public static Site create(String id, Consumer<Builder> configure) {
    Builder b = new Builder(id);
    configure.accept(b);
    return b.build();
  }

  /**
   * A builder holding this site's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id).name(name).address(address).timeZone(timeZone);
    b.accounts.addAll(accounts);
    b.partitions.addAll(partitions);
    b.zones.addAll(zones);
    b.users.addAll(users);
    b.cameras.addAll(cameras);
    b.keyholders.addAll(keyholders);
    return b;
  }

  /**
   * Whether one of the site's panels reports under an account. Receiver and prefix are compared
   * only when both sides have them, so a site configured with a bare account number matches
   * frames from any receiver line.
   *
   * @param account the reporting account
   * @return whether it belongs to this site
   */
  public boolean reportsUnder(AccountId account) {
    for (AccountId own : accounts) {
      if (own.account().equals(account.account())
          && compatible(own.receiver(), account.receiver())
          && compatible(own.prefix(), account.prefix())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The zone with a number, preferring one in the given partition.
   *
   * @param partition the partition of the event, or {@code null}
   * @param number the zone number
   * @return the zone, if configured
   */
  public Optional<Zone> zone(@Nullable Integer partition, int number) {
    Zone fallback = null;
    for (Zone zone : zones) {
      if (zone.number() == number) {
        if (Objects.equals(zone.partition(), partition)) {
          return Optional.of(zone);
        }
        if (fallback == null) {
          fallback = zone;
        }
      }
    }
    return Optional.ofNullable(fallback);
  }

  /**
   * The cameras that show the zone of an event, with their presets, first one first. Empty when
   * the event names no zone, the zone is not configured or has no camera.
   *
   * @param event the event
   * @return the camera links
   */
  public List<CameraLink> camerasFor(AlarmEvent event) {
    if (event instanceof PanelEvent) {
      PanelEvent pe = (PanelEvent) event;
      if (pe.zone() != null) {
        return zone(pe.partition(), pe.zone()).map(Zone::cameras).orElse(List.of());
      }
    }
    return List.of();
  }

  /**
   * The camera with an identifier.
   *
   * @param cameraId the identifier
   * @return the camera, if the site has it
   */
  public Optional<Camera> camera(String cameraId) {
    return cameras.stream().filter(c -> c.id().equals(cameraId)).findFirst();
  }

  /**
   * The name of a panel user.
   *
   * @param number the user number
   * @return the name, if configured
   */
  public Optional<String> userName(int number) {
    return users.stream().filter(u -> u.number() == number).map(SiteUser::name).findFirst();
  }

  private static boolean compatible(@Nullable String a, @Nullable String b) {
    return a == null || b == null || a.equals(b);
  }

  private static <T> void unique(
      List<T> items, java.util.function.Function<T, Object> key, String what) {
    Map<Object, T> seen = new HashMap<>();
    for (T item : items) {
      if (seen.put(key.apply(item), item) != null) {
        throw new IllegalArgumentException("duplicate " + what + ": " + key.apply(item));
      }
    }
  }

  /** Builds {@link Site}s. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name = "";
    private String address = "";
    private ZoneId timeZone = ZoneId.of("UTC");
    private final List<AccountId> accounts = new ArrayList<>();
    private final List<Partition> partitions = new ArrayList<>();
    private final List<Zone> zones = new ArrayList<>();
    private final List<SiteUser> users = new ArrayList<>();
    private final List<Camera> cameras = new ArrayList<>();
    private final List<Keyholder> keyholders = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the name (default empty).
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the address (default empty).
     *
     * @param address the address
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * Sets the time zone (default UTC).
     *
     * @param timeZone the time zone
     * @return this builder
     */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    /**
     * Adds an account.
     *
     * @param account the account
     * @return this builder
     */
    public Builder account(AccountId account) {
      accounts.add(account);
      return this;
    }

    /**
     * Adds a partition.
     *
     * @param number the partition number
     * @param name the name
     * @return this builder
     */
    public Builder partition(int number, String name) {
      partitions.add(new Partition(number, name));
      return this;
    }

    /**
     * Adds a zone.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder zone(Zone zone) {
      zones.add(zone);
      return this;
    }

    /**
     * Adds a panel user.
     *
     * @param number the user number
     * @param name the name
     * @return this builder
     */
    public Builder user(int number, String name) {
      users.add(new SiteUser(number, name));
      return this;
    }

    /**
     * Adds a camera.
     *
     * @param camera the camera
     * @return this builder
     */
    public Builder camera(Camera camera) {
      cameras.add(camera);
      return this;
    }

    /**
     * Adds a keyholder.
     *
     * @param keyholder the keyholder
     * @return this builder
     */
    public Builder keyholder(Keyholder keyholder) {
      keyholders.add(keyholder);
      return this;
    }

    /**
     * Builds the site.
     *
     * @return the site
     * @throws IllegalArgumentException if the site is inconsistent
     */
    public Site build() {
      return new Site(
          id, name, address, timeZone, accounts, partitions, zones, users, cameras, keyholders);
    }
  }
}
