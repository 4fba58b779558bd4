package io.github.vpsdk.vp.protocols.internal.surgard;

/** One connection as the link state machines see it, whatever carries it (Netty, a test). */
public interface Wire {
  /**
   * Writes bytes (asynchronously, in order).
   *
   * @param bytes the bytes
   */
  void write(byte[] bytes);

  /**
   * Stops or resumes reading, for flow control.
   *
   * @param on whether to read
   */
  void reading(boolean on);

  /** Closes the connection. */
  void close();

  /**
   * The peer, for logs and for telling peers apart: its IP address.
   *
   * @return the peer
   */
  String peer();
}
