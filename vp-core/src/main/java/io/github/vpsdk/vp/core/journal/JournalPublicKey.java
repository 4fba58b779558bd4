package io.github.vpsdk.vp.core.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.journal.Hex;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The Ed25519 public key that checks a journal's checkpoints: what an auditor holds. It is not
 * secret; it can be printed and exported as hex or Base64.
 */
public final class JournalPublicKey {
  private final byte[] key;

  private JournalPublicKey(byte[] key) {
    this.key = key;
  }

  /**
   * A public key from its 32 raw bytes (RFC 8032 encoding).
   *
   * @param bytes the key
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if it is not 32 bytes
   */
  public static JournalPublicKey fromBytes(byte[] bytes) {
    if (bytes.length != 32) {
      throw new VpException(
          VpException.Reason.INVALID_ARGUMENT, "an Ed25519 public key is 32 bytes, not " + bytes.length);
    }
    return new JournalPublicKey(bytes.clone());
  }

  /**
   * Parses a public key written as 64 hex digits or as Base64 of the 32 bytes.
   *
   * @param text the text
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if it is neither
   */
  public static JournalPublicKey parse(String text) {
    String t = text.strip();
    byte[] bytes = t.length() == 64 ? Hex.decode(t) : null;
    if (bytes == null) {
      try {
        bytes = Base64.getDecoder().decode(t);
      } catch (IllegalArgumentException e) {
        throw new VpException(
            VpException.Reason.INVALID_ARGUMENT, "not an Ed25519 public key in hex or Base64");
      }
    }
    return fromBytes(bytes);
  }

  /**
   * The 32 raw bytes.
   *
   * @return a copy
   */
  public byte[] toBytes() {
    return key.clone();
  }

  /**
   * The key as 64 lower-case hex digits.
   *
   * @return the hex text
   */
  public String toHex() {
    return Hex.encode(key);
  }

  /**
   * The key as Base64 (RFC 4648, with padding).
   *
   * @return the Base64 text
   */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  /**
   * A short identifier written in checkpoints: the first 16 hex digits of the key's SHA-256.
   *
   * @return the identifier
   */
  public String keyId() {
    return Hex.keyId(key);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof JournalPublicKey && Arrays.equals(key, ((JournalPublicKey) o).key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "JournalPublicKey[" + toHex() + "]";
  }
}
