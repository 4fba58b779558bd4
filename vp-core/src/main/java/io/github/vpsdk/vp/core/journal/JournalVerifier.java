package io.github.vpsdk.vp.core.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.journal.Scanner;
import java.nio.file.Path;

/**
 * Checks a journal directory without modifying it: every line's hash, every sequence number,
 * every chain link, and with a public key every checkpoint signature. Stops at the first bad
 * record and names it. Can run while a {@link Journal} appends to the directory (it may then
 * report the line being written as {@link VerificationResult.Reason#TORN_TAIL}).
 *
 * <p>What it does not detect: removal of entries at the end (the rest is still a valid chain; keep
 * the last sequence number and hash somewhere else to detect it), and, without a public key or
 * after the last checkpoint, a chain rewritten from scratch by someone who can write the files.
 * See {@code docs/journal.md}.
 */
public final class JournalVerifier {
  private JournalVerifier() {}

  /**
   * Verifies hashes, sequence numbers and chain links; checkpoints are checked for form only.
   *
   * @param directory the journal directory
   * @return the result
   * @throws VpException {@code IO} if the directory or a file cannot be read
   */
  public static VerificationResult verify(Path directory) {
    return Scanner.scan(directory, null).result();
  }

  /**
   * Verifies hashes, sequence numbers, chain links and checkpoint signatures.
   *
   * @param directory the journal directory
   * @param publicKey the key checkpoints must be signed with
   * @return the result; {@link VerificationResult#checkpointsChecked()} says how many signatures
   *     were checked
   * @throws VpException {@code IO} if the directory or a file cannot be read
   */
  public static VerificationResult verify(Path directory, JournalPublicKey publicKey) {
    return Scanner.scan(directory, publicKey).result();
  }
}
