package io.github.vpsdk.vp.protocols.internal.dc09;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.DefaultBufferedBlockCipher;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** AES-CBC with a zero IV and no padding, as DC-09 uses it (Bouncy Castle's lightweight API). */
public final class Dc09Crypto {
  private static final byte[] ZERO_IV = new byte[16];

  private Dc09Crypto() {}

  /**
   * Encrypts whole blocks.
   *
   * @param key the AES key bytes
   * @param plain the plaintext, a multiple of 16 bytes
   * @return the ciphertext
   */
  public static byte[] encrypt(byte[] key, byte[] plain) {
    return run(true, key, plain);
  }

  /**
   * Decrypts whole blocks.
   *
   * @param key the AES key bytes
   * @param cipher the ciphertext, a multiple of 16 bytes
   * @return the plaintext
   */
  public static byte[] decrypt(byte[] key, byte[] cipher) {
    return run(false, key, cipher);
  }

  private static byte[] run(boolean encrypt, byte[] key, byte[] input) {
    if (input.length % 16 != 0) {
      throw new IllegalArgumentException("not a whole number of AES blocks");
    }
    BufferedBlockCipher cipher = new DefaultBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()));
    cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), ZERO_IV));
    byte[] out = new byte[input.length];
    int n = cipher.processBytes(input, 0, input.length, out, 0);
    try {
      cipher.doFinal(out, n);
    } catch (InvalidCipherTextException | DataLengthException e) {
      throw new IllegalArgumentException("AES failed", e);
    }
    return out;
  }
}
