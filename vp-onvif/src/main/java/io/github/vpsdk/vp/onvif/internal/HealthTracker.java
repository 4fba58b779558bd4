package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.onvif.CameraHealth;
import io.github.vpsdk.vp.onvif.OnvifException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The health bookkeeping of one camera, free of any network: the monitor reports what each poll
 * saw and gets back the events to raise. State changes only, with hysteresis: {@code threshold}
 * failures in a row before a loss or a snapshot alarm, drift restored within half the drift
 * threshold. Not thread-safe (the monitor holds its lock around it).
 */
public final class HealthTracker {
  /** Raised when a camera has failed {@code threshold} polls in a row. */
  public static final EventCode.Internal CAMERA_LOST = new EventCode.Internal("CAMERA_LOST");
  /** Raised when a lost camera answers again. */
  public static final EventCode.Internal CAMERA_RESTORED = new EventCode.Internal("CAMERA_RESTORED");
  /** Raised when the camera clock is off by more than the drift threshold. */
  public static final EventCode.Internal CAMERA_CLOCK_DRIFT =
      new EventCode.Internal("CAMERA_CLOCK_DRIFT");
  /** Raised when the clock is back within half the threshold. */
  public static final EventCode.Internal CAMERA_CLOCK_RESTORED =
      new EventCode.Internal("CAMERA_CLOCK_RESTORED");
  /** Raised when snapshots have failed {@code threshold} times in a row. */
  public static final EventCode.Internal CAMERA_SNAPSHOT_FAILED =
      new EventCode.Internal("CAMERA_SNAPSHOT_FAILED");
  /** Raised when snapshots work again. */
  public static final EventCode.Internal CAMERA_SNAPSHOT_RESTORED =
      new EventCode.Internal("CAMERA_SNAPSHOT_RESTORED");

  private final String id;
  private final @Nullable String siteId;
  private final String address;
  private final int threshold;
  private final Duration driftThreshold;

  private CameraHealth.Status status = CameraHealth.Status.UNKNOWN;
  private int failures;
  private int snapshotFailures;
  private @Nullable Instant lastSeen;
  private @Nullable Instant lastChecked;
  private OnvifException.@Nullable Kind lastError;
  private @Nullable Duration drift;
  private boolean clockAlarm;
  private boolean snapshotAlarm;

  /**
   * Creates the bookkeeping of one camera.
   *
   * @param id the camera identifier
   * @param siteId the site, or {@code null}
   * @param address the device address (user information is removed before it goes on events)
   * @param threshold failures in a row before an alarm, at least 1
   * @param driftThreshold the clock drift threshold, zero for no drift check
   */
  public HealthTracker(
      String id, @Nullable String siteId, URI address, int threshold, Duration driftThreshold) {
    this.id = Objects.requireNonNull(id, "id");
    this.siteId = siteId;
    this.address = withoutUserInfo(address);
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    this.threshold = threshold;
    this.driftThreshold = Objects.requireNonNull(driftThreshold, "driftThreshold");
  }

  /**
   * The camera answered (possibly with a SOAP fault).
   *
   * @param now the time
   * @param cameraUtc the camera's clock, or {@code null} if not read
   * @param error what the camera answered if it was a fault, or {@code null}
   * @return the events to raise
   */
  public List<SystemEvent> answered(
      Instant now, @Nullable Instant cameraUtc, OnvifException.@Nullable Kind error) {
    List<SystemEvent> events = new ArrayList<>();
    lastChecked = now;
    lastError = error;
    failures = 0;
    lastSeen = now;
    if (status == CameraHealth.Status.UNREACHABLE) {
      events.add(event(CAMERA_RESTORED, true, now, "camera " + id + " answers again", List.of()));
    }
    status = CameraHealth.Status.REACHABLE;
    if (cameraUtc != null) {
      clock(now, cameraUtc, events);
    }
    return events;
  }

