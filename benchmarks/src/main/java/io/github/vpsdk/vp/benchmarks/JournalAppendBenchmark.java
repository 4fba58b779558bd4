package io.github.vpsdk.vp.benchmarks;

import io.github.vpsdk.vp.core.journal.FsyncMode;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Journal appends per second: each benchmark thread calls {@link Journal#appendAndWait}, which
 * returns once the entry is forced to the device ({@code fsync=DURABLE}); concurrent threads share
 * forces through group commit. Run with {@code -t 1} and {@code -t 16}. The journal lives in a new
 * directory under {@code java.io.tmpdir} (or {@code -Dvp.bench.dir=...}), deleted afterwards. The
 * mean batch size (entries per force) is printed at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark {

  /** DURABLE (the figure that matters) or NONE (the cost without forcing, for comparison). */
  @Param({"DURABLE"})
  public String fsync = "DURABLE";

  private @Nullable Path dir;
  private @Nullable Journal journal;
  private final JournalRecord record =
      JournalRecord.comment("INC-2026-000123", "operator-7", "called keyholder 1 (J. Martin): no answer")
          .withSite("SITE-0042");

  /** Opens a journal in a new directory. */
  @Setup(Level.Trial)
  public void open() throws IOException {
    String base = System.getProperty("vp.bench.dir", System.getProperty("java.io.tmpdir"));
    Path d = Files.createTempDirectory(Path.of(base), "vp-journal-bench");
    dir = d;
    journal = Journal.open(JournalConfig.create(b -> b.directory(d).fsyncMode(FsyncMode.valueOf(fsync))));
  }

  /** Closes the journal, prints its stats and deletes the directory. */
  @TearDown(Level.Trial)
  public void close() throws IOException {
    Journal j = journal;
    if (j != null) {
      JournalStats s = j.stats();
      j.close();
      System.out.printf("%n[journal] appends=%d fsyncs=%d batches=%d mean batch=%.2f%n",
          s.appends(), s.fsyncs(), s.batches(), s.meanBatchSize());
    }
    Path d = dir;
    if (d != null) {
      try (Stream<Path> files = Files.walk(d)) {
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

  /**
   * One durable append.
   *
   * @return the entry (consumed by JMH)
   */
  @Benchmark
  public JournalEntry append() {
    Journal j = journal;
    if (j == null) {
      throw new IllegalStateException("not set up");
    }
    return j.appendAndWait(record);
  }
}
