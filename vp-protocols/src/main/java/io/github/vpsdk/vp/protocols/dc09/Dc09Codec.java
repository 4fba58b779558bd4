package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult.Malformed;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult.Reason;
import io.github.vpsdk.vp.protocols.internal.dc09.Crc16Arc;
import io.github.vpsdk.vp.protocols.internal.dc09.Dc09Crypto;
import io.github.vpsdk.vp.protocols.internal.dc09.Dc09Time;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decodes and encodes SIA DC-09 frames: {@code <LF><crc><0LLL>"<id>"<seq>R<rcvr>L<pref>#<acct>[<data>]<x-data>_<timestamp><CR>},
 * plain or AES-encrypted. Pure Java, thread-safe, no I/O.
 *
 * <p><b>Decoding</b> reads one frame from the start of a buffer and advances it past what it
 * used. Frames are found by their length field, not by searching for CR, and are bounded by
 * {@link Dc09CodecConfig#maxFrameLength()}: a stream never needs to buffer more. Bad input is a
 * {@link Malformed} result, never an exception. In the default lenient mode the codec accepts what
 * real panels send (see {@code docs/protocols/dc09.md}): a missing LF, a CRC in 2 raw bytes, a CRC
 * and length that count the final CR, lower-case hex, an {@code L} with no digits or no {@code L}
 * at all, accounts of 1 to 16 letters or digits, a plain frame without timestamp, any pad before
 * {@code |} (binary bytes included). Strict mode refuses all of these with {@link
 * Reason#NON_STANDARD} except the absent timestamp of a plain frame, which the standard allows.
 *
 * <p><b>Encoding</b> writes the standard layout, or the sender's {@link Dc09Dialect} for an
 * answer. Encrypted messages get a random printable pad (never {@code [ ] | "}) from the
 * configured source, and must carry a timestamp.
 *
 * <p>The codec does not judge time: the receiver compares {@link Dc09Message#timestamp()} with
 * its clock (anti-replay window) itself.
 */
public final class Dc09Codec {
  private static final byte LF = 0x0A;
  private static final byte CR = 0x0D;
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final Dc09CodecConfig config;

  /**
   * Creates a codec.
   *
   * @param config the settings
   */
  public Dc09Codec(Dc09CodecConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public Dc09CodecConfig config() {
    return config;
  }

  // =============================================================================== decoding

  /**
   * Decodes the frame at the start of a buffer. On {@link Dc09DecodeResult.Decoded} and {@link
   * Malformed} the buffer's position moves past the bytes used; on {@link
   * Dc09DecodeResult.NeedMore} it does not move.
   *
   * @param in the input, read from its position to its limit
   * @return what was found
   */
  public Dc09DecodeResult decode(ByteBuffer in) {
    int start = in.position();
    int limit = in.limit();
    if (start >= limit) {
      return Dc09DecodeResult.NEED_MORE;
    }
    // noise before a frame: blank bytes are skipped silently with the next frame, other bytes reported
    int s = start;
    while (s < limit && isBlank(in.get(s))) {
      s++;
    }
    if (s == limit) {
      if (s - start > 0 && s - start >= config.maxFrameLength()) {
        in.position(s);
        return new Malformed(Reason.NOISE, "blank bytes without a frame", null, s - start);
      }
      return Dc09DecodeResult.NEED_MORE;
    }
    boolean leadingLf = in.get(s) == LF;
    int h = leadingLf ? s + 1 : s;
    if (!leadingLf && !looksLikeHeader(in, h)) {
      int next = s + 1;
      while (next < limit && in.get(next) != LF) {
        next++;
      }
      in.position(next);
      return new Malformed(Reason.NOISE, "bytes that do not start a frame", null, next - start);
    }
    if (limit - h < 10) {
      return needMoreOrTooLong(in, start, limit);
    }
    boolean hexCrc = in.get(h + 4) == '0' && in.get(h + 8) == '"' && isHex(in, h, 4) && isHex(in, h + 5, 3);
    boolean binaryCrc = !hexCrc && in.get(h + 2) == '0' && in.get(h + 6) == '"' && isHex(in, h + 3, 3);
    if (!hexCrc && !binaryCrc) {
      return skipFrame(in, start, h, Reason.BAD_HEADER, "no CRC and length field before the token");
    }
    int crcSent = hexCrc ? hexValue(in, h, 4) : ((in.get(h) & 0xFF) << 8) | (in.get(h + 1) & 0xFF);
    int lengthField = hexValue(in, hexCrc ? h + 5 : h + 3, 3);
    int body = hexCrc ? h + 8 : h + 6;
    int frameEnd = body + lengthField; // index of the CR in the standard layout
    if (frameEnd + 1 - start > config.maxFrameLength()) {
      return skipFrame(in, start, h, Reason.TOO_LONG, "length field " + lengthField + " exceeds the frame limit");
    }
    boolean crcIncludesCr = false;
    int bodyEnd;
    if (lengthField > 0 && limit >= frameEnd && in.get(frameEnd - 1) == CR) {
      // ELDES: the length and CRC count the final CR (a standard body never ends with CR)
      crcIncludesCr = true;
      bodyEnd = frameEnd - 1;
      frameEnd = frameEnd - 1;
    } else if (limit <= frameEnd) {
      return Dc09DecodeResult.NEED_MORE;
    } else if (in.get(frameEnd) == CR) {
      bodyEnd = frameEnd;
    } else {
      return skipFrame(in, start, h, Reason.BAD_LENGTH, "no CR where the length field ends the frame");
    }
    byte[] bytes = new byte[frameEnd + 1 - start];
    in.get(start, bytes);
    int off = body - start;
    int len = bodyEnd - body;
    int crc = Crc16Arc.of(bytes, off, crcIncludesCr ? len + 1 : len);
    in.position(frameEnd + 1);
    int consumed = frameEnd + 1 - start;
    if (crc != crcSent) {
      return new Malformed(Reason.BAD_CRC, String.format("CRC %04X, computed %04X", crcSent, crc), null, consumed);
    }
    Dc09Dialect dialect = new Dc09Dialect(binaryCrc, leadingLf, crcIncludesCr);
    if (config.strict()) {
      if (!dialect.isStandard()) {
        return new Malformed(Reason.NON_STANDARD, "non-standard framing " + dialect, null, consumed);
      }
      if (hexCrc && !isUpperHex(bytes, h - start, 4)) {
        return new Malformed(Reason.NON_STANDARD, "lower-case CRC", null, consumed);
      }
    }
    return parseBody(bytes, off, len, dialect, consumed);
  }

  private Dc09DecodeResult parseBody(byte[] b, int off, int len, Dc09Dialect dialect, int consumed) {
    int end = off + len;
    int p = off;
    if (p >= end || b[p] != '"') {
      return new Malformed(Reason.BAD_HEADER, "no opening quote of the token", null, consumed);
    }
    int close = indexOf(b, p + 1, end, (byte) '"');
    if (close < 0 || close == p + 1 || close - p - 1 > 33) {
      return new Malformed(Reason.BAD_HEADER, "no token", null, consumed);
    }
    boolean encrypted = b[p + 1] == '*';
    String token = ascii(b, encrypted ? p + 2 : p + 1, close);
    if (token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '*')) {
      return new Malformed(Reason.BAD_HEADER, "invalid token", null, consumed);
    }
    p = close + 1;
    int seqStart = p;
    while (p < end && isDigit(b[p])) {
      p++;
    }
    String sequence = ascii(b, seqStart, p);
    if (sequence.isEmpty() || sequence.length() > 4) {
      return new Malformed(Reason.BAD_HEADER, "sequence must be 1 to 4 digits", null, consumed);
    }
    if (config.strict() && sequence.length() != 4) {
      return new Malformed(Reason.NON_STANDARD, "sequence must be 4 digits", null, consumed);
    }
    String receiver = null;
    String prefix = null;
    String account = null;
    if (p < end && b[p] == 'R') {
      int q = ++p;
      while (p < end && isHexDigit(b[p])) {
        p++;
      }
      receiver = ascii(b, q, p);
      if (receiver.isEmpty() || receiver.length() > 6) {
        return new Malformed(Reason.BAD_HEADER, "receiver must be 1 to 6 hex digits", null, consumed);
      }
    }
    if (p < end && b[p] == 'L') {
      int q = ++p;
      while (p < end && isHexDigit(b[p])) {
        p++;
      }
      prefix = ascii(b, q, p);
      if (prefix.length() > 6 || (config.strict() && prefix.isEmpty())) {
        return new Malformed(prefix.isEmpty() ? Reason.NON_STANDARD : Reason.BAD_HEADER, "prefix must be 1 to 6 hex digits", null, consumed);
      }
    } else if (config.strict()) {
      return new Malformed(Reason.NON_STANDARD, "no L (account prefix) field", null, consumed);
    }
    if (p < end && b[p] == '#') {
      int q = ++p;
      while (p < end && b[p] != '[' && p - q <= 16) {
        p++;
      }
      account = ascii(b, q, p);
      boolean letters = account.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80);
      if (account.isEmpty() || account.length() > 16 || !letters) {
        return new Malformed(Reason.BAD_HEADER, "account must be 1 to 16 letters or digits", null, consumed);
      }
      if (config.strict() && (account.length() < 3 || !account.chars().allMatch(c -> Character.digit(c, 16) >= 0))) {
        return new Malformed(Reason.NON_STANDARD, "account must be 3 to 16 hex digits", null, consumed);
      }
    } else if (p + 1 < end && b[p] == 'A' && b[p + 1] == '0' && token.equals(Dc09Message.NAK)) {
      p += 2; // the standard NAK header R0L0A0
    } else if (!token.equals(Dc09Message.NAK)) {
      return new Malformed(Reason.BAD_HEADER, "no # account", null, consumed);
    }
    if (account == null && token.equals(Dc09Message.NAK)) {
      // the standard NAK header R0L0A0: the hex field before "A0" swallowed it
      if (prefix != null && prefix.endsWith("A0") && p < end && b[p] == '[') {
        prefix = prefix.substring(0, prefix.length() - 2);
      } else if (prefix == null && receiver != null && receiver.endsWith("A0") && p < end && b[p] == '[') {
        receiver = receiver.substring(0, receiver.length() - 2);
      }
    }
    if (p >= end || b[p] != '[') {
      return new Malformed(Reason.BAD_HEADER, "no data block after the header", null, consumed);
    }
    Dc09Message header = new Dc09Message(token, encrypted, sequence, receiver, prefix, account, "", List.of(), null);
    byte[] rest;
    if (encrypted) {
      Optional<Dc09Key> key = account == null ? Optional.empty() : config.keys().keyFor(account);
      if (key.isEmpty()) {
        return new Malformed(Reason.NO_KEY, "encrypted frame for account " + account + " with no key", header, consumed);
      }
      int hexLen = end - (p + 1);
      if (hexLen == 0 || hexLen % 32 != 0 || !isHex(b, p + 1, hexLen)) {
        return new Malformed(Reason.BAD_DATA, "encrypted part is not whole AES blocks in hex", header, consumed);
      }
      if (config.strict() && !isUpperHex(b, p + 1, hexLen)) {
        return new Malformed(Reason.NON_STANDARD, "lower-case hex in the encrypted part", header, consumed);
      }
      byte[] plain = Dc09Crypto.decrypt(key.get().bytes(), HexFormat.of().parseHex(ascii(b, p + 1, end)));
      int dataStart = stripPad(plain, account);
      if (dataStart < 0) {
        return new Malformed(Reason.DECRYPT_FAILED, "no valid plaintext: wrong key or damaged frame", header, consumed);
      }
      rest = java.util.Arrays.copyOfRange(plain, dataStart, plain.length);
    } else {
      rest = java.util.Arrays.copyOfRange(b, p + 1, end);
    }
    return parseContent(rest, header, encrypted, dialect, consumed);
  }

  /**
   * Finds where the data starts in a decrypted payload: after {@code |} when the pad is followed
   * by {@code |#<account>|} or by a {@code |} among the first 16 bytes, or at the {@code ]} of a
   * data-less message ({@code pad ] _timestamp}). Returns -1 when none fits (wrong key).
   */
  private static int stripPad(byte[] plain, @Nullable String account) {
    if (account != null) {
      byte[] marker = ("|#" + account + "|").getBytes(StandardCharsets.ISO_8859_1);
      int at = indexOf(plain, marker);
      if (at >= 0 && at < 32) {
        return at + 1;
      }
    }
    // a data-less message: pad ] [x-data] _HH:MM:SS,MM-DD-YYYY, or pad | ] ...
    int tsAt = plain.length - Dc09Time.LENGTH;
    boolean endsWithTime = tsAt > 0 && Dc09Time.parse(new String(plain, tsAt, Dc09Time.LENGTH, StandardCharsets.ISO_8859_1)) != null;
    for (int i = 0; i < Math.min(17, plain.length); i++) {
      if (plain[i] == '|') {
        return i + 1;
      }
    }
    if (endsWithTime) {
      // no "|": pad ] [x-data]... _timestamp with empty data; the data's "]" is the first one
      // followed by nothing but well-formed x-data blocks and the timestamp
      for (int i = 0; i < tsAt; i++) {
        if (plain[i] == ']' && onlyExtendedDataBefore(plain, i + 1, tsAt)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static boolean onlyExtendedDataBefore(byte[] b, int from, int to) {
    int p = from;
    while (p < to) {
      if (b[p] != '[' || p + 1 >= to || !isLetter(b[p + 1])) {
        return false;
      }
      int close = indexOf(b, p + 2, to, (byte) ']');
      if (close < 0) {
        return false;
      }
      p = close + 1;
    }
    return p == to;
  }

  private static boolean isLetter(byte c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private Dc09DecodeResult parseContent(byte[] c, Dc09Message header, boolean encrypted, Dc09Dialect dialect, int consumed) {
    // data ] [x-data]... [_timestamp]
    int close = -1;
    for (int i = 0; i < c.length; i++) {
      if (c[i] == ']') {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return new Malformed(Reason.BAD_DATA, "data block not closed", header, consumed);
    }
    if (config.strict() && !isAscii(c, 0, close)) {
      return new Malformed(Reason.NON_STANDARD, "non-ASCII bytes in the data block", header, consumed);
    }
    String data = latin1(c, 0, close);
    List<ExtendedField> extended = new ArrayList<>();
    int p = close + 1;
    while (p < c.length && c[p] == '[') {
      int end = -1;
      for (int i = p + 1; i < c.length; i++) {
        if (c[i] == ']') {
          end = i;
          break;
        }
      }
      if (end < 0 || end == p + 1) {
        return new Malformed(Reason.BAD_DATA, "extended data block not closed or empty", header, consumed);
      }
      char tag = (char) (c[p + 1] & 0xFF);
      if (!((tag >= 'A' && tag <= 'Z') || (tag >= 'a' && tag <= 'z'))) {
        return new Malformed(Reason.BAD_DATA, "extended data block without a letter", header, consumed);
      }
      extended.add(new ExtendedField(String.valueOf(tag), text(c, p + 2, end)));
      p = end + 1;
      if (extended.size() > 64) {
        return new Malformed(Reason.BAD_DATA, "more than 64 extended data blocks", header, consumed);
      }
    }
    Instant timestamp = null;
    if (p < c.length) {
      if (c.length - p != Dc09Time.LENGTH) {
        return new Malformed(Reason.BAD_TIMESTAMP, "unexpected bytes after the data", header, consumed);
      }
      timestamp = Dc09Time.parse(latin1(c, p, c.length));
      if (timestamp == null) {
        return new Malformed(Reason.BAD_TIMESTAMP, "timestamp is not _HH:MM:SS,MM-DD-YYYY", header, consumed);
      }
    } else if (encrypted) {
      return new Malformed(Reason.BAD_TIMESTAMP, "an encrypted frame must carry a timestamp", header, consumed);
    }
    Dc09Message message =
        new Dc09Message(
            header.token(), encrypted, header.sequence(), header.receiver(), header.prefix(), header.account(),
            data, extended, timestamp);
    return new Dc09DecodeResult.Decoded(message, dialect, consumed);
  }

  private Dc09DecodeResult needMoreOrTooLong(ByteBuffer in, int start, int limit) {
    if (limit - start >= config.maxFrameLength()) {
      return skipFrame(in, start, start + 1, Reason.TOO_LONG, "no frame within the length limit");
    }
    return Dc09DecodeResult.NEED_MORE;
  }

  /** Consumes a bad frame up to the next LF after its start (or all input), and reports it. */
  private static Malformed skipFrame(ByteBuffer in, int start, int from, Reason reason, String detail) {
    int next = Math.max(from, start + 1);
    while (next < in.limit() && in.get(next) != LF) {
      next++;
    }
    in.position(next);
    return new Malformed(reason, detail, null, next - start);
  }

  // =============================================================================== encoding

  /**
   * Encodes a message in the standard layout. An encrypted message is encrypted with the key of
   * its account.
   *
   * @param message the message
   * @return the frame, LF to CR
   * @throws io.github.vpsdk.vp.core.VpException {@code INVALID_ARGUMENT} if an encrypted message
   *     has no timestamp or its account no key
   */
  public byte[] encode(Dc09Message message) {
    return encode(message, Dc09Dialect.STANDARD);
  }

  /**
   * Encodes a message in a sender's layout, to answer it the way it reads.
   *
   * @param message the message
   * @param dialect the layout
   * @return the frame
   */
  public byte[] encode(Dc09Message message, Dc09Dialect dialect) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(128);
    write(body, "\"" + (message.encrypted() ? "*" : "") + message.token() + "\"" + message.sequence());
    if (message.receiver() != null) {
      write(body, "R" + message.receiver());
    }
    if (message.prefix() != null) {
      write(body, "L" + message.prefix());
    }
    write(body, message.account() != null ? "#" + message.account() : "A0");
    body.write('[');
    ByteArrayOutputStream content = new ByteArrayOutputStream(64);
    writeLatin1(content, message.data());
    content.write(']');
    for (ExtendedField field : message.extended()) {
      if (field.tag().length() != 1) {
        throw new io.github.vpsdk.vp.core.VpException(
            io.github.vpsdk.vp.core.VpException.Reason.INVALID_ARGUMENT, "DC-09 extended data tags are one letter");
      }
      content.write('[');
      write(content, field.tag());
      content.writeBytes(field.value().getBytes(StandardCharsets.UTF_8));
      content.write(']');
    }
    if (message.timestamp() != null) {
      write(content, Dc09Time.format(message.timestamp()));
    }
    if (message.encrypted()) {
      if (message.timestamp() == null) {
        throw new io.github.vpsdk.vp.core.VpException(
            io.github.vpsdk.vp.core.VpException.Reason.INVALID_ARGUMENT, "an encrypted message needs a timestamp");
      }
      Dc09Key key =
          (message.account() == null ? Optional.<Dc09Key>empty() : config.keys().keyFor(message.account()))
              .orElseThrow(() -> new io.github.vpsdk.vp.core.VpException(
                  io.github.vpsdk.vp.core.VpException.Reason.INVALID_ARGUMENT, "no key for account " + message.account()));
      byte[] tail = content.toByteArray();
      // "pad|data]..." always, except a data-less NULL or response without extended data, which
      // gets the "pad]_timestamp" form panels and receivers also use
      boolean withBar = !message.data().isEmpty() || !message.extended().isEmpty()
          || !message.token().equals(Dc09Message.NULL) && !message.isResponse();
      int fixed = tail.length + (withBar ? 1 : 0);
      int padLength = 16 - fixed % 16;
      if (padLength == 0) {
        padLength = 16;
      }
      byte[] plain = new byte[padLength + fixed];
      for (int i = 0; i < padLength; i++) {
        plain[i] = padByte();
      }
      int at = padLength;
      if (withBar) {
        plain[at++] = '|';
      }
      System.arraycopy(tail, 0, plain, at, tail.length);
      write(body, HEX.formatHex(Dc09Crypto.encrypt(key.bytes(), plain)));
    } else {
      body.writeBytes(content.toByteArray());
    }
    byte[] b = body.toByteArray();
    if (b.length > 0x0FFF) {
      throw new io.github.vpsdk.vp.core.VpException(
          io.github.vpsdk.vp.core.VpException.Reason.INVALID_ARGUMENT, "message longer than the 4095-byte DC-09 limit");
    }
    ByteArrayOutputStream frame = new ByteArrayOutputStream(b.length + 12);
    if (dialect.leadingLf()) {
      frame.write(LF);
    }
    int counted = dialect.crcIncludesCr() ? b.length + 1 : b.length;
    byte[] forCrc = dialect.crcIncludesCr() ? java.util.Arrays.copyOf(b, b.length + 1) : b;
    if (dialect.crcIncludesCr()) {
      forCrc[b.length] = CR;
    }
    int crc = Crc16Arc.of(forCrc, 0, forCrc.length);
    if (dialect.binaryCrc()) {
      frame.write(crc >>> 8);
      frame.write(crc & 0xFF);
    } else {
      writeHex(frame, crc, 4);
    }
    frame.write('0');
    writeHex(frame, counted, 3);
    frame.writeBytes(b);
    frame.write(CR);
    return frame.toByteArray();
  }

  private byte padByte() {
    while (true) {
      int c = 0x21 + config.padRandom().nextInt(0x7f - 0x21);
      if (c != '[' && c != ']' && c != '|' && c != '"' && c != '#') {
        return (byte) c;
      }
    }
  }

  // =============================================================================== helpers

  private static boolean looksLikeHeader(ByteBuffer in, int h) {
    int n = in.limit() - h;
    if (n < 1) {
      return false;
    }
    // a frame without its LF starts with 4 hex digits (or 2 CRC bytes) then 0LLL"
    int have = Math.min(n, 9);
    for (int i = 0; i < Math.min(have, 4); i++) {
      if (!isHexDigit(in.get(h + i))) {
        return binaryStart(in, h);
      }
    }
    return have < 5 || in.get(h + 4) == '0' || binaryStart(in, h);
  }

  private static boolean binaryStart(ByteBuffer in, int h) {
    return in.limit() - h >= 7 && in.get(h + 2) == '0' && in.get(h + 6) == '"';
  }

  private static boolean isBlank(byte b) {
    return b == CR || b == 0 || b == ' ' || b == '\t';
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isHexDigit(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
  }

  private static boolean isHex(ByteBuffer in, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!isHexDigit(in.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(byte[] b, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (!isHexDigit(b[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUpperHex(byte[] b, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (b[i] >= 'a' && b[i] <= 'f') {
        return false;
      }
    }
    return true;
  }

  private static int hexValue(ByteBuffer in, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      v = (v << 4) | Character.digit(in.get(i), 16);
    }
    return v;
  }

  private static int indexOf(byte[] b, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= b.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (b[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /**
   * Extended data text: UTF-8 when the bytes are valid UTF-8, else Windows-1252, which DC-09 allows
   * in some x-data fields (0x80-0x9F are the letters and signs of that code page, not C1 controls).
   * {@link Dc09Events} reads text of the data block the same way.
   */
  static String text(byte[] b, int from, int to) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return windows1252(b, from, to);
    }
  }

  /** Windows-1252 0x80-0x9F; the five bytes the code page leaves undefined keep their value. */
  private static final String CP1252_80_9F =
      "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
          + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

  private static String windows1252(byte[] b, int from, int to) {
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      int c = b[i] & 0xFF;
      chars[i - from] = c >= 0x80 && c <= 0x9F ? CP1252_80_9F.charAt(c - 0x80) : (char) c;
    }
    return new String(chars);
  }

  private static void writeHex(ByteArrayOutputStream out, int value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.write(Character.toUpperCase(Character.forDigit((value >>> shift) & 0xF, 16)));
    }
  }

  private static void write(ByteArrayOutputStream out, String ascii) {
    out.writeBytes(ascii.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void writeLatin1(ByteArrayOutputStream out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      out.write(ch <= 0xFF ? ch : '?');
    }
  }
}
