package io.github.vpsdk.vp.protocols.surgard;

/**
 * A snapshot of an automation sender's counters since it started.
 *
 * @param state what the sender is doing now
 * @param queued packets waiting now, the one being sent included
 * @param transmissions packets written, retransmissions and heartbeats included
 * @param acked event packets the automation acknowledged
 * @param naks NAKs received
 * @param timeouts ACKs that did not come in time
 * @param retransmissions event packets sent again
 * @param heartbeats heartbeats sent
 * @param holds times the sender held its queue after the last retransmission failed
 * @param rejected sends refused because the queue was full
 * @param skipped events that cannot be written in the SG format (system events, internal codes),
 *     completed without being sent
 * @param connects connections established since start
 */
public record SurGardSenderMetrics(
    State state,
    int queued,
    long transmissions,
    long acked,
    long naks,
    long timeouts,
    long retransmissions,
    long heartbeats,
    long holds,
    long rejected,
    long skipped,
    long connects) {

  /** What the sender is doing. */
  public enum State {
    /** No automation connected. */
    DISCONNECTED,
    /** Connected, nothing waiting for an answer. */
    IDLE,
    /** A packet or heartbeat waits for its ACK. */
    WAITING_ACK,
    /** Retransmissions failed: the queue is held until a heartbeat is acknowledged. */
    HOLDING,
    /** Closed. */
    CLOSED
  }
}
