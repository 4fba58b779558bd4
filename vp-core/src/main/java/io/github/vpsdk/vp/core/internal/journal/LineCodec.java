package io.github.vpsdk.vp.core.internal.journal;

import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.VerificationResult.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The line format of a segment file (see {@code docs/journal.md}):
 *
 * <pre>{"seq":N,"time":"T","prev":"P","record":{...},"hash":"H"}LF</pre>
 *
 * <p>H is the SHA-256, in lower-case hex, of the line's bytes before {@code ,"hash":"} followed by
 * one {@code '}'} byte: the JSON object {@code {"seq":N,"time":"T","prev":"P","record":{...}}}
 * exactly as stored. Verification works on the raw bytes; no JSON canonicalisation is needed.
 */
public final class LineCodec {
  private static final byte[] HASH_FIELD = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
  /** Length of {@code ,"hash":"<64 hex>"}} at the end of a line (LF not included). */
  static final int SUFFIX_LENGTH = HASH_FIELD.length + 64 + 2;
  /** Bytes a line adds around its record, with room to spare. */
  public static final int LINE_OVERHEAD = 512;

  private LineCodec() {}

  /** A line ready to be written, and its hash. */
  record Encoded(byte[] line, String hash) {}

  /** A parsed line whose hash matched. */
  record Parsed(long sequence, Instant time, String previousHash, JsonNode record, String hash) {}

  /**
   * A problem with a line.
   *
   * @param reason the reason
   * @param detail for people
   * @param beforeHash whether the line failed before its hash was found to match (so it may be an
   *     incomplete write)
   */
  record Problem(Reason reason, String detail, boolean beforeHash) {}

  static Encoded encode(
      MessageDigest digest, long sequence, Instant time, String previousHash, byte[] recordJson) {
    byte[] head =
        ("{\"seq\":" + sequence + ",\"time\":\"" + time + "\",\"prev\":\"" + previousHash
                + "\",\"record\":")
            .getBytes(StandardCharsets.US_ASCII);
    digest.reset();
    digest.update(head);
    digest.update(recordJson);
    digest.update((byte) '}');
    String hash = Hex.encode(digest.digest());
    int prefix = head.length + recordJson.length;
    byte[] line = new byte[prefix + SUFFIX_LENGTH + 1];
    System.arraycopy(head, 0, line, 0, head.length);
    System.arraycopy(recordJson, 0, line, head.length, recordJson.length);
    System.arraycopy(HASH_FIELD, 0, line, prefix, HASH_FIELD.length);
    byte[] hex = hash.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(hex, 0, line, prefix + HASH_FIELD.length, 64);
    line[line.length - 3] = '"';
    line[line.length - 2] = '}';
    line[line.length - 1] = '\n';
    return new Encoded(line, hash);
  }

  /**
   * Parses a line (without its LF); the buffer is modified while parsing and restored.
   *
   * @return a {@link Parsed} or a {@link Problem}
   */
  static Object parse(MessageDigest digest, byte[] buf, int length) {
    if (length < SUFFIX_LENGTH + 2) {
      return new Problem(Reason.MALFORMED, "line too short (" + length + " bytes)", true);
    }
    int prefix = length - SUFFIX_LENGTH;
    for (int i = 0; i < HASH_FIELD.length; i++) {
      if (buf[prefix + i] != HASH_FIELD[i]) {
        return new Problem(Reason.MALFORMED, "line does not end with the hash field", true);
      }
    }
    if (buf[length - 2] != '"' || buf[length - 1] != '}') {
      return new Problem(Reason.MALFORMED, "line does not end with the hash field", true);
    }
    String stored = new String(buf, prefix + HASH_FIELD.length, 64, StandardCharsets.ISO_8859_1);
    if (!Hex.isLowerHex(stored, 64)) {
      return new Problem(Reason.MALFORMED, "hash is not 64 lower-case hex digits", true);
    }
    digest.reset();
    digest.update(buf, 0, prefix);
    digest.update((byte) '}');
    String computed = Hex.encode(digest.digest());
    if (!computed.equals(stored)) {
      return new Problem(
          Reason.HASH_MISMATCH, "stored hash " + stored + ", line hashes to " + computed, true);
    }
    JsonNode node;
    byte saved = buf[prefix];
    buf[prefix] = '}';
    try {
      node = CoreJson.mapper().readTree(buf, 0, prefix + 1);
    } catch (RuntimeException e) {
      return new Problem(Reason.MALFORMED, "entry is not a JSON object", false);
    } finally {
      buf[prefix] = saved;
    }
    if (node == null || !node.isObject() || node.size() != 4) {
      return new Problem(Reason.MALFORMED, "entry is not an object of seq, time, prev, record", false);
    }
    JsonNode seq = node.get("seq");
    JsonNode time = node.get("time");
    JsonNode prev = node.get("prev");
    JsonNode record = node.get("record");
    if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1) {
      return new Problem(Reason.MALFORMED, "seq is not a positive integer", false);
    }
    if (prev == null || !prev.isString() || !Hex.isLowerHex(prev.stringValue(), 64)) {
      return new Problem(Reason.MALFORMED, "prev is not 64 lower-case hex digits", false);
    }
    if (record == null || !record.isObject()) {
      return new Problem(Reason.MALFORMED, "record is not a JSON object", false);
    }
    Instant instant = time == null || !time.isString() ? null : instant(time.stringValue());
    if (instant == null) {
      return new Problem(Reason.MALFORMED, "time is not an ISO-8601 instant", false);
    }
    return new Parsed(seq.longValue(), instant, prev.stringValue(), record, stored);
  }

  private static @Nullable Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
