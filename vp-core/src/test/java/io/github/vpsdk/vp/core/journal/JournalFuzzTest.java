package io.github.vpsdk.vp.core.journal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.core.VpException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

class JournalFuzzTest {
  /**
   * Any bytes as a segment file: verify returns a result and never throws; open either opens (and
   * then everything it reads verifies) or refuses with an INTEGRITY {@link VpException}.
   */
  @FuzzTest(maxDuration = "30s")
  void arbitrarySegmentBytes(byte[] data) throws IOException {
    Path dir = Files.createTempDirectory("vp-journal-fuzz");
    try {
      Files.write(dir.resolve("journal-00000000000000000001.jsonl"), data);
      VerificationResult before = JournalVerifier.verify(dir);
      Journal journal;
      try {
        journal = Journal.open(JournalConfig.create(b -> b.directory(dir).fsyncMode(FsyncMode.NONE)));
      } catch (VpException e) {
        if (e.reason() != VpException.Reason.INTEGRITY || before.ok()
            || before.failure().reason() == VerificationResult.Reason.TORN_TAIL) {
          throw e;
        }
        return;
      }
      try (journal) {
        List<JournalEntry> entries = JournalFiles.readAll(journal);
        if (entries.size() != before.lastSequence()) {
          throw new AssertionError("read " + entries.size() + " entries, verify found " + before.lastSequence());
        }
        journal.appendAndWait(JournalRecord.comment(null, "fuzz", "after"));
      }
      VerificationResult after = JournalVerifier.verify(dir);
      if (!after.ok()) {
        throw new AssertionError("journal does not verify after open and append: " + after.failure());
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.delete(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
  }
}
