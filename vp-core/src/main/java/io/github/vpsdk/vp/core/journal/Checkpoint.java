package io.github.vpsdk.vp.core.journal;

import java.util.Objects;

/**
 * A signed checkpoint written in the journal: an Ed25519 signature over the sequence number and
 * hash of the entry just before it, so that a holder of the public key can tell the chain up to
 * there was not rewritten.
 *
 * @param entry the checkpoint entry itself (kind {@value JournalRecord#CHECKPOINT})
 * @param coveredSequence the sequence number of the entry it signs (0 for an empty journal)
 * @param coveredHash the hash of that entry
 * @param keyId the identifier of the signing key ({@link JournalPublicKey#keyId()})
 * @param signature the Ed25519 signature, 128 lower-case hex digits
 */
public record Checkpoint(
    JournalEntry entry, long coveredSequence, String coveredHash, String keyId, String signature) {

  /** Checks the components. */
  public Checkpoint {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(coveredHash, "coveredHash");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(signature, "signature");
  }
}
