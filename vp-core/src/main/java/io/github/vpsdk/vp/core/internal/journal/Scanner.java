package io.github.vpsdk.vp.core.internal.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalPublicKey;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.VerificationResult;
import io.github.vpsdk.vp.core.journal.VerificationResult.Failure;
import io.github.vpsdk.vp.core.journal.VerificationResult.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads every segment of a journal and checks each line; never modifies a file. */
public final class Scanner {
  /** Attribute of a checkpoint: the sequence number it covers. */
  public static final String CP_SEQUENCE = "covers.sequence";
  /** Attribute of a checkpoint: the hash it covers. */
  public static final String CP_HASH = "covers.hash";
  /** Attribute of a checkpoint: the signature algorithm, {@code Ed25519}. */
  public static final String CP_ALGORITHM = "algorithm";
  /** Attribute of a checkpoint: the signing key's identifier. */
  public static final String CP_KEY_ID = "key.id";
  /** Attribute of a checkpoint: the signature in hex. */
  public static final String CP_SIGNATURE = "signature";

  private Scanner() {}

  /**
   * What a scan found, with what {@code open} needs to continue the journal.
   *
   * @param result the verification result
   * @param segments the segment files found
   * @param lastCheckpointTime the time of the last checkpoint entry, or {@code null}
   */
  public record Outcome(
      VerificationResult result, List<Segments.Segment> segments, @Nullable Instant lastCheckpointTime) {}

  /**
   * Scans a journal directory.
   *
   * @param dir the directory
   * @param key the public key checking checkpoints, or {@code null} to check only their form
   * @return the outcome
   * @throws VpException {@code IO} if the directory or a file cannot be read
   */
  public static Outcome scan(Path dir, @Nullable JournalPublicKey key) {
    List<Segments.Segment> segments;
    try {
      segments = Segments.list(dir);
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, "cannot list journal directory " + dir, e);
    }
    MessageDigest digest = Hex.sha256();
    long expected = 1;
    String prevHash = JournalEntry.GENESIS_HASH;
    long entries = 0;
    long checkpoints = 0;
    long lastCheckpoint = 0;
    Instant lastCheckpointTime = null;
    Failure failure = null;
    outer:
    for (int i = 0; i < segments.size(); i++) {
      Segments.Segment segment = segments.get(i);
      boolean lastSegment = i == segments.size() - 1;
      if (segment.firstSequence() != expected) {
        failure = new Failure(segment.path(), 0, expected, Reason.SEQUENCE_GAP,
            "segment file name announces first sequence " + segment.firstSequence()
                + ", expected " + expected);
        break;
      }
      try (LineReader reader =
          new LineReader(Files.newInputStream(segment.path()), Segments.MAX_LINE)) {
        long offset = 0;
        while (reader.next()) {
          long start = offset;
          offset += reader.rawLength;
          LineCodec.Problem problem;
          Object parsedOrProblem = null;
          if (reader.oversized) {
            problem = new LineCodec.Problem(Reason.MALFORMED,
                "line longer than " + Segments.MAX_LINE + " bytes", true);
          } else if (!reader.hasLf) {
            problem = new LineCodec.Problem(Reason.MALFORMED, "line has no final newline", true);
          } else {
            parsedOrProblem = LineCodec.parse(digest, reader.line, reader.length);
            problem = parsedOrProblem instanceof LineCodec.Problem
                ? (LineCodec.Problem) parsedOrProblem : null;
          }
          if (problem == null) {
            LineCodec.Parsed parsed = (LineCodec.Parsed) parsedOrProblem;
            problem = check(parsed, expected, prevHash, key);
            if (problem == null && isCheckpoint(parsed)) {
              lastCheckpoint = parsed.sequence();
              lastCheckpointTime = parsed.time();
              if (key != null) {
                checkpoints++;
              }
            }
            if (problem == null) {
              entries++;
              expected++;
              prevHash = parsed.hash();
              continue;
            }
          }
          boolean torn = lastSegment && problem.beforeHash() && reader.atEnd();
          failure = new Failure(segment.path(), start, expected,
              torn ? Reason.TORN_TAIL : problem.reason(),
              torn ? "incomplete last line (" + problem.detail() + ")" : problem.detail());
          break outer;
        }
      } catch (IOException e) {
        throw new VpException(VpException.Reason.IO, "cannot read " + segment.path(), e);
      }
    }
    VerificationResult result = new VerificationResult(
        entries, checkpoints, lastCheckpoint, expected - 1, prevHash, failure);
    return new Outcome(result, segments, lastCheckpointTime);
  }

  private static boolean isCheckpoint(LineCodec.Parsed parsed) {
    tools.jackson.databind.JsonNode kind = parsed.record().get("kind");
    return kind != null && kind.isString() && JournalRecord.CHECKPOINT.equals(kind.stringValue());
  }

  private static LineCodec.@Nullable Problem check(
      LineCodec.Parsed parsed, long expected, String prevHash, @Nullable JournalPublicKey key) {
    if (parsed.sequence() != expected) {
      return new LineCodec.Problem(Reason.SEQUENCE_GAP,
          "sequence " + parsed.sequence() + " where " + expected + " was expected", false);
    }
    if (!parsed.previousHash().equals(prevHash)) {
      return new LineCodec.Problem(Reason.CHAIN_BROKEN,
          "previous hash " + parsed.previousHash() + " is not the previous entry's hash " + prevHash,
          false);
    }
    JournalRecord record;
    try {
      record = Segments.record(parsed);
    } catch (VpException e) {
      return new LineCodec.Problem(Reason.MALFORMED, e.getMessage(), false);
    }
    if (!JournalRecord.CHECKPOINT.equals(record.kind())) {
      return null;
    }
    Map<String, String> a = record.attributes();
    String signature = a.getOrDefault(CP_SIGNATURE, "");
    if (!String.valueOf(parsed.sequence() - 1).equals(a.get(CP_SEQUENCE))
        || !prevHash.equals(a.get(CP_HASH))
        || !"Ed25519".equals(a.get(CP_ALGORITHM))
        || !Hex.isLowerHex(a.getOrDefault(CP_KEY_ID, ""), 16)
        || !Hex.isLowerHex(signature, 128)) {
      return new LineCodec.Problem(Reason.MALFORMED,
          "checkpoint does not cover the entry before it or lacks its signature", false);
    }
    if (key == null) {
      return null;
    }
    if (!key.keyId().equals(a.get(CP_KEY_ID))) {
      return new LineCodec.Problem(Reason.BAD_SIGNATURE,
          "checkpoint signed by key " + a.get(CP_KEY_ID) + ", not by " + key.keyId(), false);
    }
    byte[] sig = Hex.decode(signature);
    if (sig == null
        || !Ed25519.verify(key.toBytes(), Hex.checkpointMessage(parsed.sequence() - 1, prevHash), sig)) {
      return new LineCodec.Problem(Reason.BAD_SIGNATURE, "checkpoint signature does not verify", false);
    }
    return null;
  }
}
