package io.github.vpsdk.vp.core.internal.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.FsyncMode;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalStats;
import io.github.vpsdk.vp.core.journal.VerificationResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's writer: one thread takes queued appends in batches, writes each batch with one
 * write and one force (group commit), and completes the appends' futures only after the force.
 * After any I/O failure the engine refuses every later append.
 */
public final class JournalEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JournalEngine.class);
  /** Name of the lock file that keeps a second writer out of the directory. */
  public static final String LOCK_FILE = "journal.lock";

  /** Signs checkpoints; implemented by the public API around the signing key. */
  public interface Signer {
    /**
     * The key identifier.
     *
     * @return 16 hex digits
     */
    String keyId();

    /**
     * Signs a message with Ed25519.
     *
     * @param message the message
     * @return the signature
     */
    byte[] sign(byte[] message);
  }

  private static final class Request {
    final @Nullable JournalRecord record;
    final byte @Nullable [] json;
    final CompletableFuture<JournalEntry> future = new CompletableFuture<>();

    Request(@Nullable JournalRecord record, byte @Nullable [] json) {
      this.record = record;
      this.json = json;
    }
  }

  private final JournalConfig config;
  private final Path dir;
  private final @Nullable Signer signer;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final MessageDigest digest = Hex.sha256();
  private final Thread writer;

  private final ReentrantLock queueLock = new ReentrantLock();
  private final Condition notEmpty = queueLock.newCondition();
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private boolean closing;
  private @Nullable Throwable failure;

  // writer-thread state
  private FileChannel channel;
  private long segmentSize;
  private long nextSequence;
  private String headHash;
  private long lastCheckpointEntry;
  private Instant lastCheckpointTime;
  private byte[] buffer = new byte[1 << 16];
  private int buffered;

  // published state
  private volatile long committedSequence;
  private volatile long appends;
  private volatile long checkpoints;
  private volatile long batches;
  private volatile long fsyncs;

  private JournalEngine(JournalConfig config, @Nullable Signer signer) {
    this.config = config;
    this.dir = config.directory();
    this.signer = signer;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, "cannot create journal directory " + dir, e);
    }
    FileChannel lc = null;
    FileLock fl = null;
    try {
      lc = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      fl = lc.tryLock();
    } catch (OverlappingFileLockException e) {
      fl = null;
    } catch (IOException e) {
      closeQuietly(lc);
      throw new VpException(VpException.Reason.IO, "cannot lock journal directory " + dir, e);
    }
    if (fl == null) {
      closeQuietly(lc);
      throw new VpException(VpException.Reason.INVALID_STATE,
          "journal directory " + dir + " is already open in another Journal or process");
    }
    this.lockChannel = lc;
    this.lock = fl;
    try {
      recover();
    } catch (RuntimeException e) {
      releaseLock();
      throw e;
    }
    writer = new Thread(this::run, "vp-journal-writer-" + dir.getFileName());
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Opens a journal: checks every segment, truncates a torn tail, refuses other damage.
   *
   * @param config the configuration
   * @param signer the checkpoint signer, or {@code null}
   * @return the engine, its writer thread started
   */
  public static JournalEngine open(JournalConfig config, @Nullable Signer signer) {
    return new JournalEngine(config, signer);
  }

  private void recover() {
    Scanner.Outcome outcome = Scanner.scan(dir, null);
    VerificationResult result = outcome.result();
    VerificationResult.Failure f = result.failure();
    if (f != null) {
      if (f.reason() != VerificationResult.Reason.TORN_TAIL) {
        throw new VpException(VpException.Reason.INTEGRITY,
            "journal " + dir + " is damaged and was not opened: " + f.describe());
      }
      LOG.warn("Journal {}: truncating torn last line of {} at offset {} ({})",
          dir, f.segment().getFileName(), f.offset(), f.detail());
      try (FileChannel ch = FileChannel.open(f.segment(), StandardOpenOption.WRITE)) {
        ch.truncate(f.offset());
        ch.force(true);
      } catch (IOException e) {
        throw new VpException(VpException.Reason.IO, "cannot truncate " + f.segment(), e);
      }
    }
    nextSequence = result.lastSequence() + 1;
    headHash = result.lastHash();
    committedSequence = result.lastSequence();
    lastCheckpointEntry = result.lastCheckpointSequence();
    Instant cpTime = outcome.lastCheckpointTime();
    lastCheckpointTime = cpTime != null ? cpTime : config.clock().instant();
    try {
      List<Segments.Segment> segments = outcome.segments();
      if (segments.isEmpty()) {
        openNewSegment(nextSequence);
      } else {
        Path last = segments.get(segments.size() - 1).path();
        channel = FileChannel.open(last, StandardOpenOption.WRITE);
        segmentSize = channel.size();
        channel.position(segmentSize);
      }
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, "cannot open the journal's last segment", e);
    }
    LOG.debug("Journal {} opened at sequence {}", dir, result.lastSequence());
  }

  private void openNewSegment(long firstSequence) throws IOException {
    Path path = dir.resolve(Segments.name(firstSequence));
    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    segmentSize = 0;
    if (config.fsyncMode() == FsyncMode.DURABLE) {
      channel.force(true);
      Segments.forceDirectory(dir);
    }
    LOG.debug("Journal {}: new segment {}", dir, path.getFileName());
  }

  // ------------------------------------------------------------------ callers

  /**
   * Queues a record.
   *
   * @param record the record
   * @return completes with the entry once durable
   */
  public CompletableFuture<JournalEntry> append(JournalRecord record) {
    byte[] json;
    try {
      json = CoreJson.mapper().writeValueAsBytes(CoreJson.toJson(record));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new VpException(
          VpException.Reason.INVALID_ARGUMENT, "record cannot be written as JSON", e));
    }
    if (json.length > config.maxRecordSize()) {
      return CompletableFuture.failedFuture(new VpException(VpException.Reason.INVALID_ARGUMENT,
          "record of " + json.length + " bytes exceeds the limit of " + config.maxRecordSize()));
    }
    return enqueue(new Request(record, json));
  }

  /**
   * Queues a checkpoint.
   *
   * @return completes with the checkpoint entry once durable
   */
  public CompletableFuture<JournalEntry> checkpoint() {
    if (signer == null) {
      return CompletableFuture.failedFuture(new VpException(
          VpException.Reason.INVALID_STATE, "no checkpoint key is configured"));
    }
    return enqueue(new Request(null, null));
  }

  private CompletableFuture<JournalEntry> enqueue(Request request) {
    queueLock.lock();
    try {
      if (failure != null) {
        request.future.completeExceptionally(failedEarlier());
      } else if (closing) {
        request.future.completeExceptionally(
            new VpException(VpException.Reason.INVALID_STATE, "journal " + dir + " is closed"));
      } else {
        queue.add(request);
        notEmpty.signal();
      }
    } finally {
      queueLock.unlock();
    }
    return request.future;
  }

  private VpException failedEarlier() {
    return new VpException(VpException.Reason.IO,
        "journal " + dir + " failed on an earlier write and accepts no more appends; reopen it",
        failure);
  }

  /**
   * The last sequence number written (durable in {@link FsyncMode#DURABLE} mode).
   *
   * @return the sequence number, 0 for an empty journal
   */
  public long lastSequence() {
    return committedSequence;
  }

  /**
   * Streams entries from a sequence number to the last one written when called.
   *
   * @param from the first sequence number
   * @return the stream; close it
   */
  public Stream<JournalEntry> read(long from) {
    return EntryReader.stream(dir, from, committedSequence);
  }

  /**
   * The counters.
   *
   * @return the stats
   */
  public JournalStats stats() {
    return new JournalStats(appends, checkpoints, batches, fsyncs, committedSequence);
  }

  // ------------------------------------------------------------------ writer thread

  private void run() {
    List<Request> batch = new ArrayList<>();
    int max = config.groupCommitMaxBatch();
    long maxWait = config.groupCommitMaxWait().toNanos();
    while (true) {
      batch.clear();
      queueLock.lock();
      try {
        while (queue.isEmpty() && !closing) {
          notEmpty.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          break;
        }
        drain(batch, max);
        long wait = maxWait;
        while (batch.size() < max && wait > 0 && !closing) {
          try {
            wait = notEmpty.awaitNanos(wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
          drain(batch, max);
        }
      } finally {
        queueLock.unlock();
      }
      write(batch);
    }
    closeQuietly(channel);
  }

  private void drain(List<Request> batch, int max) {
    while (batch.size() < max && !queue.isEmpty()) {
      batch.add(queue.poll());
    }
  }

  private void write(List<Request> batch) {
    List<JournalEntry> entries = new ArrayList<>(batch.size());
    long written = 0;
    long cps = 0;
    try {
      if (failure != null) {
        throw new IOException("journal failed earlier");
      }
      for (Request r : batch) {
        if (r.record != null && r.json != null) {
          JournalEntry e = writeEntry(r.record, r.json);
          entries.add(e);
          written++;
          if (checkpointDue(e)) {
            writeCheckpoint();
            cps++;
          }
        } else {
          entries.add(writeCheckpoint());
          cps++;
        }
      }
      flush(true);
    } catch (IOException | RuntimeException | Error e) {
      fail(e, batch);
      return;
    }
    appends += written;
    checkpoints += cps;
    batches++;
    committedSequence = nextSequence - 1;
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future.complete(entries.get(i));
    }
  }

  private boolean checkpointDue(JournalEntry e) {
    if (signer == null) {
      return false;
    }
    if (config.checkpointEveryEntries() > 0
        && e.sequence() - lastCheckpointEntry >= config.checkpointEveryEntries()) {
      return true;
    }
    return config.checkpointInterval() != null
        && !e.recordedAt().isBefore(lastCheckpointTime.plus(config.checkpointInterval()));
  }

  private JournalEntry writeCheckpoint() throws IOException {
    Signer s = signer;
    if (s == null) {
      throw new IllegalStateException("no signer");
    }
    long covered = nextSequence - 1;
    byte[] signature = s.sign(Hex.checkpointMessage(covered, headHash));
    Map<String, String> attributes = new TreeMap<>();
    attributes.put(Scanner.CP_SEQUENCE, Long.toString(covered));
    attributes.put(Scanner.CP_HASH, headHash);
    attributes.put(Scanner.CP_ALGORITHM, "Ed25519");
    attributes.put(Scanner.CP_KEY_ID, s.keyId());
    attributes.put(Scanner.CP_SIGNATURE, Hex.encode(signature));
    JournalRecord record = new JournalRecord(JournalRecord.CHECKPOINT, null, null, "journal",
        "signed checkpoint of entries 1 to " + covered, attributes, null);
    JournalEntry e =
        writeEntry(record, CoreJson.mapper().writeValueAsBytes(CoreJson.toJson(record)));
    lastCheckpointEntry = e.sequence();
    lastCheckpointTime = e.recordedAt();
    return e;
  }

  private JournalEntry writeEntry(JournalRecord record, byte[] json) throws IOException {
    long seq = nextSequence;
    Instant time = config.clock().instant();
    LineCodec.Encoded line = LineCodec.encode(digest, seq, time, headHash, json);
    int n = line.line().length;
    if (segmentSize + buffered > 0 && segmentSize + buffered + n > config.segmentSizeLimit()) {
      flush(true);
      channel.close();
      openNewSegment(seq);
    }
    if (buffered + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + n));
    }
    System.arraycopy(line.line(), 0, buffer, buffered, n);
    buffered += n;
    JournalEntry e = new JournalEntry(seq, time, record, headHash, line.hash());
    nextSequence = seq + 1;
    headHash = line.hash();
    return e;
  }

  private void flush(boolean force) throws IOException {
    if (buffered > 0) {
      ByteBuffer b = ByteBuffer.wrap(buffer, 0, buffered);
      while (b.hasRemaining()) {
        channel.write(b);
      }
      segmentSize += buffered;
      buffered = 0;
    }
    if (force && config.fsyncMode() == FsyncMode.DURABLE) {
      channel.force(false);
      fsyncs++;
    }
  }

  private void fail(Throwable e, List<Request> batch) {
    LOG.error("Journal {}: write failed; no more appends are accepted until it is reopened", dir, e);
    List<Request> rest;
    queueLock.lock();
    try {
      if (failure == null) {
        failure = e;
      }
      rest = new ArrayList<>(queue);
      queue.clear();
    } finally {
      queueLock.unlock();
    }
    VpException ex = new VpException(VpException.Reason.IO, "journal write failed: " + e, e);
    for (Request r : batch) {
      r.future.completeExceptionally(ex);
    }
    for (Request r : rest) {
      r.future.completeExceptionally(failedEarlier());
    }
  }

  // ------------------------------------------------------------------ closing

  /** Writes what is queued, stops the writer, releases the directory. Idempotent. */
  @Override
  public void close() {
    queueLock.lock();
    try {
      closing = true;
      notEmpty.signalAll();
    } finally {
      queueLock.unlock();
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    releaseLock();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void releaseLock() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      LOG.debug("Journal {}: releasing the lock failed", dir, e);
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(@Nullable AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("close failed", e);
      }
    }
  }
}
