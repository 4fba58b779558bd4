package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Frames what an RTSP client sends on its connection: requests (RFC 2326 §6, head up to a blank
 * line, then {@code Content-Length} bytes of body) and interleaved binary data ({@code $}, channel,
 * 16-bit length, RFC 2326 §10.12, which clients use for RTCP receiver reports). Pure: no I/O, no
 * state; limits bound every buffer.
 */
public final class RtspParser {
  /** Longest request head (request line and headers). */
  public static final int MAX_HEAD = 8192;
  /** Longest request body. */
  public static final int MAX_BODY = 8192;
  /** Most header fields in one request. */
  public static final int MAX_HEADERS = 64;
  /** Longest interleaved frame: {@code $}, channel, length and up to 65535 bytes. */
  public static final int MAX_INTERLEAVED = 4 + 65_535;
  /** A buffer of this size holds any message the parser accepts. */
  public static final int BUFFER = Math.max(MAX_HEAD + MAX_BODY, MAX_INTERLEAVED);

  private RtspParser() {}

  /** What {@link #parse} found at the start of the buffer. */
  public sealed interface Result permits Request, Interleaved, Blank, NeedMore, Malformed {}

  /**
   * A whole request.
   *
   * @param request the request
   * @param consumed bytes it took
   */
  public record Request(RtspRequest request, int consumed) implements Result {}

  /**
   * A whole interleaved binary frame (its payload is ignored).
   *
   * @param channel the channel
   * @param consumed bytes it took, header included
   */
  public record Interleaved(int channel, int consumed) implements Result {}

  /**
   * Empty lines between messages, which are skipped (RFC 2616 §4.1 robustness).
   *
   * @param consumed bytes to skip
   */
  public record Blank(int consumed) implements Result {}

  /** The message is not complete yet: read more. */
  public record NeedMore() implements Result {}

  /**
   * The bytes are not RTSP, or exceed a limit; framing is lost.
   *
   * @param reason what is wrong
   */
  public record Malformed(String reason) implements Result {}

  private static final NeedMore NEED_MORE = new NeedMore();

  /**
   * Parses the message at the start of {@code buf[off, off + len)}.
   *
   * @param buf the buffer
   * @param off where the data starts
   * @param len how many bytes are there
   * @return the result
   */
  public static Result parse(byte[] buf, int off, int len) {
    if (len <= 0) {
      return NEED_MORE;
    }
    if (buf[off] == '$') {
      if (len < 4) {
        return NEED_MORE;
      }
      int size = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
      return len < 4 + size ? NEED_MORE : new Interleaved(buf[off + 1] & 0xFF, 4 + size);
    }
    if (buf[off] == '\r' || buf[off] == '\n') {
      int k = 0;
      while (k < len && (buf[off + k] == '\r' || buf[off + k] == '\n')) {
        k++;
      }
      return new Blank(k);
    }
    int limit = Math.min(len, MAX_HEAD);
    int headEnd = -1;
    int bodyStart = -1;
    for (int i = 0; i < limit; i++) {
      byte b = buf[off + i];
      if (b == 0) {
        return new Malformed("NUL byte in request head");
      }
      if (b == '\n') {
        if (i + 1 < limit && buf[off + i + 1] == '\n') {
          headEnd = i;
          bodyStart = i + 2;
          break;
        }
        if (i + 2 < limit && buf[off + i + 1] == '\r' && buf[off + i + 2] == '\n') {
          headEnd = i;
          bodyStart = i + 3;
          break;
        }
      }
    }
    if (headEnd < 0) {
      return len >= MAX_HEAD ? new Malformed("request head longer than " + MAX_HEAD + " bytes") : NEED_MORE;
    }
    int headLen = headEnd > 0 && buf[off + headEnd - 1] == '\r' ? headEnd - 1 : headEnd;
    String head = new String(buf, off, headLen, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r?\n", -1);
    String[] start = lines[0].split(" ", -1);
    if (start.length != 3) {
      return new Malformed("request line must be METHOD URI VERSION");
    }
    String method = start[0];
    String uri = start[1];
    String version = start[2];
    if (!isToken(method) || method.length() > 32) {
      return new Malformed("bad method");
    }
    if (uri.isEmpty() || !printable(uri)) {
      return new Malformed("bad request URI");
    }
    if (!version.startsWith("RTSP/") || version.length() > 16 || !printable(version)) {
      return new Malformed("bad version");
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int contentLength = 0;
    for (int k = 1; k < lines.length; k++) {
      String line = lines[k].endsWith("\r") ? lines[k].substring(0, lines[k].length() - 1) : lines[k];
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return new Malformed("header line without a name");
      }
      String name = line.substring(0, colon);
      if (!isToken(name)) {
        return new Malformed("bad header name");
      }
      String value = line.substring(colon + 1).trim();
      if (!printable(value.replace('\t', ' '))) {
        return new Malformed("control character in a header");
      }
      if (headers.size() == MAX_HEADERS) {
        return new Malformed("more than " + MAX_HEADERS + " headers");
      }
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-length")) {
        if (value.isEmpty() || value.length() > 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          return new Malformed("bad Content-Length");
        }
        contentLength = Integer.parseInt(value);
        if (contentLength > MAX_BODY) {
          return new Malformed("body longer than " + MAX_BODY + " bytes");
        }
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(lower, value));
    }
    if (len - bodyStart < contentLength) {
      return NEED_MORE;
    }
    byte[] body = Arrays.copyOfRange(buf, off + bodyStart, off + bodyStart + contentLength);
    return new Request(new RtspRequest(method, uri, version, headers, body), bodyStart + contentLength);
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return false;
      }
    }
    return true;
  }
}
