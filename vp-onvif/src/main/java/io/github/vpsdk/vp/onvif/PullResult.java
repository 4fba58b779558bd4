package io.github.vpsdk.vp.onvif;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one PullMessages returned.
 *
 * @param events the notifications, in the camera's order (possibly empty after the pull timeout)
 * @param currentTime the camera's time when it answered, or {@code null} if absent
 * @param terminationTime when the subscription ends by the camera's clock, or {@code null} if
 *     absent; many cameras extend it on every pull
 */
public record PullResult(
    List<CameraEvent> events, @Nullable Instant currentTime, @Nullable Instant terminationTime) {

  /**
   * Copies the list.
   *
   * @param events events
   * @param currentTime camera time or {@code null}
   * @param terminationTime termination or {@code null}
   */
  public PullResult {
    events = List.copyOf(events);
  }
}
