package io.github.vpsdk.vp.protocols.oh;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.protocols.internal.oh.OhCipher;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The 3DES session key of one Osborne-Hoffman connection: 24 bytes, chosen by the receiver at
 * random for every connection and sent to the panel, before anything else, XORed with a fixed
 * 24-byte mask ({@link #scrambled()}). The mask is public knowledge, so the overlay hides traffic
 * from a passive observer who misses the first packet, and no more; vp documents it as such.
 *
 * <p>{@link #toString()} never shows the key, nor does any message of vp.
 */
public final class OhKey {
  /** Bytes of a key, and of the handshake that carries it. */
  public static final int LENGTH = 24;

  /**
   * The fixed XOR mask of the handshake (python-osbornehoffman {@code _KEY_XOR_MASK}, the same
   * bytes in its server and its test clients).
   */
  private static final byte[] MASK = {
    0x55, 0x2D, 0x6A, 0x05, 0x23, 0x49, 0x39, (byte) 0xA8,
    0x45, 0x29, (byte) 0xD3, (byte) 0xE9, (byte) 0x94, (byte) 0xC2, (byte) 0xB5, (byte) 0x88,
    0x45, (byte) 0xA3, 0x50, (byte) 0x8A, 0x44, (byte) 0xAA, 0x69, 0x54,
  };

  private final byte[] bytes;

  private OhKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * A fresh key for a new connection: random bytes with odd DES parity, never one that makes
   * 3DES collapse to single DES.
   *
   * @param random the source of randomness
   * @return the key
   */
  public static OhKey random(SecureRandom random) {
    byte[] k = new byte[LENGTH];
    do {
      random.nextBytes(k);
      for (int i = 0; i < k.length; i++) {
        k[i] = oddParity(k[i]);
      }
    } while (OhCipher.isWeak(k));
    return new OhKey(k);
  }

  /**
   * A key given as its bytes (test vectors, a replayed capture).
   *
   * @param key 24 bytes
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if not 24 bytes
   */
  public static OhKey of(byte[] key) {
    if (key.length != LENGTH) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "an OH key has 24 bytes, not " + key.length);
    }
    return new OhKey(key.clone());
  }

  /**
   * The key a panel reads from the receiver's handshake.
   *
   * @param handshake the first 24 bytes the receiver sent
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if not 24 bytes
   */
  public static OhKey fromHandshake(byte[] handshake) {
    if (handshake.length != LENGTH) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "an OH handshake has 24 bytes, not " + handshake.length);
    }
    return new OhKey(xor(handshake));
  }

  /**
   * The handshake the receiver sends: the key XORed with the fixed mask.
   *
   * @return 24 new bytes
   */
  public byte[] scrambled() {
    return xor(bytes);
  }

  /**
   * The key bytes.
   *
   * @return 24 new bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }

  private static byte[] xor(byte[] in) {
    byte[] out = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      out[i] = (byte) (in[i] ^ MASK[i]);
    }
    return out;
  }

  private static byte oddParity(byte b) {
    int high = b & 0xFE;
    return (byte) (Integer.bitCount(high) % 2 == 0 ? high | 1 : high);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OhKey && Arrays.equals(bytes, ((OhKey) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "OhKey[24 bytes]";
  }
}
