package io.github.vpsdk.vp.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Helpers for journal tests: segment files, line offsets, random records. */
final class JournalFiles {
  private JournalFiles() {}

  static List<Path> segments(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("journal-\\d{20}\\.jsonl"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Start offsets of the lines of a file, plus its length at the end. */
  static List<Long> lineStarts(byte[] bytes) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n' && i + 1 < bytes.length) {
        starts.add((long) i + 1);
      }
    }
    return starts;
  }

  static List<JournalEntry> readAll(Journal journal) {
    try (Stream<JournalEntry> s = journal.read(1)) {
      return s.collect(Collectors.toList());
    }
  }

  static JournalRecord record(int i) {
    return JournalRecord.comment("INC-" + (i % 7), "op" + (i % 3), "entry #" + i);
  }

  static JournalRecord randomRecord(SplittableRandom random, int i) {
    StringBuilder text = new StringBuilder("r" + i + " ");
    int len = random.nextInt(0, 120);
    for (int k = 0; k < len; k++) {
      int pick = random.nextInt(20);
      text.append(pick == 0 ? 'é' : pick == 1 ? '"' : pick == 2 ? '\n' : (char) ('a' + random.nextInt(26)));
    }
    switch (random.nextInt(4)) {
      case 0:
        return JournalRecord.call("INC-" + i, "op", "keyholder " + i, "answered");
      case 1:
        return JournalRecord.dispatch("INC-" + i, "op", "guard", "D" + i).withSite("S" + (i % 5));
      case 2:
        return JournalRecord.of("acme.custom", text.toString()).withAttribute("k", Integer.toString(i));
      default:
        return JournalRecord.comment(null, "op", text.toString());
    }
  }

  static Map<String, String> noAttributes() {
    return Map.of();
  }
}
