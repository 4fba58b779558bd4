package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event a simulated panel queued, and what became of it.
 *
 * @param panel the panel's name
 * @param account its account
 * @param data the DC-09 data block's content, such as {@code #1234|1130 01 003}
 * @param queuedAt the site's time when the panel queued it
 * @param status what became of it
 * @param attempts how many times it was written (1 if acknowledged at the first try)
 * @param lastPath the path of the last attempt, -1 if never sent
 * @param latency from queuing to the {@code ACK} (real time), or {@code null} unless acknowledged
 * @param sees what the camera of the zone saw (trips with {@code sees}), or {@code null}
 */
public record EventRecord(
    String panel,
    String account,
    String data,
    Instant queuedAt,
    Status status,
    int attempts,
    int lastPath,
    @Nullable Duration latency,
    @Nullable String sees) {

  /** What became of an event. */
  public enum Status {
    /** Not settled yet. */
    PENDING,
    /** The receiver acknowledged it. */
    ACKNOWLEDGED,
    /** The receiver answered {@code DUH}: it will never take it. */
    REFUSED,
    /** It could not be queued or was dropped when the panel stopped. */
    FAILED
  }
}
