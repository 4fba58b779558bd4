package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Told what the receiver does, for audit trails and metrics beyond {@link ReceiverMetrics}.
 * Called on network threads: return quickly and never block. Every method does nothing by
 * default. Never given a key; decrypted data only through the message a console already gets as
 * events.
 */
public interface ReceiverListener {

  /**
   * A frame was decoded.
   *
   * @param source the sender
   * @param message the message
   */
  default void frameDecoded(InetSocketAddress source, Dc09Message message) {}

  /**
   * A frame was refused, answered with {@code NAK} or {@code DUH} or not at all.
   *
   * @param source the sender
   * @param reason why (a {@link io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult.Reason} name,
   *     or {@code TIMESTAMP_WINDOW}, {@code RATE_LIMIT}, {@code SINK_FAILED}, {@code
   *     UNSUPPORTED}, {@code BAD_EVENT_DATA}; for an {@link OsborneHoffmanReceiver}, an {@link
   *     io.github.vpsdk.vp.protocols.oh.OhDecodeResult.Reason} name, {@code INCOMPLETE_PACKET},
   *     {@code PANEL_SUBSTITUTION}, {@code CONNECTION_LIMIT}, {@code SINK_FAILED} or {@code
   *     BAD_EVENT_DATA})
   * @param detail a description
   */
  default void frameRefused(InetSocketAddress source, String reason, String detail) {}

  /**
   * A frame was acknowledged.
   *
   * @param source the sender
   * @param message the message acknowledged
   * @param duplicate whether it was a retry of a message already delivered
   * @param latency from decoding the frame to writing the {@code ACK}
   */
  default void acknowledged(InetSocketAddress source, Dc09Message message, boolean duplicate, Duration latency) {}
}
