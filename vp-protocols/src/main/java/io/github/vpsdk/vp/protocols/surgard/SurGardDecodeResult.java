package io.github.vpsdk.vp.protocols.surgard;

/** What {@link SurGardCodec#decode} found at the start of the input. */
public sealed interface SurGardDecodeResult
    permits SurGardDecodeResult.Decoded, SurGardDecodeResult.NeedMore, SurGardDecodeResult.Malformed {

  /**
   * A packet, decoded.
   *
   * @param message the message
   * @param length the bytes used, DC4 included
   */
  record Decoded(SurGardMessage message, int length) implements SurGardDecodeResult {}

  /** No complete packet yet; nothing consumed. */
  record NeedMore() implements SurGardDecodeResult {}

  /**
   * A packet that is not valid, or too long; answer it with NAK. Its bytes were consumed.
   *
   * @param detail what is wrong
   * @param skipped the bytes consumed
   */
  record Malformed(String detail, int skipped) implements SurGardDecodeResult {}

  /** The one {@link NeedMore} value. */
  NeedMore NEED_MORE = new NeedMore();
}
