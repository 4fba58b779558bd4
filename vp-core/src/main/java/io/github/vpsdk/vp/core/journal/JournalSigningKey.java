package io.github.vpsdk.vp.core.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.journal.Ed25519;

/**
 * The Ed25519 private key with which a journal signs its checkpoints. It never prints itself:
 * {@link #toString()} shows only the key identifier. Keep it out of the journal's directory.
 */
public final class JournalSigningKey {
  private final byte[] privateKey;
  private final JournalPublicKey publicKey;

  private JournalSigningKey(byte[] privateKey) {
    this.privateKey = privateKey;
    this.publicKey = JournalPublicKey.fromBytes(Ed25519.publicKey(privateKey));
  }

  /**
   * A new random key (from {@code SecureRandom}).
   *
   * @return the key
   */
  public static JournalSigningKey generate() {
    return new JournalSigningKey(Ed25519.generatePrivateKey());
  }

  /**
   * A key from its 32 raw private bytes (the RFC 8032 seed).
   *
   * @param privateKey the bytes; copied
   * @return the key
   * @throws VpException {@code INVALID_ARGUMENT} if it is not 32 bytes
   */
  public static JournalSigningKey fromPrivateKeyBytes(byte[] privateKey) {
    if (privateKey.length != Ed25519.KEY_LENGTH) {
      throw new VpException(
          VpException.Reason.INVALID_ARGUMENT,
          "an Ed25519 private key is 32 bytes, not " + privateKey.length);
    }
    return new JournalSigningKey(privateKey.clone());
  }

  /**
   * The 32 raw private bytes, to store the key somewhere safe.
   *
   * @return a copy
   */
  public byte[] toPrivateKeyBytes() {
    return privateKey.clone();
  }

  /**
   * The public key that checks this key's signatures.
   *
   * @return the public key
   */
  public JournalPublicKey publicKey() {
    return publicKey;
  }

  /** Signs a message; package-private so that only the journal signs with the key. */
  byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  /** Shows the key identifier only, never the key. */
  @Override
  public String toString() {
    return "JournalSigningKey[keyId=" + publicKey.keyId() + ", private key redacted]";
  }
}
