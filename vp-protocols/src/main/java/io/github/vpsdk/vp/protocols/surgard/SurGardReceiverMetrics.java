package io.github.vpsdk.vp.protocols.surgard;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an automation receiver's counters since it started.
 *
 * @param packets packets decoded, heartbeats and duplicates included
 * @param heartbeats heartbeats among them
 * @param eventsDelivered events the sink accepted (supervision events included)
 * @param acks ACKs written
 * @param naks NAKs written
 * @param duplicates retransmissions recognised: acknowledged, not delivered again
 * @param refused stream problems and refusals by reason ({@code GARBAGE}, {@code TOO_LONG},
 *     {@code MALFORMED}, {@code TRUNCATED}, {@code BAD_EVENT_DATA}, {@code SINK_FAILED}, {@code
 *     CONNECTION_LIMIT})
 * @param openConnections connections open now
 * @param connects connections established since start
 * @param linkLost whether the link is reported lost now (silent for longer than the supervision
 *     timeout)
 * @param lastTraffic when a packet last arrived, or {@code null} if never
 */
public record SurGardReceiverMetrics(
    long packets,
    long heartbeats,
    long eventsDelivered,
    long acks,
    long naks,
    long duplicates,
    Map<String, Long> refused,
    int openConnections,
    long connects,
    boolean linkLost,
    @Nullable Instant lastTraffic) {

  /** Copies the map. */
  public SurGardReceiverMetrics {
    refused = Map.copyOf(refused);
  }

  /**
   * Refusals for one reason.
   *
   * @param reason the reason name
   * @return the count
   */
  public long refused(String reason) {
    return refused.getOrDefault(reason, 0L);
  }
}
