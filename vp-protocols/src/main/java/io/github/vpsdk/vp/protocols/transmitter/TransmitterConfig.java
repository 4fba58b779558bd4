package io.github.vpsdk.vp.protocols.transmitter;

import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link Dc09Transmitter}: one panel account reporting over one or more paths.
 *
 * @param paths the receivers, primary first, then backups
 * @param udp send over UDP instead of TCP
 * @param account the panel's account
 * @param receiver the {@code R} field, or {@code null}
 * @param prefix the {@code L} field, or {@code null}
 * @param key the AES key to encrypt with, or {@code null} to send plain
 * @param clock the panel's clock, for timestamps (a receiver's {@code NAK} corrects it)
 * @param ackTimeout how long to wait for an answer (default 5 s; DC-09 panels often use 20 s)
 * @param attemptsPerPath attempts on a path before failing over (default 3)
 * @param backoffBase the first retry delay on a path (default 1 s), doubled each time
 * @param backoffMax the longest retry delay (default 30 s)
 * @param retryPrimaryAfter how long to stay on a backup before trying the primary (default 60 s)
 * @param pollIntervals the {@code NULL} link-test interval of each path, {@code Duration.ZERO} for
 *     none (default none)
 * @param queueCapacity the most events waiting (default 1 000)
 * @param group shared network threads, or {@code null} for a thread of the transmitter's own
 * @param listener told of every attempt and answer (default {@link TransmitterListener#NONE})
 */
public record TransmitterConfig(
    List<InetSocketAddress> paths,
    boolean udp,
    String account,
    @Nullable String receiver,
    @Nullable String prefix,
    @Nullable Dc09Key key,
    Clock clock,
    Duration ackTimeout,
    int attemptsPerPath,
    Duration backoffBase,
    Duration backoffMax,
    Duration retryPrimaryAfter,
    List<Duration> pollIntervals,
    int queueCapacity,
    @Nullable TransmitterGroup group,
    TransmitterListener listener) {

  /** Validates and copies. */
  public TransmitterConfig {
    paths = List.copyOf(paths);
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("at least one receiver path");
    }
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
    pollIntervals = List.copyOf(pollIntervals);
    if (pollIntervals.size() != paths.size()) {
      throw new IllegalArgumentException("one poll interval per path");
    }
  }

  /**
   * Settings built in one expression.
   *
   * @param configure sets the builder's fields; {@link Builder#path} and {@link Builder#account}
   *     are required
   * @return the settings
   */
  public static TransmitterConfig create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /**
   * A builder with its primary path.
   *
   * @param primary the primary receiver
   * @param udp send over UDP instead of TCP
   * @return the builder
   */
  public static Builder builder(InetSocketAddress primary, boolean udp) {
    return new Builder().path(primary, Duration.ZERO).udp(udp);
  }

  /** Builds {@link TransmitterConfig}s. */
  public static final class Builder {
    private final List<InetSocketAddress> paths = new ArrayList<>();
    private final List<Duration> polls = new ArrayList<>();
    private boolean udp;
    private @Nullable String account;
    private @Nullable String receiver;
    private @Nullable String prefix = "0";
    private @Nullable Dc09Key key;
    private Clock clock = Clock.systemUTC();
    private Duration ackTimeout = Duration.ofSeconds(5);
    private int attemptsPerPath = 3;
    private Duration backoffBase = Duration.ofSeconds(1);
    private Duration backoffMax = Duration.ofSeconds(30);
    private Duration retryPrimaryAfter = Duration.ofSeconds(60);
    private int queueCapacity = 1_000;
    private @Nullable TransmitterGroup group;
    private TransmitterListener listener = TransmitterListener.NONE;

    /**
     * Sets who is told of every attempt and answer.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(TransmitterListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    private Builder() {}

    /**
     * Runs the transmitter on shared threads instead of a thread of its own.
     *
     * @param group the shared threads, or {@code null}
     * @return this builder
     */
    public Builder group(@Nullable TransmitterGroup group) {
      this.group = group;
      return this;
    }

    /**
     * Adds a receiver path (the first is the primary).
     *
     * @param address the receiver
     * @param pollInterval the link-test interval on it, or {@code Duration.ZERO}
     * @return this builder
     */
    public Builder path(InetSocketAddress address, Duration pollInterval) {
      paths.add(address);
      polls.add(pollInterval);
      return this;
    }

    /** @param udp send over UDP @return this builder */
    public Builder udp(boolean udp) {
      this.udp = udp;
      return this;
    }

    /**
     * Sets the panel's identity.
     *
     * @param account the account
     * @param receiver the R field, or {@code null}
     * @param prefix the L field, or {@code null}
     * @return this builder
     */
    public Builder account(String account, @Nullable String receiver, @Nullable String prefix) {
      this.account = account;
      this.receiver = receiver;
      this.prefix = prefix;
      return this;
    }

    /** @param key the AES key, or {@code null} for plain @return this builder */
    public Builder key(@Nullable Dc09Key key) {
      this.key = key;
      return this;
    }

    /** @param clock the panel clock @return this builder */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** @param timeout how long to wait for an answer @return this builder */
    public Builder ackTimeout(Duration timeout) {
      this.ackTimeout = timeout;
      return this;
    }

    /**
     * Sets the retry rules.
     *
     * @param attemptsPerPath attempts before failing over
     * @param base the first retry delay
     * @param max the longest retry delay
     * @param retryPrimaryAfter how long before trying the primary again
     * @return this builder
     */
    public Builder retries(int attemptsPerPath, Duration base, Duration max, Duration retryPrimaryAfter) {
      this.attemptsPerPath = attemptsPerPath;
      this.backoffBase = base;
      this.backoffMax = max;
      this.retryPrimaryAfter = retryPrimaryAfter;
      return this;
    }

    /** @param capacity the most queued events @return this builder */
    public Builder queueCapacity(int capacity) {
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public TransmitterConfig build() {
      return new TransmitterConfig(paths, udp, Objects.requireNonNull(account, "account"), receiver, prefix, key,
          clock, ackTimeout, attemptsPerPath, backoffBase, backoffMax, retryPrimaryAfter, polls, queueCapacity, group, listener);
    }
  }
}
