package io.github.vpsdk.vp.core.internal.journal;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Ed25519 (RFC 8032) with the Bouncy Castle lightweight API, on raw 32-byte keys. */
public final class Ed25519 {
  /** Length of a private or public key in bytes. */
  public static final int KEY_LENGTH = 32;
  /** Length of a signature in bytes. */
  public static final int SIGNATURE_LENGTH = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ed25519() {}

  /**
   * A new random private key.
   *
   * @return 32 bytes
   */
  public static byte[] generatePrivateKey() {
    return new Ed25519PrivateKeyParameters(RANDOM).getEncoded();
  }

  /**
   * The public key of a private key.
   *
   * @param privateKey 32 bytes
   * @return 32 bytes
   */
  public static byte[] publicKey(byte[] privateKey) {
    return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
  }

  /**
   * Signs a message.
   *
   * @param privateKey 32 bytes
   * @param message the message
   * @return the 64-byte signature
   */
  public static byte[] sign(byte[] privateKey, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Checks a signature; never throws on bad input.
   *
   * @param publicKey 32 bytes
   * @param message the message
   * @param signature the signature
   * @return whether it is valid
   */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      verifier.update(message, 0, message.length);
      return verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
