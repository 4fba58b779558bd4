package io.github.vpsdk.vp.core.journal;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link JournalVerifier} found: either every entry checked out, or the first bad record.
 *
 * @param entriesChecked entries whose hash, sequence and chain link were checked and found good
 * @param checkpointsChecked checkpoint signatures checked and found good (0 without a public key)
 * @param lastCheckpointSequence the sequence number of the last good checkpoint entry, 0 if none
 * @param lastSequence the sequence number of the last good entry, 0 if none
 * @param lastHash the hash of the last good entry (64 zeros if none)
 * @param failure the first bad record, or {@code null} if the journal verified
 */
public record VerificationResult(
    long entriesChecked,
    long checkpointsChecked,
    long lastCheckpointSequence,
    long lastSequence,
    String lastHash,
    @Nullable Failure failure) {

  /** Checks the components. */
  public VerificationResult {
    Objects.requireNonNull(lastHash, "lastHash");
  }

  /**
   * Whether the journal verified.
   *
   * @return {@code true} if no bad record was found
   */
  public boolean ok() {
    return failure == null;
  }

  /** Why a record is bad. */
  public enum Reason {
    /** The stored hash is not the SHA-256 of the line. */
    HASH_MISMATCH,
    /** The line's previous hash is not the hash of the entry before it. */
    CHAIN_BROKEN,
    /** The sequence number is not the one after the previous entry's (a gap, a reorder). */
    SEQUENCE_GAP,
    /** The line or segment file is not in the journal's format. */
    MALFORMED,
    /** A checkpoint's signature does not verify with the public key, or was made by another key. */
    BAD_SIGNATURE,
    /**
     * The last line of the last segment is incomplete (no final newline, or its hash does not
     * match): the trace of a crash during a write. {@link Journal#open} removes it.
     */
    TORN_TAIL
  }

  /**
   * The first bad record.
   *
   * @param segment the segment file holding it
   * @param offset the byte offset in that file where its line starts
   * @param sequence the sequence number the record should have had
   * @param reason why it is bad
   * @param detail a description for people
   */
  public record Failure(Path segment, long offset, long sequence, Reason reason, String detail) {
    /** Checks the components. */
    public Failure {
      Objects.requireNonNull(segment, "segment");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /**
     * A one-line description: reason, sequence, file, offset and detail.
     *
     * @return the description
     */
    public String describe() {
      return reason + " at sequence " + sequence + " (" + segment.getFileName() + " offset " + offset
          + "): " + detail;
    }
  }
}
