package io.github.vpsdk.vp.testkit.internal.rtsp;

/**
 * A JPEG that RTP/JPEG (RFC 2435) cannot carry: malformed, or outside the baseline subset the
 * payload format assumes (8-bit tables, three components with 4:2:2 or 4:2:0 sampling, standard
 * Huffman tables, no restart markers, at most 2040 pixels a side).
 */
public final class MalformedJpegException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Byte offset in the JPEG where the problem was found. */
  private final int offset;

  /**
   * Creates the exception.
   *
   * @param reason what is wrong
   * @param offset where, in bytes from the start
   */
  public MalformedJpegException(String reason, int offset) {
    super(reason + " at byte " + offset);
    this.offset = offset;
  }

  /**
   * Where the problem was found.
   *
   * @return byte offset
   */
  public int offset() {
    return offset;
  }
}
