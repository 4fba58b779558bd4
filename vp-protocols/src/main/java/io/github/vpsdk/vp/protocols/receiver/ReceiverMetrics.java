package io.github.vpsdk.vp.protocols.receiver;

import java.util.Map;

/**
 * A snapshot of a receiver's counters since it started.
 *
 * @param framesDecoded frames decoded (including duplicates and link tests)
 * @param acked frames acknowledged
 * @param duplicates acknowledged retries of messages already delivered
 * @param eventsDelivered events the sink accepted
 * @param refused frames refused, by reason (see {@link ReceiverListener#frameRefused})
 * @param openConnections TCP connections open now
 * @param inFlight deliveries waiting for the sink now
 * @param ackLatencyCount how many acknowledgement latencies were recorded
 * @param ackLatencyP50Micros median latency from decoding to writing the ACK, in microseconds
 * @param ackLatencyP99Micros 99th percentile of that latency
 * @param ackLatencyMaxMicros its largest value (within 6.25 %)
 */
public record ReceiverMetrics(
    long framesDecoded,
    long acked,
    long duplicates,
    long eventsDelivered,
    Map<String, Long> refused,
    int openConnections,
    int inFlight,
    long ackLatencyCount,
    long ackLatencyP50Micros,
    long ackLatencyP99Micros,
    long ackLatencyMaxMicros) {

  /** Copies the map. */
  public ReceiverMetrics {
    refused = Map.copyOf(refused);
  }

  /**
   * Frames refused for one reason.
   *
   * @param reason the reason name
   * @return the count
   */
  public long refused(String reason) {
    return refused.getOrDefault(reason, 0L);
  }
}
