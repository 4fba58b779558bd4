package io.github.vpsdk.vp.protocols.transmitter;

import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.time.Duration;

/**
 * What a transmitter does, message by message, for test kits and gateways that record or count
 * it: each attempt, each answer, each failed attempt. Called on the transmitter's network thread:
 * return quickly, never block. Every method does nothing by default.
 */
public interface TransmitterListener {

  /** The listener that ignores everything. */
  TransmitterListener NONE = new TransmitterListener() {};

  /**
   * A frame left for a receiver.
   *
   * @param message the message as sent (its sequence number, timestamp and encryption)
   * @param path the path index, 0 the primary
   * @param attempt the attempt number of this message on this path, from 1
   */
  default void sent(Dc09Message message, int path, int attempt) {}

  /**
   * A receiver answered the frame in flight.
   *
   * @param message the message it answers
   * @param answer its {@code ACK}, {@code NAK} or {@code DUH}
   * @param path the path index
   * @param latency from the frame's write to the answer
   */
  default void answered(Dc09Message message, Dc09Message answer, int path, Duration latency) {}

  /**
   * An attempt failed without an answer that settles it (no answer in time, no connection, a
   * {@code NAK}); the message is retried or moves to the next path.
   *
   * @param message the message
   * @param path the path index
   * @param reason why, for people
   */
  default void attemptFailed(Dc09Message message, int path, String reason) {}
}
