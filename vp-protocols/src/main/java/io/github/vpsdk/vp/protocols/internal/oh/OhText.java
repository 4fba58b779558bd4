package io.github.vpsdk.vp.protocols.internal.oh;

import io.github.vpsdk.vp.protocols.oh.OhDecodeResult;
import io.github.vpsdk.vp.protocols.oh.OhDecodeResult.Reason;
import io.github.vpsdk.vp.protocols.oh.OhEvent;
import io.github.vpsdk.vp.protocols.oh.OhHeartbeat;
import io.github.vpsdk.vp.protocols.oh.OhMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The clear text of OH panel messages: parsing decrypted packets and writing messages before
 * encryption. The panel identifier inside event frames is itself encrypted with the session
 * cipher, hence the cipher argument.
 */
public final class OhText {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private OhText() {}

  /**
   * Parses one decrypted packet.
   *
   * @param plain the decrypted bytes (whole blocks, padding included)
   * @param length how many bytes of {@code plain} belong to the packet
   * @param cipher the session cipher, for the panel identifier
   * @param zeroBlockFollows whether an all-zero block came right after the packet (a panel that
   *     pads a block-aligned packet with a whole block of zeros)
   * @param consumed the input bytes the packet took, padding blocks included
   * @return the message, or why the packet is malformed ({@code skipped} is {@code consumed})
   */
  public static OhDecodeResult parse(byte[] plain, int length, OhCipher cipher, boolean zeroBlockFollows, int consumed) {
    OhDecodeResult r = parse(plain, length, cipher);
    if (r instanceof OhDecodeResult.Decoded) {
      OhDecodeResult.Decoded d = (OhDecodeResult.Decoded) r;
      return new OhDecodeResult.Decoded(d.message(), d.encryptedAnswer() || zeroBlockFollows, consumed);
    }
    OhDecodeResult.Malformed m = (OhDecodeResult.Malformed) r;
    return new OhDecodeResult.Malformed(m.reason(), m.detail(), consumed);
  }

  /**
   * Whether the packet has a zero byte after its message, which makes the answer encrypted.
   *
   * @param plain the decrypted bytes
   * @param length the packet's length
   * @return {@code true} if the packet's last byte is zero
   */
  public static boolean endsWithZero(byte[] plain, int length) {
    return length > 0 && plain[length - 1] == 0;
  }

  private static OhDecodeResult parse(byte[] plain, int length, OhCipher cipher) {
    String s = new String(plain, 0, length, StandardCharsets.ISO_8859_1);
    try {
      if (s.startsWith("\n")) {
        return frame(s, length, cipher);
      }
      if (s.startsWith("SR")) {
        return heartbeat(s, length);
      }
      if (stripZeros(s).startsWith("DHR")) {
        return bad(Reason.UNSUPPORTED_KEY_EXCHANGE, "Diffie-Hellman request (version 4)", length);
      }
      return bad(Reason.UNKNOWN_MESSAGE, "neither an event frame nor a heartbeat (wrong key or damage)", length);
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return bad(s.startsWith("SR") ? Reason.BAD_HEARTBEAT : Reason.BAD_FRAME, String.valueOf(e.getMessage()), length);
    }
  }

