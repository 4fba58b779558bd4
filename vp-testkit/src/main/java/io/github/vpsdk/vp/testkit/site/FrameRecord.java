package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened on the wire between a simulated panel and a receiver path.
 *
 * @param at the site's time
 * @param panel the panel's name
 * @param kind what happened
 * @param token the token of the panel's frame ({@code ADM-CID}, {@code *SIA-DCS}, {@code NULL}, ...)
 * @param sequence its sequence number
 * @param path the path, 0 the primary
 * @param attempt the attempt number on that path, from 1 ({@link Kind#SENT} only, else 0)
 * @param answer the receiver's answer token ({@code ACK}, {@code NAK}, {@code DUH}), or {@code null}
 * @param latency from the write to the answer ({@link Kind#ANSWERED} only), or {@code null}
 * @param detail why an attempt failed, or empty
 */
public record FrameRecord(
    Instant at,
    String panel,
    Kind kind,
    String token,
    String sequence,
    int path,
    int attempt,
    @Nullable String answer,
    @Nullable Duration latency,
    String detail) {

  /** What happened. */
  public enum Kind {
    /** The panel wrote a frame. */
    SENT,
    /** The receiver answered it. */
    ANSWERED,
    /** The attempt failed (no answer in time, no connection, a NAK). */
    FAILED
  }
}
