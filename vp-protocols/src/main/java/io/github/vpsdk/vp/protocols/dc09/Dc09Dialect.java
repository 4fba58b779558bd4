package io.github.vpsdk.vp.protocols.dc09;

/**
 * How a sender departs from the standard frame layout, as detected when decoding its frame, so
 * that the answer is written the way the sender reads it.
 *
 * @param binaryCrc the CRC came as 2 raw bytes instead of 4 hex digits (TRIKDIS, Lupusec and
 *     others); recognised only after an LF, since the CRC bytes themselves may be LF, CR or NUL
 * @param leadingLf the frame began with LF (some senders omit it)
 * @param crcIncludesCr the CRC and length counted the final CR (ELDES)
 */
public record Dc09Dialect(boolean binaryCrc, boolean leadingLf, boolean crcIncludesCr) {
  /** The standard layout. */
  public static final Dc09Dialect STANDARD = new Dc09Dialect(false, true, false);

  /**
   * Whether this is the standard layout.
   *
   * @return {@code true} if nothing departs from the standard
   */
  public boolean isStandard() {
    return equals(STANDARD);
  }
}
