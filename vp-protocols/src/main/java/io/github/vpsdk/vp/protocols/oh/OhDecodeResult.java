package io.github.vpsdk.vp.protocols.oh;

/**
 * What {@link OhCodec#decode} or {@link OhCodec#decodeReply} found at the start of the input.
 * Decoding never throws for bad input: a malformed packet is a {@link Malformed} result that says
 * why and how much input it consumed.
 */
public sealed interface OhDecodeResult
    permits OhDecodeResult.Decoded, OhDecodeResult.NeedMore, OhDecodeResult.Malformed {

  /**
   * A whole packet, decrypted and decoded.
   *
   * @param message the message
   * @param encryptedAnswer whether the answer to it is to be encrypted: the panel padded its
   *     packet with zero bytes (the normal case); the plain {@code ACK\r\n} answers a packet that
   *     ended exactly on a block boundary with no zero byte
   * @param length how many input bytes the packet took, padding blocks included
   */
  record Decoded(OhMessage message, boolean encryptedAnswer, int length) implements OhDecodeResult {}

  /**
   * The input holds the start of a packet but not all of it. Nothing was consumed, except blocks
   * that decrypt to zero bytes only: padding a panel sent after its packet.
   */
  record NeedMore() implements OhDecodeResult {}

  /**
   * Input that is not a valid packet. The bytes counted by {@code skipped} were consumed.
   *
   * @param reason what is wrong
   * @param detail a description for logs (never a key; at most the shape of decrypted data)
   * @param skipped how many input bytes were consumed
   */
  record Malformed(Reason reason, String detail, int skipped) implements OhDecodeResult {}

  /** Why a packet was refused. */
  enum Reason {
    /** No end of message within the longest packet allowed; the session cannot go on. */
    TOO_LONG,
    /** The decrypted bytes are neither an event frame nor a heartbeat (wrong key, damage). */
    UNKNOWN_MESSAGE,
    /** An event frame whose header, data block or trailer is malformed. */
    BAD_FRAME,
    /** A heartbeat whose fields are malformed. */
    BAD_HEARTBEAT,
    /** The encrypted panel identifier does not decrypt to 8 hexadecimal digits. */
    BAD_PANEL_ID,
    /** A reply that is not {@code ACK}, {@code NACK} or {@code ID}. */
    BAD_REPLY,
    /**
     * A version-4 packet ({@code #40R...} header in clear, AES-CBC inside, keys agreed by
     * Diffie-Hellman): not supported by vp. A receiver answers an encrypted {@code NACK}.
     */
    UNSUPPORTED_VERSION,
    /** A Diffie-Hellman key request ({@code DHR}) of version 4: not supported; the session ends. */
    UNSUPPORTED_KEY_EXCHANGE
  }

  /** The one {@link NeedMore} value. */
  NeedMore NEED_MORE = new NeedMore();
}
