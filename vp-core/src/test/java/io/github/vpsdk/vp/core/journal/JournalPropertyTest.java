package io.github.vpsdk.vp.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded property tests of the journal. Each property runs for {@code -Dvp.seeds=N} seeds (default
 * 30) from a fixed base seed; {@code -Dvp.seed=S} replays the one seed S that a failure message
 * names. The appends use {@link FsyncMode#NONE}: durability against a machine crash is not what
 * these properties test (the forked-JVM crash test and the unit tests use {@link
 * FsyncMode#DURABLE}); what is tested is what {@code open} and {@code verify} make of the bytes.
 */
@Timeout(60)
class JournalPropertyTest {
  private static final long BASE_SEED = 0x5EED_10C0_2026L;

  @TempDir Path tmp;

  private static long[] seeds() {
    String one = System.getProperty("vp.seed");
    if (one != null && !one.isBlank()) {
      return new long[] {Long.decode(one.strip())};
    }
    int n = Integer.getInteger("vp.seeds", 30);
    SplittableRandom base = new SplittableRandom(BASE_SEED);
    return LongStream.range(0, n).map(i -> base.nextLong()).toArray();
  }

  private static JournalConfig config(Path dir, SplittableRandom rnd) {
    return JournalConfig.create(b -> b.directory(dir)
        .fsyncMode(FsyncMode.NONE)
        .segmentSizeLimit(4096 + rnd.nextInt(4096))
        .clock(new TestClock(Instant.parse("2026-11-23T00:00:00Z"))));
  }

  /**
   * Any sequence of appends and crashes (the last segment cut at a random byte after what was
   * acknowledged; later segments lost or left empty): reopening yields a prefix of what was
   * appended that holds every acknowledged append, and the journal verifies.
   */
  @Test
  void appendsAndCrashesLeaveAPrefixHoldingEveryAcknowledgedAppend() throws IOException {
    for (long seed : seeds()) {
      String s = "seed=" + seed;
      SplittableRandom rnd = new SplittableRandom(seed);
      Path dir = Files.createTempDirectory(tmp, "crash");
      List<JournalRecord> appended = new ArrayList<>();
      int acknowledged = 0;
      int rounds = rnd.nextInt(1, 6);
      int counter = 0;
      for (int round = 0; round <= rounds; round++) {
        long boundary;
        try (Journal j = Journal.open(config(dir, rnd))) {
          List<JournalRecord> got = JournalFiles.readAll(j).stream()
              .map(JournalEntry::record).collect(Collectors.toList());
          assertThat(got.size()).as(s + " round " + round).isBetween(acknowledged, appended.size());
          assertThat(got).as(s + " round " + round).isEqualTo(appended.subList(0, got.size()));
          assertThat(j.lastSequence()).as(s).isEqualTo(got.size());
          appended = new ArrayList<>(got);
          if (round == rounds) {
            break;
          }
          int a = rnd.nextInt(0, 40);
          for (int i = 0; i < a; i++) {
            JournalRecord r = JournalFiles.randomRecord(rnd, counter++);
            j.appendAndWait(r);
            appended.add(r);
          }
          acknowledged = appended.size();
          boundary = totalSize(dir);
          // appends in flight at the crash: written, but their callers never heard back
          int b = rnd.nextInt(0, 40);
          List<CompletableFuture<JournalEntry>> inFlight = new ArrayList<>();
          for (int i = 0; i < b; i++) {
            JournalRecord r = JournalFiles.randomRecord(rnd, counter++);
            inFlight.add(j.append(r));
            appended.add(r);
          }
          inFlight.forEach(CompletableFuture::join);
        }
        long end = totalSize(dir);
        crash(dir, boundary + rnd.nextLong(end - boundary + 1), rnd);
      }
      VerificationResult r = JournalVerifier.verify(dir);
      assertThat(r.ok()).as(s + " " + r.failure()).isTrue();
      assertThat(r.lastSequence()).as(s).isGreaterThanOrEqualTo(acknowledged);
    }
  }

  /** Any single-byte change in any segment: verify fails and names the changed line. */
  @Test
  void anySingleByteChangeIsDetectedAtThatRecord() throws IOException {
    JournalSigningKey key = JournalSigningKey.fromPrivateKeyBytes(new byte[32]);
    for (long seed : seeds()) {
      String s = "seed=" + seed;
      SplittableRandom rnd = new SplittableRandom(seed);
      Path dir = Files.createTempDirectory(tmp, "flip");
      int n = rnd.nextInt(1, 80);
      JournalConfig c = config(dir, rnd).toBuilder()
          .checkpointKey(rnd.nextBoolean() ? key : null).checkpointEveryEntries(7).build();
      try (Journal j = Journal.open(c)) {
        for (int i = 0; i < n; i++) {
          j.appendAndWait(JournalFiles.randomRecord(rnd, i));
        }
      }
      List<Path> segments = JournalFiles.segments(dir);
      assertThat(JournalVerifier.verify(dir, key.publicKey()).ok()).as(s).isTrue();
      for (int flip = 0; flip < 25; flip++) {
        int si = rnd.nextInt(segments.size());
        Path seg = segments.get(si);
        byte[] original = Files.readAllBytes(seg);
        if (original.length == 0) {
          continue;
        }
        int at = rnd.nextInt(original.length);
        byte[] changed = original.clone();
        changed[at] = (byte) (original[at] ^ (1 + rnd.nextInt(255)));
        List<Long> starts = JournalFiles.lineStarts(original);
        int line = 0;
        while (line + 1 < starts.size() && starts.get(line + 1) <= at) {
          line++;
        }
        long firstSeq = Long.parseLong(seg.getFileName().toString().substring(8, 28));
        String what = s + " flip " + flip + ": byte " + at + " of " + seg.getFileName();
        Files.write(seg, changed);
        try {
          VerificationResult r = JournalVerifier.verify(dir, key.publicKey());
          assertThat(r.ok()).as(what).isFalse();
          assertThat(r.failure().segment()).as(what).isEqualTo(seg);
          assertThat(r.failure().offset()).as(what).isEqualTo(starts.get(line));
          assertThat(r.failure().sequence()).as(what).isEqualTo(firstSeq + line);
          assertThat(r.lastSequence()).as(what).isEqualTo(firstSeq + line - 1);
        } finally {
          Files.write(seg, original);
        }
      }
    }
  }

  private static long totalSize(Path dir) throws IOException {
    long total = 0;
    for (Path p : JournalFiles.segments(dir)) {
      total += Files.size(p);
    }
    return total;
  }

  /** Cuts the concatenated segments at a byte: a torn write, lost or empty later segments. */
  private static void crash(Path dir, long cut, SplittableRandom rnd) throws IOException {
    long start = 0;
    boolean keptEmpty = false;
    for (Path p : JournalFiles.segments(dir)) {
      long size = Files.size(p);
      if (start + size <= cut) {
        start += size;
        continue;
      }
      if (start < cut) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
          ch.truncate(cut - start);
        }
      } else if (start == cut && !keptEmpty && rnd.nextBoolean()) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
          ch.truncate(0);
        }
        keptEmpty = true;
      } else {
        Files.delete(p);
        keptEmpty = true;
      }
      start += size;
    }
  }
}
