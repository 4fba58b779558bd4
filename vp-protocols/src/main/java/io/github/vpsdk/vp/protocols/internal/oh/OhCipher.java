package io.github.vpsdk.vp.protocols.internal.oh;

import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Triple DES (EDE, three keys) in ECB mode, block by block, as the Osborne-Hoffman overlay uses
 * it (Bouncy Castle's lightweight engine). One instance per session; not thread-safe.
 */
public final class OhCipher {
  /** The DES block size. */
  public static final int BLOCK = 8;

  private final DESedeEngine encryptor = new DESedeEngine();
  private final DESedeEngine decryptor = new DESedeEngine();

  /**
   * Creates the cipher of a session.
   *
   * @param key the 24 key bytes (parity bits are ignored)
   */
  public OhCipher(byte[] key) {
    if (key.length != 24) {
      throw new IllegalArgumentException("a 3DES key has 24 bytes");
    }
    KeyParameter parameter = new KeyParameter(key.clone());
    encryptor.init(true, parameter);
    decryptor.init(false, parameter);
  }

  /**
   * Pads with zero bytes to whole blocks (none when already whole) and encrypts.
   *
   * @param plain the plaintext
   * @return the ciphertext
   */
  public byte[] encryptPadded(byte[] plain) {
    int length = (plain.length + BLOCK - 1) / BLOCK * BLOCK;
    byte[] out = new byte[Math.max(length, BLOCK)];
    System.arraycopy(plain, 0, out, 0, plain.length);
    for (int i = 0; i < out.length; i += BLOCK) {
      encryptor.processBlock(out, i, out, i);
    }
    return out;
  }

  /**
   * Decrypts one block.
   *
   * @param in the ciphertext
   * @param offset where the block starts
   * @param out where the plaintext goes
   * @param outOffset where in {@code out}
   */
  public void decryptBlock(byte[] in, int offset, byte[] out, int outOffset) {
    decryptor.processBlock(in, offset, out, outOffset);
  }

  /**
   * Whether a key would make 3DES collapse to single DES (first two or last two thirds equal,
   * ignoring parity bits). A receiver never hands such a key out.
   *
   * @param key 24 bytes
   * @return {@code true} if weak
   */
  public static boolean isWeak(byte[] key) {
    return sameThirds(key);
  }

  private static boolean sameThirds(byte[] key) {
    boolean k1k2 = true;
    boolean k2k3 = true;
    for (int i = 0; i < 8; i++) {
      k1k2 &= (key[i] & 0xFE) == (key[i + 8] & 0xFE);
      k2k3 &= (key[i + 8] & 0xFE) == (key[i + 16] & 0xFE);
    }
    return k1k2 || k2k3;
  }
}
