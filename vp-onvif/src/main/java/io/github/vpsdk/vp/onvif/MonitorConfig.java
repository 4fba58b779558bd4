package io.github.vpsdk.vp.onvif;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link CameraMonitor}. Build with {@link #create(Consumer)} or take {@link
 * #defaults()}.
 *
 * @param interval time between two polls of each camera
 * @param failuresBeforeAlarm consecutive failed polls before a camera is reported lost (and
 *     consecutive failed snapshots before a snapshot alarm): one lost packet or a camera busy
 *     rebooting for a firmware check does not page an operator
 * @param clockDriftThreshold the camera clock may differ from {@link #clock()} by this much
 *     before a drift alarm; the alarm is restored when the difference falls to half of it. {@code
 *     Duration.ZERO} turns the check off
 * @param snapshotCheck whether each poll also fetches a snapshot of the first media profile (the
 *     image an operator needs to clear an alarm)
 * @param maxConcurrent the most cameras polled at the same time
 * @param clock the reference clock for drift, and the time of the events
 * @param scheduler the timer of the polls, or {@code null} for a daemon thread owned by the
 *     monitor
 */
public record MonitorConfig(
    Duration interval,
    int failuresBeforeAlarm,
    Duration clockDriftThreshold,
    boolean snapshotCheck,
    int maxConcurrent,
    Clock clock,
    @Nullable TaskScheduler scheduler) {

  /**
   * Validates.
   *
   * @param interval the poll interval
   * @param failuresBeforeAlarm failures before an alarm
   * @param clockDriftThreshold the drift threshold
   * @param snapshotCheck whether to fetch snapshots
   * @param maxConcurrent the concurrency limit
   * @param clock the reference clock
   * @param scheduler the timer or {@code null}
   */
  public MonitorConfig {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (failuresBeforeAlarm < 1) {
      throw new IllegalArgumentException("failuresBeforeAlarm must be at least 1");
    }
    Objects.requireNonNull(clockDriftThreshold, "clockDriftThreshold");
    if (clockDriftThreshold.isNegative()) {
      throw new IllegalArgumentException("clockDriftThreshold must not be negative");
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1");
    }
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * The defaults.
   *
   * @return 60 s interval, 3 failures, 10 s drift, no snapshot, 8 at once, UTC system clock, own
   *     timer
   */
  public static MonitorConfig defaults() {
    return new Builder().build();
  }

  /**
   * Builds settings starting from the defaults.
   *
   * @param customizer sets the values to change
   * @return the settings
   */
  public static MonitorConfig create(Consumer<Builder> customizer) {
    Builder b = new Builder();
    customizer.accept(b);
    return b.build();
  }

  /** Builder of {@link MonitorConfig}. */
  public static final class Builder {
    private Duration interval = Duration.ofSeconds(60);
    private int failuresBeforeAlarm = 3;
    private Duration clockDriftThreshold = Duration.ofSeconds(10);
    private boolean snapshotCheck;
    private int maxConcurrent = 8;
    private Clock clock = Clock.systemUTC();
    private @Nullable TaskScheduler scheduler;

    Builder() {}

    /**
     * Sets the poll interval (default 60 s).
     *
     * @param value the interval
     * @return this builder
     */
    public Builder interval(Duration value) {
      this.interval = value;
      return this;
    }

    /**
     * Sets how many consecutive failures raise an alarm (default 3).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder failuresBeforeAlarm(int value) {
      this.failuresBeforeAlarm = value;
      return this;
    }

    /**
     * Sets the clock drift threshold (default 10 s; zero turns the check off).
     *
     * @param value the threshold
     * @return this builder
     */
    public Builder clockDriftThreshold(Duration value) {
      this.clockDriftThreshold = value;
      return this;
    }

    /**
     * Sets whether each poll fetches a snapshot (default false).
     *
     * @param value true to check snapshots
     * @return this builder
     */
    public Builder snapshotCheck(boolean value) {
      this.snapshotCheck = value;
      return this;
    }

    /**
     * Sets the most cameras polled at once (default 8).
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder maxConcurrent(int value) {
      this.maxConcurrent = value;
      return this;
    }

    /**
     * Sets the reference clock (default {@link Clock#systemUTC()}).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * Sets the timer (default a daemon thread owned by the monitor).
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
    public MonitorConfig build() {
      return new MonitorConfig(
          interval, failuresBeforeAlarm, clockDriftThreshold, snapshotCheck, maxConcurrent, clock, scheduler);
    }
  }
}