  /**
   * The camera could not be reached.
   *
   * @param now the time
   * @param error why
   * @return the events to raise
   */
  public List<SystemEvent> failed(Instant now, OnvifException.Kind error) {
    lastChecked = now;
    lastError = error;
    failures++;
    if (status == CameraHealth.Status.UNREACHABLE || failures < threshold) {
      return List.of();
    }
    status = CameraHealth.Status.UNREACHABLE;
    List<ExtendedField> ext = new ArrayList<>();
    ext.add(new ExtendedField("error", error.name().toLowerCase(Locale.ROOT)));
    ext.add(new ExtendedField("failures", Integer.toString(failures)));
    if (lastSeen != null) {
      ext.add(new ExtendedField("last-seen", lastSeen.toString()));
    }
    return List.of(
        event(CAMERA_LOST, false, now, "camera " + id + " does not answer (" + failures + " polls)", ext));
  }

  /**
   * The outcome of a snapshot fetch.
   *
   * @param now the time
   * @param error why it failed, or {@code null} if it worked
   * @return the events to raise
   */
  public List<SystemEvent> snapshot(Instant now, OnvifException.@Nullable Kind error) {
    if (error == null) {
      snapshotFailures = 0;
      if (!snapshotAlarm) {
        return List.of();
      }
      snapshotAlarm = false;
      return List.of(
          event(CAMERA_SNAPSHOT_RESTORED, true, now, "camera " + id + " gives snapshots again", List.of()));
    }
    lastError = error;
    snapshotFailures++;
    if (snapshotAlarm || snapshotFailures < threshold) {
      return List.of();
    }
    snapshotAlarm = true;
    return List.of(
        event(
            CAMERA_SNAPSHOT_FAILED,
            false,
            now,
            "camera " + id + " gives no snapshot (" + snapshotFailures + " tries)",
            List.of(new ExtendedField("error", error.name().toLowerCase(Locale.ROOT)))));
  }

  private void clock(Instant now, Instant cameraUtc, List<SystemEvent> events) {
    Duration d = Duration.between(now, cameraUtc);
    drift = d;
    if (driftThreshold.isZero()) {
      return;
    }
    Duration abs = d.abs();
    List<ExtendedField> ext =
        List.of(
            new ExtendedField("drift-ms", Long.toString(d.toMillis())),
            new ExtendedField("camera-time", cameraUtc.toString()));
    if (!clockAlarm && abs.compareTo(driftThreshold) > 0) {
      clockAlarm = true;
      events.add(event(CAMERA_CLOCK_DRIFT, false, now, "camera " + id + " clock is off by " + d, ext));
    } else if (clockAlarm && abs.compareTo(driftThreshold.dividedBy(2)) <= 0) {
      clockAlarm = false;
      events.add(
          event(CAMERA_CLOCK_RESTORED, true, now, "camera " + id + " clock is right again (off by " + d + ")", ext));
    }
  }

  /**
   * The current health.
   *
   * @return the health
   */
  public CameraHealth health() {
    return new CameraHealth(
        id, status, failures, lastSeen, lastChecked, lastError, drift, clockAlarm, snapshotAlarm);
  }

  private SystemEvent event(
      EventCode.Internal code, boolean restore, Instant at, String text, List<ExtendedField> extended) {
    List<ExtendedField> ext = new ArrayList<>();
    ext.add(new ExtendedField("camera-address", address));
    ext.addAll(extended);
    Priority priority =
        restore
            ? EventCategory.TROUBLE.defaultPriority(true)
            : code.equals(CAMERA_CLOCK_DRIFT) ? Priority.LOW : Priority.MEDIUM;
    return new SystemEvent(
        "cam-" + id + "-" + at.toEpochMilli() + "-" + code.name().toLowerCase(Locale.ROOT),
        null,
        siteId,
        "camera:" + id,
        code,
        EventCategory.TROUBLE,
        priority,
        restore,
        at,
        text,
        ext);
  }

  /** Events may be logged and exported: never carry a password written into the URI. */
  private static String withoutUserInfo(URI u) {
    if (u.getRawUserInfo() == null) {
      return u.toString();
    }
    try {
      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), null)
          .toString();
    } catch (java.net.URISyntaxException e) {
      return "about:invalid";
    }
  }
}
