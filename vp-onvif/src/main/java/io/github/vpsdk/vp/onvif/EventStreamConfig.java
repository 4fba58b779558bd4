package io.github.vpsdk.vp.onvif;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link OnvifEventStream}. Build one with {@link #create(Consumer)} or take {@link
 * #defaults()}.
 *
 * @param topicFilter a {@code ConcreteSet} topic expression such as {@code tns1:RuleEngine//.},
 *     or {@code null} for every topic
 * @param initialTermination the lifetime asked at subscription and at each renew
 * @param pullTimeout how long the camera may hold a PullMessages without a message
 * @param messageLimit the most messages per pull
 * @param renewMargin how much time must be left after a pull's worth of time before the stream
 *     renews instead of pulling: it renews when {@code now + pullTimeout + renewMargin} reaches
 *     the termination time (cameras that extend the subscription on each pull are never renewed)
 * @param retryBase the first back-off after a failure; doubled on each consecutive failure
 * @param retryMax the longest back-off
 * @param unsubscribeOnClose whether {@link OnvifEventStream#close()} sends Unsubscribe (some
 *     cameras drop every subscription on it; the subscription also ends at its termination time)
 * @param scheduler the timer of the stream
 */
public record EventStreamConfig(
    @Nullable String topicFilter,
    Duration initialTermination,
    Duration pullTimeout,
    int messageLimit,
    Duration renewMargin,
    Duration retryBase,
    Duration retryMax,
    boolean unsubscribeOnClose,
    EventScheduler scheduler) {

  /**
   * Checks the components.
   *
   * @param topicFilter filter or {@code null}
   * @param initialTermination subscription lifetime
   * @param pullTimeout pull timeout
   * @param messageLimit messages per pull
   * @param renewMargin renew margin
   * @param retryBase first back-off
   * @param retryMax longest back-off
   * @param unsubscribeOnClose unsubscribe on close
   * @param scheduler timer
   */
  public EventStreamConfig {
    positive(initialTermination, "initialTermination");
    positive(pullTimeout, "pullTimeout");
    Objects.requireNonNull(renewMargin, "renewMargin");
    if (renewMargin.isNegative()) {
      throw new IllegalArgumentException("renewMargin must not be negative");
    }
    positive(retryBase, "retryBase");
    positive(retryMax, "retryMax");
    Objects.requireNonNull(scheduler, "scheduler");
    if (messageLimit < 1) {
      throw new IllegalArgumentException("messageLimit must be at least 1");
    }
    if (pullTimeout.plus(renewMargin).compareTo(initialTermination) >= 0) {
      throw new IllegalArgumentException(
          "initialTermination must exceed pullTimeout + renewMargin, or the stream renews forever");
    }
    if (retryMax.compareTo(retryBase) < 0) {
      throw new IllegalArgumentException("retryMax must not be below retryBase");
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * The default settings.
   *
   * @return every topic, 60 s lifetime, 20 s pull timeout, 100 messages, 10 s renew margin,
   *     back-off 1 s doubling to 60 s, Unsubscribe on close, the shared timer
   */
  public static EventStreamConfig defaults() {
    return new Builder().build();
  }

  /**
   * Builds settings starting from the defaults.
   *
   * @param customizer sets the values to change
   * @return the settings
   */
  public static EventStreamConfig create(Consumer<Builder> customizer) {
    Builder b = new Builder();
    customizer.accept(b);
    return b.build();
  }

  /** Builder of {@link EventStreamConfig}. */
  public static final class Builder {
    private @Nullable String topicFilter;
    private Duration initialTermination = Duration.ofSeconds(60);
    private Duration pullTimeout = Duration.ofSeconds(20);
    private int messageLimit = 100;
    private Duration renewMargin = Duration.ofSeconds(10);
    private Duration retryBase = Duration.ofSeconds(1);
    private Duration retryMax = Duration.ofSeconds(60);
    private boolean unsubscribeOnClose = true;
    private EventScheduler scheduler = EventScheduler.system();

    Builder() {}

    /**
     * Sets the topic filter (default none: every topic).
     *
     * @param value a {@code ConcreteSet} expression, or {@code null}
     * @return this builder
     */
    public Builder topicFilter(@Nullable String value) {
      this.topicFilter = value;
      return this;
    }

    /**
     * Sets the subscription lifetime asked at creation and renew (default 60 s).
     *
     * @param value the lifetime
     * @return this builder
     */
    public Builder initialTermination(Duration value) {
      this.initialTermination = value;
      return this;
    }

    /**
     * Sets the PullMessages timeout (default 20 s).
     *
     * @param value the timeout
     * @return this builder
     */
    public Builder pullTimeout(Duration value) {
      this.pullTimeout = value;
      return this;
    }

    /**
     * Sets the most messages per pull (default 100).
     *
     * @param value the limit
     * @return this builder
     */
    public Builder messageLimit(int value) {
      this.messageLimit = value;
      return this;
    }

    /**
     * Sets the renew margin (default 10 s).
     *
     * @param value the margin
     * @return this builder
     */
    public Builder renewMargin(Duration value) {
      this.renewMargin = value;
      return this;
    }

    /**
     * Sets the back-off bounds (default 1 s doubling to 60 s).
     *
     * @param base the first back-off
     * @param max the longest back-off
     * @return this builder
     */
    public Builder retry(Duration base, Duration max) {
      this.retryBase = base;
      this.retryMax = max;
      return this;
    }

    /**
     * Sets whether closing sends Unsubscribe (default true).
     *
     * @param value true to unsubscribe
     * @return this builder
     */
    public Builder unsubscribeOnClose(boolean value) {
      this.unsubscribeOnClose = value;
      return this;
    }

    /**
     * Sets the timer (default {@link EventScheduler#system()}).
     *
     * @param value the scheduler
     * @return this builder
     */
    public Builder scheduler(EventScheduler value) {
      this.scheduler = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public EventStreamConfig build() {
      return new EventStreamConfig(
          topicFilter,
          initialTermination,
          pullTimeout,
          messageLimit,
          renewMargin,
          retryBase,
          retryMax,
          unsubscribeOnClose,
          scheduler);
    }
  }
}
