package io.github.vpsdk.vp.testkit.internal.camera;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The image settings and the focus lens of the camera's one video source. Focus motion, like PTZ
 * motion, is computed from the injected clock when asked: no timer runs. Settings changed without
 * {@code ForcePersistence} go back to the last persisted ones at reboot. Thread-safe.
 */
public final class ImagingState {
  /** Lowest and highest value of brightness, contrast, saturation and sharpness. */
  public static final float LEVEL_MIN = 0f;
  /** Highest level. */
  public static final float LEVEL_MAX = 100f;
  /** Fastest focus speed, in position units (0 near to 1 far) per second. */
  public static final float FOCUS_SPEED_MAX = 1f;

  /**
   * The image settings.
   *
   * @param brightness brightness
   * @param contrast contrast
   * @param saturation colour saturation
   * @param sharpness sharpness
   * @param irCut {@code ON}, {@code OFF} or {@code AUTO}
   * @param exposure {@code AUTO} or {@code MANUAL}
   * @param focusMode {@code AUTO} or {@code MANUAL}
   * @param focusSpeed default focus speed
   */
  public record Settings(
      float brightness,
      float contrast,
      float saturation,
      float sharpness,
      String irCut,
      String exposure,
      String focusMode,
      float focusSpeed) {}

  private final Clock clock;
  private Settings current = new Settings(50, 50, 50, 50, "AUTO", "AUTO", "AUTO", 1f);
  private Settings persisted = current;
  private double position = 0.5;
  private Instant since;
  private double velocity;
  private @Nullable Double target;
  private @Nullable Instant stopAt;

  /**
   * Creates the state.
   *
   * @param clock the injected clock
   */
  public ImagingState(Clock clock) {
    this.clock = clock;
    this.since = clock.instant();
  }

  /**
   * The current settings.
   *
   * @return the settings
   */
  public synchronized Settings settings() {
    return current;
  }

  /**
   * Replaces the settings.
   *
   * @param value the new settings
   * @param persist whether they survive a reboot
   */
  public synchronized void settings(Settings value, boolean persist) {
    current = value;
    if (persist) {
      persisted = value;
    }
  }

  /**
   * The focus position now, in [0, 1].
   *
   * @return the position
   */
  public synchronized double focusPosition() {
    settle();
    return position;
  }

  /**
   * Whether the focus moves now.
   *
   * @return true while moving
   */
  public synchronized boolean focusMoving() {
    settle();
    return velocity != 0;
  }

  /**
   * Moves the focus towards a position.
   *
   * @param to the target in [0, 1]
   * @param speed units per second, positive
   */
  public synchronized void moveTo(double to, double speed) {
    settle();
    target = to;
    stopAt = null;
    velocity = to > position ? speed : to < position ? -speed : 0;
    if (velocity == 0) {
      target = null;
    }
  }

  /**
   * Moves the focus continuously until {@link #stop}, its end, or 60 s.
   *
   * @param speed signed units per second
   */
  public synchronized void moveContinuously(double speed) {
    settle();
    target = null;
    velocity = speed;
    stopAt = since.plus(Duration.ofSeconds(60));
  }

  /** Stops the focus. */
  public synchronized void stop() {
    settle();
    velocity = 0;
    target = null;
    stopAt = null;
  }

  /** Reboot: the focus stops and unpersisted settings are lost. */
  public synchronized void reboot() {
    stop();
    current = persisted;
  }

  /** Advances the lens to now. */
  private void settle() {
    Instant now = clock.instant();
    if (!now.isAfter(since)) {
      return;
    }
    if (velocity != 0) {
      boolean timedOut = stopAt != null && !stopAt.isAfter(now);
      Instant end = timedOut ? stopAt : now;
      double next = position + velocity * (Duration.between(since, end).toNanos() / 1e9);
      double low = target != null && velocity < 0 ? target : 0;
      double high = target != null && velocity > 0 ? target : 1;
      if (next <= low) {
        next = low;
        timedOut = true;
      } else if (next >= high) {
        next = high;
        timedOut = true;
      }
      position = next;
      if (timedOut) {
        velocity = 0;
        target = null;
        stopAt = null;
      }
    }
    since = now;
  }
}
