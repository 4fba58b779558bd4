package io.github.vpsdk.vp.core.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.journal.EntryReader;
import io.github.vpsdk.vp.core.internal.journal.JournalEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The journal ("main courante"): an append-only, durable, hash-chained log of what happens in the
 * centre. Thread-safe.
 *
 * <pre>{@code
 * try (Journal journal = Journal.open(JournalConfig.create(b -> b.directory(dir)))) {
 *   JournalEntry e = journal.appendAndWait(JournalRecord.comment("INC-1", "op7", "called back"));
 *   try (Stream<JournalEntry> entries = journal.read(1)) {
 *     entries.forEach(System.out::println);
 *   }
 * }
 * }</pre>
 *
 * <p>One writer thread takes appends in batches: it writes a batch with one write and one {@code
 * FileChannel.force} (group commit) and only then completes the appends, so an entry is on the
 * device when {@link #append} completes (in {@link FsyncMode#DURABLE} mode). {@link #open} checks
 * every entry's hash and chain link, removes the torn last line a crash may leave (logged at WARN)
 * and refuses any other damage. After a write fails, every later append fails: the journal never
 * reports durable what may not be. One directory is open in one {@code Journal} at a time (a lock
 * file keeps others out). The on-disk format is described in {@code docs/journal.md}.
 */
public final class Journal implements AutoCloseable {
  private final JournalConfig config;
  private final JournalEngine engine;

  private Journal(JournalConfig config) {
    this.config = config;
    JournalSigningKey key = config.checkpointKey();
    JournalEngine.Signer signer = key == null ? null : new JournalEngine.Signer() {
      @Override
      public String keyId() {
        return key.publicKey().keyId();
      }

      @Override
      public byte[] sign(byte[] message) {
        return key.sign(message);
      }
    };
    this.engine = JournalEngine.open(config, signer);
  }

  /**
   * Opens (or creates) a journal.
   *
   * @param config the configuration
   * @return the journal
   * @throws VpException {@code INTEGRITY} if an entry other than a torn last line is damaged;
   *     {@code INVALID_STATE} if the directory is open elsewhere; {@code IO} on I/O failure
   */
  public static Journal open(JournalConfig config) {
    return new Journal(config);
  }

  /**
   * Opens (or creates) a journal with the default configuration.
   *
   * @param directory the directory
   * @return the journal
   * @throws VpException as {@link #open(JournalConfig)}
   */
  public static Journal open(Path directory) {
    return open(JournalConfig.create(b -> b.directory(directory)));
  }

  /**
   * Appends a record. The future completes with the entry once it is written and forced to the
   * device, or fails with a {@link VpException}: {@code INVALID_ARGUMENT} for a record larger than
   * the limit, {@code INVALID_STATE} after {@link #close()}, {@code IO} if the write failed (or an
   * earlier one did).
   *
   * @param record the record
   * @return the entry, once durable
   */
  public CompletableFuture<JournalEntry> append(JournalRecord record) {
    return engine.append(record);
  }

  /**
   * Appends a record and waits until it is durable.
   *
   * @param record the record
   * @return the entry
   * @throws VpException as the future of {@link #append} fails
   */
  public JournalEntry appendAndWait(JournalRecord record) {
    return join(append(record));
  }

  /**
   * Writes a signed checkpoint now, covering every entry written so far.
   *
   * @return the checkpoint, once durable
   * @throws VpException {@code INVALID_STATE} if no checkpoint key is configured or the journal is
   *     closed; {@code IO} if the write failed
   */
  public Checkpoint checkpointNow() {
    JournalEntry e = join(engine.checkpoint());
    Map<String, String> a = e.record().attributes();
    return new Checkpoint(e, Long.parseLong(a.get("covers.sequence")), a.get("covers.hash"),
        a.get("key.id"), a.get("signature"));
  }

  /**
   * The sequence number of the last entry written (durable in {@link FsyncMode#DURABLE} mode).
   *
   * @return the sequence number, 0 for an empty journal
   */
  public long lastSequence() {
    return engine.lastSequence();
  }

  /**
   * Streams the entries from a sequence number up to the last one written when this is called,
   * across segments. Appends may go on meanwhile. Each line's hash and chain link are checked as
   * it is read. Close the stream (try-with-resources) to release its file.
   *
   * @param fromSequence the first sequence number wanted (from 1)
   * @return the entries, in order; empty if {@code fromSequence} is past the end
   * @throws VpException {@code INTEGRITY} while streaming if an entry is damaged; {@code IO}
   */
  public Stream<JournalEntry> read(long fromSequence) {
    return engine.read(fromSequence);
  }

  /**
   * Reads the entries of a journal directory without opening it for writing: no lock is taken and
   * no file is changed, so it works while a {@code Journal} in another process appends. The stream
   * ends with the last complete entry (an incomplete last line, such as one being written, is left
   * out). Each line's hash and chain link are checked as it is read.
   *
   * @param directory the journal directory
   * @param fromSequence the first sequence number wanted (from 1)
   * @return the entries, in order; close it
   * @throws VpException {@code INTEGRITY} while streaming if an entry is damaged; {@code IO}
   */
  public static Stream<JournalEntry> readDirectory(Path directory, long fromSequence) {
    return EntryReader.stream(directory, fromSequence, Long.MAX_VALUE);
  }

  /**
   * The counters since this journal was opened.
   *
   * @return the stats
   */
  public JournalStats stats() {
    return engine.stats();
  }

  /**
   * The configuration it was opened with.
   *
   * @return the configuration
   */
  public JournalConfig config() {
    return config;
  }

  /**
   * Writes the appends already queued, stops the writer and releases the directory. Later appends
   * fail with {@code INVALID_STATE}. Idempotent.
   */
  @Override
  public void close() {
    engine.close();
  }

  private static JournalEntry join(CompletableFuture<JournalEntry> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw VpException.extract(e);
    }
  }
}
