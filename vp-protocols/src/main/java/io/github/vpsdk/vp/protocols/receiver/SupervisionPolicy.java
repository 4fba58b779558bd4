package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.AccountId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How often each account must be heard from. A panel sends {@code NULL} link tests at its
 * supervision interval and restarts that interval whenever it sends anything else, so any traffic
 * counts. An account is reported lost when nothing came for its interval plus the grace margin.
 *
 * @param defaultInterval the interval of accounts with none of their own, or {@code null} to
 *     supervise only the accounts listed
 * @param intervals per-account intervals
 * @param grace the margin added to every interval before a loss is reported (network delay,
 *     retries); 30 s by default
 */
public record SupervisionPolicy(
    @Nullable Duration defaultInterval, Map<AccountId, Duration> intervals, Duration grace) {

  /** Validates and copies. */
  public SupervisionPolicy {
    intervals = Map.copyOf(intervals);
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace is negative");
    }
    if (defaultInterval != null && (defaultInterval.isZero() || defaultInterval.isNegative())) {
      throw new IllegalArgumentException("default interval must be positive");
    }
    for (Duration d : intervals.values()) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("intervals must be positive");
      }
    }
  }

  /**
   * A policy built in one expression.
   *
   * @param configure sets the builder's fields
   * @return the policy
   */
  public static SupervisionPolicy create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /**
   * No supervision at all.
   *
   * @return a policy supervising nothing
   */
  public static SupervisionPolicy none() {
    return new SupervisionPolicy(null, Map.of(), Duration.ofSeconds(30));
  }

  /**
   * The interval of an account.
   *
   * @param account the account
   * @return its interval, or empty if it is not supervised
   */
  public Optional<Duration> intervalOf(AccountId account) {
    Duration own = intervals.get(account);
    if (own == null) {
      own = intervals.get(AccountId.of(account.account()));
    }
    return Optional.ofNullable(own != null ? own : defaultInterval);
  }

  /** Builds {@link SupervisionPolicy} values. */
  public static final class Builder {
    private @Nullable Duration defaultInterval;
    private final Map<AccountId, Duration> intervals = new HashMap<>();
    private Duration grace = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Supervises every account heard from at this interval (default: only listed accounts).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder defaultInterval(Duration interval) {
      this.defaultInterval = interval;
      return this;
    }

    /**
     * Sets one account's interval. An account given without receiver and prefix applies to every
     * receiver line.
     *
     * @param account the account
     * @param interval the interval
     * @return this builder
     */
    public Builder interval(AccountId account, Duration interval) {
      intervals.put(account, interval);
      return this;
    }

    /**
     * Sets the grace margin (default 30 s).
     *
     * @param grace the margin
     * @return this builder
     */
    public Builder grace(Duration grace) {
      this.grace = grace;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public SupervisionPolicy build() {
      return new SupervisionPolicy(defaultInterval, intervals, grace);
    }
  }
}
