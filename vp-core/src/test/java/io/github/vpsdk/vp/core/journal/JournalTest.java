package io.github.vpsdk.vp.core.journal;

import static io.github.vpsdk.vp.core.journal.JournalFiles.readAll;
import static io.github.vpsdk.vp.core.journal.JournalFiles.record;
import static io.github.vpsdk.vp.core.journal.JournalFiles.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.journal.VerificationResult.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class JournalTest {
  private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

  @TempDir Path dir;

  private JournalConfig config(FsyncMode mode) {
    return JournalConfig.create(b -> b.directory(dir).fsyncMode(mode).clock(new TestClock(T0)));
  }

  private void writeEntries(int n) {
    try (Journal j = Journal.open(config(FsyncMode.NONE))) {
      for (int i = 1; i <= n; i++) {
        j.appendAndWait(record(i));
      }
    }
  }

  @Test
  void appendReadAndReopen() {
    TestClock clock = new TestClock(T0);
    List<JournalEntry> written = new ArrayList<>();
    try (Journal j = Journal.open(JournalConfig.create(b -> b.directory(dir).clock(clock)))) {
      assertThat(j.lastSequence()).isZero();
      for (int i = 1; i <= 10; i++) {
        written.add(j.appendAndWait(record(i)));
        clock.advance(Duration.ofSeconds(1));
      }
      assertThat(j.lastSequence()).isEqualTo(10);
      assertThat(readAll(j)).containsExactlyElementsOf(written);
    }
    assertThat(written.get(0).previousHash()).isEqualTo(JournalEntry.GENESIS_HASH);
    assertThat(written.get(0).recordedAt()).isEqualTo(T0);
    assertThat(written.get(9).recordedAt()).isEqualTo(T0.plusSeconds(9));
    for (int i = 1; i < 10; i++) {
      assertThat(written.get(i).sequence()).isEqualTo(i + 1);
      assertThat(written.get(i).previousHash()).isEqualTo(written.get(i - 1).hash());
      assertThat(written.get(i).record()).isEqualTo(record(i + 1));
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.lastSequence()).isEqualTo(10);
      assertThat(readAll(j)).containsExactlyElementsOf(written);
      JournalEntry e11 = j.appendAndWait(record(11));
      assertThat(e11.sequence()).isEqualTo(11);
      assertThat(e11.previousHash()).isEqualTo(written.get(9).hash());
      try (Stream<JournalEntry> s = j.read(5)) {
        assertThat(s.map(JournalEntry::sequence)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L);
      }
      try (Stream<JournalEntry> s = j.read(12)) {
        assertThat(s).isEmpty();
      }
    }
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.ok()).isTrue();
    assertThat(r.entriesChecked()).isEqualTo(11);
    assertThat(r.lastSequence()).isEqualTo(11);
  }

  @Test
  void linesAreTheDocumentedFormat() throws IOException {
    JournalEntry e;
    try (Journal j = Journal.open(config(FsyncMode.DURABLE))) {
      e = j.appendAndWait(JournalRecord.comment("INC-1", "op7", "hello"));
    }
    String line = Files.readString(segments(dir).get(0), StandardCharsets.UTF_8);
    assertThat(segments(dir).get(0).getFileName().toString()).isEqualTo("journal-00000000000000000001.jsonl");
    String prefix = "{\"seq\":1,\"time\":\"2026-11-23T06:00:00Z\",\"prev\":\"" + "0".repeat(64)
        + "\",\"record\":{\"kind\":\"comment\",\"incident\":\"INC-1\",\"actor\":\"op7\",\"text\":\"hello\"}";
    assertThat(line).isEqualTo(prefix + ",\"hash\":\"" + e.hash() + "\"}\n");
    byte[] hashed = (prefix + "}").getBytes(StandardCharsets.UTF_8);
    assertThat(io.github.vpsdk.vp.core.internal.journal.Hex.encode(
            io.github.vpsdk.vp.core.internal.journal.Hex.sha256().digest(hashed)))
        .isEqualTo(e.hash());
  }

  @Test
  void rollsOverSegmentsAndReadsAcrossThem() {
    JournalConfig c = config(FsyncMode.DURABLE).toBuilder().segmentSizeLimit(4096).build();
    try (Journal j = Journal.open(c)) {
      for (int i = 1; i <= 200; i++) {
        j.append(record(i));
      }
      j.appendAndWait(record(201));
      assertThat(segments(dir)).hasSizeGreaterThan(5);
      try (Stream<JournalEntry> s = j.read(37)) {
        List<Long> seqs = s.map(JournalEntry::sequence).collect(Collectors.toList());
        assertThat(seqs).hasSize(201 - 36).startsWith(37L).endsWith(201L);
      }
    }
    for (Path p : segments(dir)) {
      assertThat(p.toFile().length()).isLessThanOrEqualTo(4096);
    }
    try (Journal j = Journal.open(c)) {
      assertThat(readAll(j)).extracting(JournalEntry::record)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(JournalFiles::record)
                  .collect(Collectors.toList()));
    }
    assertThat(JournalVerifier.verify(dir).entriesChecked()).isEqualTo(201);
  }

  @Test
  void concurrentAppendersGetGapFreeSequencesAndShareForces() throws Exception {
    int threads = 16;
    int each = 100;
    ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
    JournalStats stats;
    try (Journal j = Journal.open(config(FsyncMode.DURABLE))) {
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Thread th = new Thread(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            return;
          }
          for (int i = 0; i < each; i++) {
            seqs.add(j.appendAndWait(record(id * 1000 + i)).sequence());
          }
        });
        th.start();
        ts.add(th);
      }
      start.countDown();
      for (Thread th : ts) {
        th.join();
      }
      // and a burst from one thread without waiting, which group commit must batch
      List<CompletableFuture<JournalEntry>> burst = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        burst.add(j.append(record(i)));
      }
      for (CompletableFuture<JournalEntry> f : burst) {
        seqs.add(f.join().sequence());
      }
      stats = j.stats();
    }
    int total = threads * each + 1000;
    assertThat(seqs).hasSize(total).doesNotHaveDuplicates();
    assertThat(seqs.stream().mapToLong(Long::longValue).max().getAsLong()).isEqualTo(total);
    assertThat(stats.appends()).isEqualTo(total);
    assertThat(stats.fsyncs()).isLessThan(total);
    assertThat(stats.meanBatchSize()).isGreaterThan(1.0);
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.ok()).as(String.valueOf(r.failure())).isTrue();
    assertThat(r.entriesChecked()).isEqualTo(total);
  }

  @Test
  void readsWhileAppendsContinue() throws Exception {
    try (Journal j = Journal.open(config(FsyncMode.NONE).toBuilder().segmentSizeLimit(4096).build())) {
      Thread writer = new Thread(() -> {
        for (int i = 1; i <= 1000; i++) {
          j.appendAndWait(record(i));
        }
      });
      writer.start();
      while (writer.isAlive()) {
        long before = j.lastSequence();
        List<JournalEntry> seen = readAll(j);
        assertThat(seen.size()).isGreaterThanOrEqualTo((int) before);
        for (int i = 0; i < seen.size(); i++) {
          assertThat(seen.get(i).sequence()).isEqualTo(i + 1);
        }
      }
      writer.join();
      assertThat(readAll(j)).hasSize(1000);
    }
  }

  @Test
  void tornTailIsTruncatedOnOpenAtEveryOffsetOfTheLastLine() throws IOException {
    writeEntries(5);
    Path seg = segments(dir).get(0);
    byte[] full = Files.readAllBytes(seg);
    List<Long> starts = JournalFiles.lineStarts(full);
    int lastStart = starts.get(4).intValue();
    // every cut inside the last line, and a last line whose final LF is missing or replaced
    for (int cut = lastStart + 1; cut < full.length; cut++) {
      Files.write(seg, java.util.Arrays.copyOf(full, cut));
      VerificationResult before = JournalVerifier.verify(dir);
      assertThat(before.failure()).as("cut " + cut).isNotNull();
      assertThat(before.failure().reason()).as("cut " + cut).isEqualTo(Reason.TORN_TAIL);
      assertThat(before.failure().offset()).isEqualTo(lastStart);
      assertThat(before.failure().sequence()).isEqualTo(5);
      try (Journal j = Journal.open(config(FsyncMode.NONE))) {
        assertThat(j.lastSequence()).as("cut " + cut).isEqualTo(4);
      }
      assertThat(Files.size(seg)).isEqualTo(lastStart);
      VerificationResult after = JournalVerifier.verify(dir);
      assertThat(after.ok()).isTrue();
      assertThat(after.lastSequence()).isEqualTo(4);
    }
    String hash4 = JournalVerifier.verify(dir).lastHash();
    // a complete last line whose hash does not match is torn too (garbage written over it)
    byte[] garbled = full.clone();
    garbled[lastStart + 10] = 'X';
    Files.write(seg, garbled);
    assertThat(JournalVerifier.verify(dir).failure().reason()).isEqualTo(Reason.TORN_TAIL);
    try (Journal j = Journal.open(config(FsyncMode.NONE))) {
      assertThat(j.lastSequence()).isEqualTo(4);
      JournalEntry e5 = j.appendAndWait(record(99));
      assertThat(e5.sequence()).isEqualTo(5);
      assertThat(e5.previousHash()).isEqualTo(hash4);
    }
    assertThat(JournalVerifier.verify(dir).ok()).isTrue();
    // trailing zero bytes (file length grew, data never reached the disk)
    byte[] zeros = java.util.Arrays.copyOf(Files.readAllBytes(seg), (int) Files.size(seg) + 300);
    Files.write(seg, zeros);
    try (Journal j = Journal.open(config(FsyncMode.NONE))) {
      assertThat(j.lastSequence()).isEqualTo(5);
    }
  }

  @Test
  void damageInTheMiddleIsRefusedByOpenAndNamedByVerify() throws IOException {
    writeEntries(5);
    Path seg = segments(dir).get(0);
    byte[] bytes = Files.readAllBytes(seg);
    long start2 = JournalFiles.lineStarts(bytes).get(1);
    int at = (int) start2 + 40;
    bytes[at] = (byte) (bytes[at] ^ 0x01);
    Files.write(seg, bytes);
    byte[] copy = bytes.clone();
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().reason()).isEqualTo(Reason.HASH_MISMATCH);
    assertThat(r.failure().sequence()).isEqualTo(2);
    assertThat(r.failure().offset()).isEqualTo(start2);
    assertThat(r.failure().segment()).isEqualTo(seg);
    assertThat(r.entriesChecked()).isEqualTo(1);
    assertThatThrownBy(() -> Journal.open(config(FsyncMode.NONE)))
        .isInstanceOf(VpException.class)
        .hasMessageContaining("HASH_MISMATCH at sequence 2")
        .extracting(e -> ((VpException) e).reason())
        .isEqualTo(VpException.Reason.INTEGRITY);
    assertThat(Files.readAllBytes(seg)).isEqualTo(copy);
    // the lock was released: a fixed file opens
  }

  @Test
  void editRemovalAndReorderAreDetected() throws IOException {
    writeEntries(6);
    Path seg = segments(dir).get(0);
    byte[] original = Files.readAllBytes(seg);
    List<String> lines = new ArrayList<>(List.of(new String(original, StandardCharsets.UTF_8).split("\n")));

    // edit: change the text of entry 3 (and not its hash)
    List<String> edited = new ArrayList<>(lines);
    edited.set(2, edited.get(2).replace("entry #3", "entry #4"));
    assertFails(seg, edited, Reason.HASH_MISMATCH, 3);

    // removal of entry 3
    List<String> removed = new ArrayList<>(lines);
    removed.remove(2);
    assertFails(seg, removed, Reason.SEQUENCE_GAP, 3);

    // reorder: swap entries 3 and 4
    List<String> swapped = new ArrayList<>(lines);
    swapped.set(2, lines.get(3));
    swapped.set(3, lines.get(2));
    assertFails(seg, swapped, Reason.SEQUENCE_GAP, 3);

    // a whole segment removed
    Files.write(seg, original);
    try (Journal j = Journal.open(config(FsyncMode.NONE).toBuilder().segmentSizeLimit(4096).build())) {
      for (int i = 0; i < 100; i++) {
        j.appendAndWait(record(i));
      }
    }
    List<Path> segs = segments(dir);
    assertThat(segs.size()).isGreaterThan(2);
    Files.delete(segs.get(1));
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.failure().reason()).isEqualTo(Reason.SEQUENCE_GAP);
    assertThat(r.failure().segment()).isEqualTo(segs.get(2));
  }

  private void assertFails(Path seg, List<String> lines, Reason reason, long sequence) throws IOException {
    Files.writeString(seg, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.ok()).isFalse();
    assertThat(r.failure().reason()).isEqualTo(reason);
    assertThat(r.failure().sequence()).isEqualTo(sequence);
    assertThat(r.lastSequence()).isEqualTo(sequence - 1);
    assertThatThrownBy(() -> Journal.open(config(FsyncMode.NONE)))
        .isInstanceOf(VpException.class)
        .hasMessageContaining(reason.name());
  }

  @Test
  void checkpointsAreSignedAndAWholesaleRewriteIsDetectedWithThePublicKey(@TempDir Path forged)
      throws IOException {
    JournalSigningKey key = JournalSigningKey.generate();
    List<JournalEntry> original;
    try (Journal j = Journal.open(config(FsyncMode.NONE).toBuilder()
        .checkpointKey(key).checkpointEveryEntries(10).build())) {
      for (int i = 1; i <= 25; i++) {
        j.appendAndWait(record(i));
      }
      Checkpoint now = j.checkpointNow();
      assertThat(now.coveredSequence()).isEqualTo(27);
      assertThat(now.keyId()).isEqualTo(key.publicKey().keyId());
      assertThat(now.entry().sequence()).isEqualTo(28);
      original = readAll(j);
      assertThat(j.stats().checkpoints()).isEqualTo(3);
      assertThat(j.stats().appends()).isEqualTo(25);
    }
    assertThat(original).filteredOn(e -> e.record().kind().equals(JournalRecord.CHECKPOINT))
        .extracting(JournalEntry::sequence).containsExactly(11L, 22L, 28L);
    VerificationResult good = JournalVerifier.verify(dir, key.publicKey());
    assertThat(good.ok()).isTrue();
    assertThat(good.checkpointsChecked()).isEqualTo(3);
    assertThat(good.lastCheckpointSequence()).isEqualTo(28);

    // the public key round-trips through hex and Base64
    assertThat(JournalPublicKey.parse(key.publicKey().toHex())).isEqualTo(key.publicKey());
    assertThat(JournalPublicKey.parse(key.publicKey().toBase64())).isEqualTo(key.publicKey());
    assertThat(JournalSigningKey.fromPrivateKeyBytes(key.toPrivateKeyBytes()).publicKey())
        .isEqualTo(key.publicKey());

    // a wrong key
    VerificationResult wrong = JournalVerifier.verify(dir, JournalSigningKey.generate().publicKey());
    assertThat(wrong.failure().reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(wrong.failure().sequence()).isEqualTo(11);

    // an attacker rewrites the whole chain with entry 3 changed, recomputing every hash and
    // copying the checkpoints with the new covered hashes: only the signatures give it away
    try (Journal j = Journal.open(JournalConfig.create(b -> b.directory(forged).fsyncMode(FsyncMode.NONE)))) {
      String head = JournalEntry.GENESIS_HASH;
      for (JournalEntry e : original) {
        JournalRecord r = e.record();
        if (e.sequence() == 3) {
          r = JournalRecord.comment("INC-3", "op0", "nothing happened");
        }
        if (r.kind().equals(JournalRecord.CHECKPOINT)) {
          Map<String, String> a = new TreeMap<>(r.attributes());
          a.put("covers.hash", head);
          r = new JournalRecord(r.kind(), null, null, r.actor(), r.text(), a, null);
        }
        head = j.appendAndWait(r).hash();
      }
    }
    assertThat(JournalVerifier.verify(forged).ok()).isTrue();
    VerificationResult caught = JournalVerifier.verify(forged, key.publicKey());
    assertThat(caught.failure().reason()).isEqualTo(Reason.BAD_SIGNATURE);
    assertThat(caught.failure().sequence()).isEqualTo(11);
    assertThat(caught.failure().detail()).contains("signature does not verify");
  }

  @Test
  void checkpointTimingFollowsTheInjectedClock() {
    TestClock clock = new TestClock(T0);
    JournalSigningKey key = JournalSigningKey.generate();
    JournalConfig c = JournalConfig.create(b -> b.directory(dir).clock(clock).fsyncMode(FsyncMode.NONE)
        .checkpointKey(key).checkpointInterval(Duration.ofMinutes(1)));
    try (Journal j = Journal.open(c)) {
      j.appendAndWait(record(1));
      clock.advance(Duration.ofSeconds(30));
      j.appendAndWait(record(2));
      assertThat(j.lastSequence()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(30));
      j.appendAndWait(record(3));
      assertThat(j.lastSequence()).isEqualTo(4);
      JournalEntry cp = readAll(j).get(3);
      assertThat(cp.record().kind()).isEqualTo(JournalRecord.CHECKPOINT);
      assertThat(cp.recordedAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(cp.record().attributes()).containsEntry("covers.sequence", "3");
      clock.advance(Duration.ofSeconds(59));
      j.appendAndWait(record(4));
      assertThat(j.lastSequence()).isEqualTo(5);
    }
    // the timing survives a reopen: it restarts from the last checkpoint's time in the file
    clock.advance(Duration.ofSeconds(1));
    try (Journal j = Journal.open(c)) {
      j.appendAndWait(record(5));
      assertThat(j.lastSequence()).isEqualTo(7);
    }
    assertThat(JournalVerifier.verify(dir, key.publicKey()).checkpointsChecked()).isEqualTo(2);
  }

  @Test
  void closeFlushesPendingAppendsAndRefusesLaterOnes() {
    List<CompletableFuture<JournalEntry>> futures = new ArrayList<>();
    Journal j = Journal.open(config(FsyncMode.DURABLE));
    for (int i = 1; i <= 300; i++) {
      futures.add(j.append(record(i)));
    }
    j.close();
    j.close();
    for (CompletableFuture<JournalEntry> f : futures) {
      assertThat(f).isCompleted();
      assertThat(f.join()).isNotNull();
    }
    assertThatThrownBy(() -> j.appendAndWait(record(1)))
        .isInstanceOf(VpException.class)
        .hasMessageContaining("closed")
        .extracting(e -> ((VpException) e).reason())
        .isEqualTo(VpException.Reason.INVALID_STATE);
    assertThat(j.append(record(1))).isCompletedExceptionally();
    try (Journal again = Journal.open(dir)) {
      assertThat(again.lastSequence()).isEqualTo(300);
    }
  }

  @Test
  void afterAWriteFailureEveryAppendFailsAndNothingUnwrittenIsReported() throws Exception {
    Journal j = Journal.open(config(FsyncMode.DURABLE));
    JournalEntry first = j.appendAndWait(record(1));
    // break the writer's file channel, as a failing device would: the next write throws
    java.lang.reflect.Field engineField = Journal.class.getDeclaredField("engine");
    engineField.setAccessible(true);
    Object engine = engineField.get(j);
    java.lang.reflect.Field channelField = engine.getClass().getDeclaredField("channel");
    channelField.setAccessible(true);
    ((java.nio.channels.FileChannel) channelField.get(engine)).close();
    assertThatThrownBy(() -> j.appendAndWait(record(2)))
        .isInstanceOf(VpException.class)
        .hasMessageContaining("write failed")
        .extracting(e -> ((VpException) e).reason())
        .isEqualTo(VpException.Reason.IO);
    assertThatThrownBy(() -> j.appendAndWait(record(3)))
        .isInstanceOf(VpException.class)
        .hasMessageContaining("failed on an earlier write")
        .extracting(e -> ((VpException) e).reason())
        .isEqualTo(VpException.Reason.IO);
    assertThat(j.lastSequence()).isEqualTo(1);
    j.close();
    try (Journal again = Journal.open(config(FsyncMode.DURABLE))) {
      assertThat(readAll(again)).containsExactly(first);
      assertThat(again.appendAndWait(record(2)).sequence()).isEqualTo(2);
    }
    assertThat(JournalVerifier.verify(dir).ok()).isTrue();
  }

  @Test
  void aDirectoryIsOpenInOneJournalAtATime() {
    try (Journal j = Journal.open(config(FsyncMode.NONE))) {
      assertThatThrownBy(() -> Journal.open(dir))
          .isInstanceOf(VpException.class)
          .extracting(e -> ((VpException) e).reason())
          .isEqualTo(VpException.Reason.INVALID_STATE);
      j.appendAndWait(record(1));
    }
    try (Journal j = Journal.open(dir)) {
      assertThat(j.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void oversizedRecordsAreRefusedWithoutHarm() {
    try (Journal j = Journal.open(config(FsyncMode.NONE).toBuilder().maxRecordSize(1000).build())) {
      assertThatThrownBy(() -> j.appendAndWait(JournalRecord.comment(null, "op", "x".repeat(2000))))
          .isInstanceOf(VpException.class)
          .extracting(e -> ((VpException) e).reason())
          .isEqualTo(VpException.Reason.INVALID_ARGUMENT);
      assertThat(j.appendAndWait(record(1)).sequence()).isEqualTo(1);
      assertThatThrownBy(j::checkpointNow)
          .isInstanceOf(VpException.class)
          .hasMessageContaining("no checkpoint key");
    }
  }

  @Test
  void signingKeyNeverPrintsItself() {
    JournalSigningKey key = JournalSigningKey.fromPrivateKeyBytes(new byte[32]);
    assertThat(key.toString()).doesNotContain("0000000000").contains("redacted");
    assertThat(JournalConfig.create(b -> b.directory(dir).checkpointKey(key)).toString())
        .contains("redacted");
    // RFC 8032 section 7.1, test 1: the public key of the secret key 9d61b19d...
    JournalSigningKey rfc = JournalSigningKey.fromPrivateKeyBytes(
        io.github.vpsdk.vp.core.internal.journal.Hex.decode(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    assertThat(rfc.publicKey().toHex())
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  }

  @Test
  void emptyDirectoryVerifiesAndReadsNothing() {
    assertThat(JournalVerifier.verify(dir).ok()).isTrue();
    try (Journal j = Journal.open(dir)) {
      assertThat(readAll(j)).isEmpty();
      assertThatThrownBy(() -> j.read(0)).isInstanceOf(VpException.class);
    }
    assertThat(segments(dir)).hasSize(1);
  }
}
