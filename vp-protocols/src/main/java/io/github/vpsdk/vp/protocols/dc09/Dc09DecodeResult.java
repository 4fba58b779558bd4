package io.github.vpsdk.vp.protocols.dc09;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Dc09Codec#decode} found at the start of the input. Decoding never throws for bad
 * input: a malformed frame is a {@link Malformed} result that says why, where, and how much input
 * it skipped, so a stream can go on with the next frame.
 */
public sealed interface Dc09DecodeResult
    permits Dc09DecodeResult.Decoded, Dc09DecodeResult.NeedMore, Dc09DecodeResult.Malformed {

  /**
   * A whole frame, decoded (and decrypted).
   *
   * @param message the message
   * @param dialect how the frame departed from the standard layout
   * @param frameLength how many bytes the frame took, including skipped noise before it
   */
  record Decoded(Dc09Message message, Dc09Dialect dialect, int frameLength) implements Dc09DecodeResult {}

  /** The input holds the start of a frame but not all of it; nothing was consumed. */
  record NeedMore() implements Dc09DecodeResult {}

  /**
   * Input that is not a valid frame. The bytes counted by {@code skipped} were consumed.
   *
   * @param reason what is wrong
   * @param detail a description for logs (never a key or decrypted data)
   * @param header the header fields when they could be read (to answer with {@code DUH}), or
   *     {@code null}
   * @param skipped how many input bytes were consumed
   */
  record Malformed(Reason reason, String detail, @Nullable Dc09Message header, int skipped)
      implements Dc09DecodeResult {}

  /** Why a frame was refused. The DC-09 answer is a {@code NAK} unless the reason says otherwise. */
  enum Reason {
    /** Bytes that do not start a frame (noise between frames). No answer. */
    NOISE,
    /** The length field and the CR do not agree. */
    BAD_LENGTH,
    /** More bytes than the longest frame allowed without a complete frame. */
    TOO_LONG,
    /** The CRC does not match. */
    BAD_CRC,
    /** The token, sequence, receiver, prefix or account is malformed. */
    BAD_HEADER,
    /** The data or extended data blocks are malformed. */
    BAD_DATA,
    /** The timestamp is malformed (or absent from an encrypted frame). */
    BAD_TIMESTAMP,
    /** An encrypted frame for an account with no key. */
    NO_KEY,
    /** Decryption gave no valid plaintext: wrong key, or damaged ciphertext. */
    DECRYPT_FAILED,
    /** Strict mode refused a departure from the standard that lenient mode accepts. */
    NON_STANDARD
  }

  /** The one {@link NeedMore} value. */
  NeedMore NEED_MORE = new NeedMore();
}
