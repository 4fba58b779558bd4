package io.github.vpsdk.vp.core.internal.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/** Lower-case hex and SHA-256 helpers. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /**
   * Lower-case hex of bytes.
   *
   * @param bytes the bytes
   * @return the hex text
   */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * Decodes hex (either case).
   *
   * @param text the text
   * @return the bytes, or {@code null} if it is not hex of even length
   */
  public static byte @Nullable [] decode(String text) {
    if (text.length() % 2 != 0) {
      return null;
    }
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /**
   * Whether the text is exactly {@code length} lower-case hex digits.
   *
   * @param text the text
   * @param length the number of digits
   * @return whether it is
   */
  public static boolean isLowerHex(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A new SHA-256 digest.
   *
   * @return the digest
   */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * The key identifier of a public key: the first 16 hex digits of its SHA-256.
   *
   * @param publicKey the raw key
   * @return the identifier
   */
  public static String keyId(byte[] publicKey) {
    return encode(sha256().digest(publicKey)).substring(0, 16);
  }

  /**
   * The bytes a checkpoint signs: {@code vp.journal.checkpoint.v1:<seq>:<hash>} in UTF-8.
   *
   * @param coveredSequence the sequence number covered
   * @param coveredHash the hash covered
   * @return the message
   */
  public static byte[] checkpointMessage(long coveredSequence, String coveredHash) {
    return ("vp.journal.checkpoint.v1:" + coveredSequence + ":" + coveredHash)
        .getBytes(StandardCharsets.UTF_8);
  }
}