  private static OhDecodeResult frame(String s, int length, OhCipher cipher) {
    int cr = s.indexOf('\r');
    if (cr < 0) {
      return bad(Reason.BAD_FRAME, "no CR", length);
    }
    for (int i = cr + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != 0 && c != '\n') {
        return bad(Reason.BAD_FRAME, "bytes after the CR other than zero padding", length);
      }
    }
    boolean encryptedAnswer = s.indexOf('\0', cr) >= 0;
    String body = s.substring(1, cr);
    if (body.length() < 12 || !isHex(body, 0, 8)) {
      return bad(Reason.BAD_FRAME, "no CRC and length fields", length);
    }
    int p = 8;
    if (body.charAt(p) != '"') {
      return bad(Reason.BAD_FRAME, "no token", length);
    }
    int q = body.indexOf('"', p + 1);
    if (q < 0 || q - p - 1 < 1 || q - p - 1 > 16) {
      return bad(Reason.BAD_FRAME, "token not closed", length);
    }
    String token = body.substring(p + 1, q);
    p = q + 1;
    int open = body.indexOf('[', p);
    if (open < 0) {
      return bad(Reason.BAD_FRAME, "no data block", length);
    }
    String header = body.substring(p, open);
    int r = header.indexOf('R');
    int l = header.indexOf('L', Math.max(r, 0));
    int seqEnd = r >= 0 ? r : l >= 0 ? l : header.length();
    String sequence = header.substring(0, seqEnd);
    String receiver = r >= 0 ? header.substring(r + 1, l >= 0 ? l : header.length()) : null;
    String line = l >= 0 ? header.substring(l + 1) : null;
    int close = body.lastIndexOf(']');
    if (close < open) {
      return bad(Reason.BAD_FRAME, "data block not closed", length);
    }
    String inner = body.substring(open + 1, close);
    if (!inner.startsWith("#")) {
      return bad(Reason.BAD_FRAME, "no account in the data block", length);
    }
    int bar = inner.indexOf('|');
    if (bar < 0) {
      return bad(Reason.BAD_FRAME, "no | after the account", length);
    }
    String account = inner.substring(1, bar);
    String data = inner.substring(bar + 1);
    String text = null;
    int star = data.indexOf("*'");
    if (star >= 0) {
      if (!data.endsWith("'NM") || data.length() - 3 < star + 2) {
        return bad(Reason.BAD_FRAME, "XSIA text not closed by 'NM", length);
      }
      text = data.substring(star + 2, data.length() - 3);
      data = data.substring(0, star);
    }
    String trailer = body.substring(close + 1);
    int t = 0;
    Long panelId = null;
    if (trailer.length() >= 16 && isHex(trailer, 0, 16)) {
      byte[] block = HexFormat.of().parseHex(trailer, 0, 16);
      cipher.decryptBlock(block, 0, block, 0);
      String id = stripZeros(new String(block, StandardCharsets.ISO_8859_1));
      if (id.isEmpty() || id.length() > 8 || !isHex(id, 0, id.length())) {
        return bad(Reason.BAD_PANEL_ID, "the panel identifier does not decrypt to hexadecimal digits", length);
      }
      panelId = Long.parseLong(id, 16);
      t = 16;
    }
    String system = null;
    if (trailer.startsWith("|#", t)) {
      int e = t + 2;
      while (e < trailer.length() && e - t - 2 < 16 && isHex(trailer, e, e + 1)) {
        e++;
      }
      system = trailer.substring(t + 2, e);
      t = e;
    }
    Instant time = null;
    if (trailer.startsWith("T", t)) {
      if (trailer.length() < t + 9 || !isHex(trailer, t + 1, t + 9)) {
        return bad(Reason.BAD_FRAME, "T not followed by 8 hexadecimal digits", length);
      }
      time = Instant.ofEpochSecond(Long.parseLong(trailer.substring(t + 1, t + 9), 16));
      t += 9;
    }
    if (t != trailer.length()) {
      return bad(Reason.BAD_FRAME, "unexpected characters after the data block", length);
    }
    OhEvent event = new OhEvent(token, sequence, receiver, line, account, data, text, panelId, system, time);
    return new OhDecodeResult.Decoded(event, encryptedAnswer, length);
  }

  private static OhDecodeResult heartbeat(String s, int length) {
    int p = 2;
    int l = s.indexOf('L', p);
    if (l < 0) {
      return bad(Reason.BAD_HEARTBEAT, "no L field", length);
    }
    String receiver = s.substring(p, l);
    p = l + 1;
    int e = p;
    while (e < s.length() && isHex(s, e, e + 1)) {
      e++;
    }
    String line = s.substring(p, e);
    p = skipSpaces(s, e);
    int xx = s.indexOf("XX", p);
    if (xx < 0 || xx - p > 16) {
      return bad(Reason.BAD_HEARTBEAT, "no account followed by XX", length);
    }
    String account = s.substring(p, xx);
    boolean encryptedAnswer = s.indexOf('\0', xx) >= 0;
    p = skipSpaces(s, xx + 2);
    if (p < s.length() && s.charAt(p) == 0) {
      p++;
    }
    Long panelId = null;
    Instant time = null;
    if (s.startsWith("[ID", p)) {
      if (s.length() < p + 12 || !isHex(s, p + 3, p + 11) || s.charAt(p + 11) != ']') {
        return bad(Reason.BAD_HEARTBEAT, "[ID not followed by 8 hexadecimal digits and ]", length);
      }
      panelId = Long.parseLong(s.substring(p + 3, p + 11), 16);
      p = skipSpaces(s, p + 12);
      if (s.startsWith("T", p) && s.length() >= p + 9 && isHex(s, p + 1, p + 9)) {
        time = Instant.ofEpochSecond(Long.parseLong(s.substring(p + 1, p + 9), 16));
      }
    }
    // what follows is ignored, as python-osbornehoffman does: padding, or fields vp does not know
    return new OhDecodeResult.Decoded(new OhHeartbeat(receiver, line, account, panelId, time), encryptedAnswer, length);
  }

  /**
   * The clear text of a panel message, zero-terminated as panels send it (not yet padded).
   *
   * @param message an {@link OhEvent} or {@link OhHeartbeat}
   * @param cipher the session cipher, for the panel identifier
   * @return the bytes
   */
  public static byte[] format(OhMessage message, OhCipher cipher) {
    StringBuilder sb = new StringBuilder();
    if (message instanceof OhHeartbeat) {
      OhHeartbeat h = (OhHeartbeat) message;
      sb.append("SR").append(h.receiver()).append('L').append(h.line()).append("    ")
          .append(h.systemAccount()).append("XX    \0");
      if (h.panelId() != null) {
        sb.append("[ID").append(hex8(h.panelId())).append(']');
        if (h.timestamp() != null) {
          sb.append('T').append(hex8(h.timestamp().getEpochSecond()));
        }
        sb.append('\0');
      }
      return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
    if (!(message instanceof OhEvent)) {
      throw new IllegalArgumentException("a panel sends events and heartbeats");
    }
    OhEvent e = (OhEvent) message;
    StringBuilder rest = new StringBuilder();
    rest.append('"').append(e.token()).append('"').append(e.sequence());
    if (e.receiver() != null) {
      rest.append('R').append(e.receiver());
    }
    if (e.line() != null) {
      rest.append('L').append(e.line());
    }
    rest.append("[#").append(e.account()).append('|').append(e.data());
    if (e.text() != null) {
      rest.append("*'").append(e.text()).append("'NM");
    }
    rest.append(']');
    if (e.panelId() != null) {
      byte[] block = cipher.encryptPadded(hex8(e.panelId()).getBytes(StandardCharsets.US_ASCII));
      rest.append(HEX.formatHex(block));
    }
    if (e.systemAccount() != null) {
      rest.append("|#").append(e.systemAccount());
    }
    if (e.timestamp() != null) {
      rest.append('T').append(hex8(e.timestamp().getEpochSecond()));
    }
    int declared = 8 + rest.length();
    sb.append('\n').append("0101").append(String.format(Locale.ROOT, "%04X", declared)).append(rest).append("\r\0");
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Eight upper-case hexadecimal digits.
   *
   * @param n a 32-bit value
   * @return the digits
   */
  public static String hex8(long n) {
    return String.format(Locale.ROOT, "%08X", n);
  }

  /**
   * Whether characters are hexadecimal digits.
   *
   * @param s the text
   * @param from first index
   * @param to index after the last
   * @return {@code true} if all are
   */
  public static boolean isHex(String s, int from, int to) {
    if (to > s.length() || from > to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(String s, int p) {
    while (p < s.length() && s.charAt(p) == ' ') {
      p++;
    }
    return p;
  }

  private static String stripZeros(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == 0) {
      end--;
    }
    return s.substring(0, end);
  }

  private static OhDecodeResult bad(Reason reason, String detail, int skipped) {
    return new OhDecodeResult.Malformed(reason, detail, skipped);
  }
}
