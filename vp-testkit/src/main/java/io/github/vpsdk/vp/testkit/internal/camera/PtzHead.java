package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.camera.PtzSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The PTZ head: where it is and how it moves, computed from the injected clock when asked (no
 * timer). Each axis moves on its own, either at a velocity until a deadline (ContinuousMove) or
 * towards a target at a speed (AbsoluteMove, RelativeMove, GotoPreset, GotoHomePosition), and
 * stops at its limits. Thread-safe.
 */
public final class PtzHead {
  private final PtzSettings settings;
  private final Clock clock;
  private final AxisState pan;
  private final AxisState tilt;
  private final AxisState zoom;

  /**
   * Creates a head at a position.
   *
   * @param settings limits and speeds
   * @param clock the clock motion is measured with
   * @param start the initial position (clamped to the limits)
   */
  public PtzHead(PtzSettings settings, Clock clock, PtzVector start) {
    this.settings = settings;
    this.clock = clock;
    Instant now = clock.instant();
    this.pan = new AxisState(settings.pan(), start.pan(), now);
    this.tilt = new AxisState(settings.tilt(), start.tilt(), now);
    this.zoom = new AxisState(settings.zoom(), start.zoom(), now);
  }

  /**
   * The settings.
   *
   * @return limits and speeds
   */
  public PtzSettings settings() {
    return settings;
  }

  /**
   * The position now.
   *
   * @return the position
   */
  public synchronized PtzVector position() {
    Instant now = clock.instant();
    return new PtzVector(pan.position(now), tilt.position(now), zoom.position(now));
  }

  /**
   * Whether pan or tilt is moving now.
   *
   * @return true while moving
   */
  public synchronized boolean panTiltMoving() {
    Instant now = clock.instant();
    return pan.moving(now) || tilt.moving(now);
  }

  /**
   * Whether zoom is moving now.
   *
   * @return true while moving
   */
  public synchronized boolean zoomMoving() {
    return zoom.moving(clock.instant());
  }

  /**
   * Starts a continuous move; an axis given {@code null} keeps its current motion.
   *
   * @param vPan pan velocity in [-1, 1], or {@code null}
   * @param vTilt tilt velocity in [-1, 1], or {@code null}
   * @param vZoom zoom velocity in [-1, 1], or {@code null}
   * @param timeout how long the move lasts, or {@code null} for the default timeout
   */
  public synchronized void continuousMove(
      @Nullable Double vPan, @Nullable Double vTilt, @Nullable Double vZoom, @Nullable Duration timeout) {
    Instant now = clock.instant();
    Instant until = now.plus(timeout == null ? settings.defaultTimeout() : timeout);
    if (vPan != null) {
      pan.continuous(now, unit(vPan), until);
    }
    if (vTilt != null) {
      tilt.continuous(now, unit(vTilt), until);
    }
    if (vZoom != null) {
      zoom.continuous(now, unit(vZoom), until);
    }
  }

  /**
   * Moves towards a position; an axis given {@code null} keeps its current motion.
   *
   * @param tPan target pan (clamped), or {@code null}
   * @param tTilt target tilt (clamped), or {@code null}
   * @param tZoom target zoom (clamped), or {@code null}
   * @param speed speed in (0, 1] of each axis' top speed, the same for all axes
   * @param zoomSpeed zoom speed in (0, 1]
   */
  public synchronized void moveTo(
      @Nullable Double tPan, @Nullable Double tTilt, @Nullable Double tZoom, double speed, double zoomSpeed) {
    Instant now = clock.instant();
    if (tPan != null) {
      pan.target(now, tPan, speed);
    }
    if (tTilt != null) {
      tilt.target(now, tTilt, speed);
    }
    if (tZoom != null) {
      zoom.target(now, tZoom, zoomSpeed);
    }
  }

  /**
   * Stops axes where they are.
   *
   * @param panTilt stop pan and tilt
   * @param zoomAxis stop zoom
   */
  public synchronized void stop(boolean panTilt, boolean zoomAxis) {
    Instant now = clock.instant();
    if (panTilt) {
      pan.settle(now);
      tilt.settle(now);
    }
    if (zoomAxis) {
      zoom.settle(now);
    }
  }

  /**
   * Puts the head at a position at once, stopped (a reboot's homing).
   *
   * @param p the position (clamped)
   */
  public synchronized void reset(PtzVector p) {
    Instant now = clock.instant();
    pan.jump(now, p.pan());
    tilt.jump(now, p.tilt());
    zoom.jump(now, p.zoom());
  }

  private static double unit(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("velocity must be finite");
    }
    return Math.max(-1, Math.min(1, v));
  }

  /** One axis: position {@code p0} at {@code t0}, then a velocity or a target. */
  private static final class AxisState {
    private final PtzSettings.Axis axis;
    private double p0;
    private Instant t0;
    private double velocity; // units per second, 0 when not moving continuously
    private @Nullable Instant until;
    private double target = Double.NaN;
    private double speed; // units per second towards target

    AxisState(PtzSettings.Axis axis, double start, Instant now) {
      this.axis = axis;
      this.p0 = axis.clamp(start);
      this.t0 = now;
    }

    double position(Instant now) {
      if (!Double.isNaN(target)) {
        double dist = target - p0;
        double step = speed * seconds(t0, now);
        return Math.abs(dist) <= step ? target : p0 + Math.signum(dist) * step;
      }
      if (velocity != 0 && until != null) {
        Instant end = now.isBefore(until) ? now : until;
        return axis.clamp(p0 + velocity * seconds(t0, end));
      }
      return p0;
    }

    boolean moving(Instant now) {
      if (!Double.isNaN(target)) {
        return Math.abs(target - position(now)) > 1e-9;
      }
      if (velocity == 0 || until == null || !now.isBefore(until)) {
        return false;
      }
      double raw = p0 + velocity * seconds(t0, now);
      return raw > axis.min() && raw < axis.max();
    }

    void settle(Instant now) {
      p0 = position(now);
      t0 = now;
      velocity = 0;
      until = null;
      target = Double.NaN;
    }

    void continuous(Instant now, double unitVelocity, Instant end) {
      settle(now);
      velocity = unitVelocity * axis.speed();
      until = end;
    }

    void target(Instant now, double to, double unitSpeed) {
      settle(now);
      target = axis.clamp(to);
      speed = Math.max(1e-6, Math.min(1, Math.abs(unitSpeed))) * axis.speed();
    }

    void jump(Instant now, double to) {
      settle(now);
      p0 = axis.clamp(to);
    }

    private static double seconds(Instant from, Instant to) {
      Duration d = Duration.between(from, to);
      return d.isNegative() ? 0 : d.getSeconds() + d.getNano() / 1e9;
    }
  }
}
