package io.github.vpsdk.vp.core.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the journal: a record with its place in the hash chain.
 *
 * @param sequence the sequence number, from 1, without gaps
 * @param recordedAt when the journal wrote the entry (read from the journal's clock)
 * @param record what happened
 * @param previousHash the hash of the previous entry, 64 lower-case hex digits (64 zeros for the
 *     first entry)
 * @param hash the SHA-256 of this entry's line, 64 lower-case hex digits (see {@code
 *     docs/journal.md})
 */
public record JournalEntry(
    long sequence, Instant recordedAt, JournalRecord record, String previousHash, String hash) {

  /** The previous hash of the first entry: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** Checks the components. */
  public JournalEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be at least 1: " + sequence);
    }
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
