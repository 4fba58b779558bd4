package io.github.vpsdk.vp.protocols.internal.surgard;

import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits an SG automation byte stream into packets at each DC4, with a bounded buffer: never more
 * than {@link SurGardCodec#MAX_PACKET} bytes are kept. Glued packets (retransmissions read
 * together) come out one by one. Bytes in front of a packet that do not belong to it (line noise,
 * the tail of a packet cut by a reconnection) are reported as {@link Problem#GARBAGE} and the
 * packet behind them is still decoded; a run longer than the limit without DC4 is reported as
 * {@link Problem#TOO_LONG} and only its last bytes are kept.
 *
 * <p>Not thread-safe: one instance per connection.
 */
public final class PacketSplitter {
  /** What was wrong with bytes that are not a packet. */
  public enum Problem {
    /** Bytes before a valid packet, skipped; the packet itself is decoded. */
    GARBAGE,
    /** More than the packet limit without a DC4; the excess was dropped. */
    TOO_LONG,
    /** A DC4-terminated packet that does not decode: answer NAK. */
    MALFORMED,
    /** Bytes left without DC4 when the connection closed. */
    TRUNCATED
  }

  /** A piece of the stream. */
  public sealed interface Piece permits Packet, Refused {}

  /**
   * A decoded packet.
   *
   * @param message the message
   * @param text the packet's text without DC4 (and without leading blanks), the duplicate key
   */
  public record Packet(SurGardMessage message, String text) implements Piece {
    /** Validates. */
    public Packet {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * Bytes that are not a packet.
   *
   * @param problem what is wrong
   * @param detail a description
   * @param text the bytes as ISO-8859-1 text (at most the packet limit)
   */
  public record Refused(Problem problem, String detail, String text) implements Piece {
    /** Validates. */
    public Refused {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(text, "text");
    }
  }

  private static final int LIMIT = SurGardCodec.MAX_PACKET;
  private final byte[] buffer = new byte[LIMIT];
  private int length;
  private long dropped;

  /**
   * Feeds bytes.
   *
   * @param data the bytes
   * @param offset where they start
   * @param count how many
   * @return the pieces completed by these bytes, in order
   */
  public List<Piece> feed(byte[] data, int offset, int count) {
    Objects.checkFromIndexSize(offset, count, data.length);
    List<Piece> out = new ArrayList<>(2);
    for (int i = offset; i < offset + count; i++) {
      byte b = data[i];
      if (b == SurGardCodec.DC4) {
        complete(out);
        continue;
      }
      if (length == LIMIT) {
        // keep the newest half: a packet may start in it
        int half = LIMIT / 2;
        System.arraycopy(buffer, half, buffer, 0, LIMIT - half);
        length -= half;
        dropped += half;
      }
      buffer[length++] = b;
    }
    return out;
  }

  /**
   * Feeds bytes.
   *
   * @param data the bytes
   * @return the pieces completed by them
   */
  public List<Piece> feed(byte[] data) {
    return feed(data, 0, data.length);
  }

  /**
   * Ends the stream (the connection closed).
   *
   * @return a {@link Problem#TRUNCATED} piece if bytes were waiting for their DC4
   */
  public @Nullable Refused finish() {
    int start = skipBlanks();
    Refused r = null;
    if (length > start || dropped > 0) {
      r = new Refused(Problem.TRUNCATED, (dropped + length - start) + " bytes without DC4 at the end of the stream",
          text(start, length));
    }
    length = 0;
    dropped = 0;
    return r;
  }

  /**
   * How many bytes wait for their DC4 (never more than the packet limit).
   *
   * @return the count
   */
  public int buffered() {
    return length;
  }

  private void complete(List<Piece> out) {
    int start = skipBlanks();
    String text = text(start, length);
    long skipped = dropped;
    length = 0;
    dropped = 0;
    if (skipped > 0) {
      out.add(new Refused(Problem.TOO_LONG, "more than " + LIMIT + " bytes without DC4: " + skipped + " dropped", ""));
      if (text.isEmpty()) {
        return;
      }
    } else if (text.isEmpty()) {
      return; // a lone DC4, or blanks: nothing to answer
    }
    ParseResult<SurGardMessage> whole = SurGardCodec.parse(text);
    SurGardMessage m = whole.asOptional().orElse(null);
    if (m != null && known(m)) {
      out.add(new Packet(m, text));
      return;
    }
    // look for a packet behind leading noise: the leftmost suffix that decodes to a known type
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '1' && c != '5' && c != 'Q' && c != 'S') {
        continue;
      }
      String tail = text.substring(i);
      SurGardMessage t = SurGardCodec.parse(tail).asOptional().orElse(null);
      if (t != null && known(t)) {
        out.add(new Refused(Problem.GARBAGE, i + " bytes before a packet skipped", text.substring(0, i)));
        out.add(new Packet(t, tail));
        return;
      }
    }
    if (m != null && skipped == 0 && Character.isLetterOrDigit(((SurGardMessage.Unsupported) m).protocol())) {
      out.add(new Packet(m, text)); // a protocol vp does not decode: acknowledged and reported
      return;
    }
    String reason = whole instanceof ParseResult.Invalid
        ? ((ParseResult.Invalid<SurGardMessage>) whole).reason()
        : "unknown protocol character";
    out.add(new Refused(Problem.MALFORMED, reason, text));
  }

  private static boolean known(SurGardMessage m) {
    return !(m instanceof SurGardMessage.Unsupported);
  }

  private int skipBlanks() {
    int s = 0;
    while (s < length && (buffer[s] == '\r' || buffer[s] == '\n' || buffer[s] == ' ' || buffer[s] == 0)) {
      s++;
    }
    return s;
  }

  private String text(int from, int to) {
    return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * A packet's text made safe for logs and events: non-printable bytes as {@code <XX>}.
   *
   * @param text the text
   * @return the printable form
   */
  public static String printable(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        sb.append(c);
      } else {
        sb.append('<').append(String.format(java.util.Locale.ROOT, "%02X", (int) c)).append('>');
      }
    }
    return sb.toString();
  }
}
