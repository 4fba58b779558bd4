package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.VpException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An AES key of a DC-09 account: 16, 24 or 32 bytes (AES-128, -192, -256). Panels and their
 * set-up tools give keys in two forms, and both are accepted:
 *
 * <ul>
 *   <li>{@link #fromHex}: 32, 48 or 64 hexadecimal digits, the bytes written in hex;
 *   <li>{@link #fromAscii}: 16, 24 or 32 characters typed in a panel's app, used as the key
 *       bytes as they are (Ajax, and receivers that follow it).
 * </ul>
 *
 * <p>{@link #toString()} never shows the key, nor does any message of vp.
 */
public final class Dc09Key {
  private final byte[] bytes;
  private final String form;

  private Dc09Key(byte[] bytes, String form) {
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new VpException(
          VpException.Reason.INVALID_ARGUMENT,
          "an AES key has 16, 24 or 32 bytes (" + form + " gave " + bytes.length + ")");
    }
    this.bytes = bytes;
    this.form = form;
  }

  /**
   * A key written as hexadecimal digits.
   *
   * @param hex 32, 48 or 64 hexadecimal digits
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if the text is not such a key
   */
  public static Dc09Key fromHex(String hex) {
    String h = hex.trim();
    if (h.length() % 2 != 0 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "a hex key has an even number of hexadecimal digits");
    }
    return new Dc09Key(HexFormat.of().parseHex(h), "hex");
  }

  /**
   * A key typed as characters, used as bytes as they are.
   *
   * @param chars 16, 24 or 32 ASCII characters
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if the text is not such a key
   */
  public static Dc09Key fromAscii(String chars) {
    if (!chars.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "an ASCII key has printable ASCII characters only");
    }
    return new Dc09Key(chars.getBytes(StandardCharsets.US_ASCII), "ASCII");
  }

  /**
   * A key from its raw bytes.
   *
   * @param bytes 16, 24 or 32 bytes (copied)
   * @return the key
   */
  public static Dc09Key fromBytes(byte[] bytes) {
    return new Dc09Key(bytes.clone(), "bytes");
  }

  /**
   * Parses the command-line form {@code hex:HEX} or {@code ascii:CHARS}.
   *
   * @param spec the key with its form
   * @return the key
   */
  public static Dc09Key parse(String spec) {
    if (spec.startsWith("hex:")) {
      return fromHex(spec.substring(4));
    }
    if (spec.startsWith("ascii:")) {
      return fromAscii(spec.substring(6));
    }
    throw new VpException(VpException.Reason.INVALID_ARGUMENT, "a key is written hex:HEX or ascii:CHARS");
  }

  /**
   * The key bits.
   *
   * @return 128, 192 or 256
   */
  public int bits() {
    return bytes.length * 8;
  }

  /**
   * A copy of the key bytes, for the codec. Never log them.
   *
   * @return the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dc09Key && MessageDigest.isEqual(bytes, ((Dc09Key) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Names the key size and form, never the key. */
  @Override
  public String toString() {
    return "Dc09Key[AES-" + bits() + ", " + form + ", redacted]";
  }
}
