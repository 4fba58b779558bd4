package io.github.vpsdk.vp.testkit.site;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Site} runs a scenario.
 *
 * @param primary the primary receiver, overriding the scenario's, or {@code null}
 * @param backup the backup receiver, overriding the scenario's, or {@code null}
 * @param virtualStart the site clock's start in virtual time, or {@code null} to run in real time
 * @param ackTimeout how long a panel waits for an answer before sending again
 * @param retryBackoff the first and longest pause between a panel's attempts on one path
 * @param attemptsPerPath attempts on a path before a panel falls over to the next
 * @param retryPrimaryAfter how long a panel stays on its backup before trying the primary again
 * @param settleTimeout in virtual time, how long (real time) each step may take to settle
 * @param threads the panels' network threads
 * @param seed the seed of the faults' randomness (datagram loss)
 * @param faultProxies put a fault proxy in front of every panel, not only those a fault step of
 *     the scenario names (needed to inject faults from code)
 */
public record SiteOptions(
    @Nullable InetSocketAddress primary,
    @Nullable InetSocketAddress backup,
    @Nullable Instant virtualStart,
    Duration ackTimeout,
    Duration retryBackoff,
    int attemptsPerPath,
    Duration retryPrimaryAfter,
    Duration settleTimeout,
    int threads,
    long seed,
    boolean faultProxies) {

  /** Validates. */
  public SiteOptions {
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    Objects.requireNonNull(retryPrimaryAfter, "retryPrimaryAfter");
    Objects.requireNonNull(settleTimeout, "settleTimeout");
    if (threads < 1 || attemptsPerPath < 1) {
      throw new IllegalArgumentException("threads and attemptsPerPath must be positive");
    }
  }

  /**
   * Options built in one expression. Defaults: the scenario's receivers, real time, 2 s answer
   * timeout, 200 ms back-off, 2 attempts per path, primary retried after 5 s, 30 s to settle,
   * 1 thread, seed 1, fault proxies only where the scenario injects faults.
   *
   * @param configure sets the fields
   * @return the options
   */
  public static SiteOptions create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /** @return the default options */
  public static SiteOptions defaults() {
    return create(b -> { });
  }

  /** Builds {@link SiteOptions}. */
  public static final class Builder {
    private @Nullable InetSocketAddress primary;
    private @Nullable InetSocketAddress backup;
    private @Nullable Instant virtualStart;
    private Duration ackTimeout = Duration.ofSeconds(2);
    private Duration retryBackoff = Duration.ofMillis(200);
    private int attemptsPerPath = 2;
    private Duration retryPrimaryAfter = Duration.ofSeconds(5);
    private Duration settleTimeout = Duration.ofSeconds(30);
    private int threads = 1;
    private long seed = 1;
    private boolean faultProxies;

    private Builder() {}

    /** @param all put a fault proxy in front of every panel @return this builder */
    public Builder faultProxies(boolean all) {
      this.faultProxies = all;
      return this;
    }

    /**
     * Sends to these receivers instead of the scenario's.
     *
     * @param primaryReceiver the primary
     * @param backupReceiver the backup, or {@code null} to keep the scenario's
     * @return this builder
     */
    public Builder receivers(@Nullable InetSocketAddress primaryReceiver, @Nullable InetSocketAddress backupReceiver) {
      this.primary = primaryReceiver;
      this.backup = backupReceiver;
      return this;
    }

    /**
     * Runs in virtual time: the site's clock starts there and moves only by {@link Site#advance}
     * and {@link Site#runToEnd} (and by the few real milliseconds the network takes).
     *
     * @param start the clock's start, or {@code null} for real time
     * @return this builder
     */
    public Builder virtualTime(@Nullable Instant start) {
      this.virtualStart = start;
      return this;
    }

    /** @param timeout how long a panel waits for an answer @return this builder */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    /** @param backoff the pause between attempts on a path @return this builder */
    public Builder retryBackoff(Duration backoff) {
      this.retryBackoff = backoff;
      return this;
    }

    /** @param attempts attempts on a path before the next @return this builder */
    public Builder attemptsPerPath(int attempts) {
      this.attemptsPerPath = attempts;
      return this;
    }

    /** @param after how long before a panel on its backup tries the primary again @return this builder */
    public Builder retryPrimaryAfter(Duration after) {
      this.retryPrimaryAfter = after;
      return this;
    }

    /** @param timeout how long a virtual-time step may take to settle @return this builder */
    public Builder settleTimeout(Duration timeout) {
      this.settleTimeout = timeout;
      return this;
    }

    /** @param count the panels' network threads @return this builder */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    /** @param value the seed of the faults' randomness @return this builder */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** @return the options */
    public SiteOptions build() {
      return new SiteOptions(primary, backup, virtualStart, ackTimeout, retryBackoff, attemptsPerPath, retryPrimaryAfter,
          settleTimeout, threads, seed, faultProxies);
    }
  }
}
