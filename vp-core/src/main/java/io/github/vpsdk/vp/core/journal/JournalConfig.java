package io.github.vpsdk.vp.core.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Journal} is opened. Make one with {@link #create(Consumer)}:
 *
 * <pre>{@code
 * JournalConfig config = JournalConfig.create(b -> b
 *     .directory(Path.of("/var/lib/arc/journal"))
 *     .checkpointKey(key)
 *     .checkpointEveryEntries(1000));
 * }</pre>
 *
 * @param directory the directory holding the segment files (created if missing)
 * @param clock the clock that stamps entries and times checkpoints
 * @param segmentSizeLimit the size in bytes beyond which a new segment file is started
 * @param maxRecordSize the largest record, in bytes of its JSON form
 * @param fsyncMode whether appends are forced to the device before they complete
 * @param groupCommitMaxBatch the most entries written with one force
 * @param groupCommitMaxWait how long the writer waits for more appends before a force when the
 *     batch is not full; zero never waits (concurrent appends still share forces)
 * @param checkpointKey the key that signs checkpoints, or {@code null} for no checkpoints
 * @param checkpointEveryEntries write a checkpoint after this many entries since the last one; 0
 *     for no count-based checkpoints
 * @param checkpointInterval write a checkpoint with the first append once this much time (on the
 *     clock) has passed since the last one, or {@code null} for no time-based checkpoints
 */
public record JournalConfig(
    Path directory,
    Clock clock,
    long segmentSizeLimit,
    int maxRecordSize,
    FsyncMode fsyncMode,
    int groupCommitMaxBatch,
    Duration groupCommitMaxWait,
    @Nullable JournalSigningKey checkpointKey,
    long checkpointEveryEntries,
    @Nullable Duration checkpointInterval) {

  /** The default segment size limit: 64 MiB. */
  public static final long DEFAULT_SEGMENT_SIZE_LIMIT = 64L << 20;
  /** The default and largest record size: 1 MiB. */
  public static final int DEFAULT_MAX_RECORD_SIZE = 1 << 20;
  /** The default group-commit batch limit. */
  public static final int DEFAULT_GROUP_COMMIT_MAX_BATCH = 1024;

  /** Checks the components. */
  public JournalConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(fsyncMode, "fsyncMode");
    Objects.requireNonNull(groupCommitMaxWait, "groupCommitMaxWait");
    if (segmentSizeLimit < 4096) {
      throw new IllegalArgumentException("segmentSizeLimit must be at least 4096: " + segmentSizeLimit);
    }
    if (maxRecordSize < 256 || maxRecordSize > DEFAULT_MAX_RECORD_SIZE) {
      throw new IllegalArgumentException(
          "maxRecordSize must be between 256 and " + DEFAULT_MAX_RECORD_SIZE + ": " + maxRecordSize);
    }
    if (groupCommitMaxBatch < 1) {
      throw new IllegalArgumentException("groupCommitMaxBatch must be positive: " + groupCommitMaxBatch);
    }
    if (groupCommitMaxWait.isNegative()) {
      throw new IllegalArgumentException("groupCommitMaxWait must not be negative");
    }
    if (checkpointEveryEntries < 0) {
      throw new IllegalArgumentException("checkpointEveryEntries must not be negative");
    }
    if (checkpointInterval != null && (checkpointInterval.isNegative() || checkpointInterval.isZero())) {
      throw new IllegalArgumentException("checkpointInterval must be positive");
    }
  }

  /**
   * A configuration from a builder.
   *
   * @param spec sets the builder's values; {@link Builder#directory(Path)} is required
   * @return the configuration
   */
  public static JournalConfig create(Consumer<Builder> spec) {
    Builder b = builder();
    spec.accept(b);
    return b.build();
  }

  /**
   * A builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this configuration's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.directory = directory;
    b.clock = clock;
    b.segmentSizeLimit = segmentSizeLimit;
    b.maxRecordSize = maxRecordSize;
    b.fsyncMode = fsyncMode;
    b.groupCommitMaxBatch = groupCommitMaxBatch;
    b.groupCommitMaxWait = groupCommitMaxWait;
    b.checkpointKey = checkpointKey;
    b.checkpointEveryEntries = checkpointEveryEntries;
    b.checkpointInterval = checkpointInterval;
    return b;
  }

  /** Builds a {@link JournalConfig}. */
  public static final class Builder {
    private @Nullable Path directory;
    /** Default: {@code Clock.systemUTC()}. */
    private Clock clock = Clock.systemUTC();
    /** Default: 64 MiB. */
    private long segmentSizeLimit = DEFAULT_SEGMENT_SIZE_LIMIT;
    /** Default: 1 MiB (also the largest allowed). */
    private int maxRecordSize = DEFAULT_MAX_RECORD_SIZE;
    /** Default: {@link FsyncMode#DURABLE}. */
    private FsyncMode fsyncMode = FsyncMode.DURABLE;
    /** Default: 1024. */
    private int groupCommitMaxBatch = DEFAULT_GROUP_COMMIT_MAX_BATCH;
    /** Default: zero (never wait for more appends). */
    private Duration groupCommitMaxWait = Duration.ZERO;
    /** Default: none. */
    private @Nullable JournalSigningKey checkpointKey;
    /** Default: 0 (no count-based checkpoints). */
    private long checkpointEveryEntries;
    /** Default: none. */
    private @Nullable Duration checkpointInterval;

    private Builder() {}

    /**
     * The directory of the segment files. Required.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder directory(Path directory) {
      this.directory = directory;
      return this;
    }

    /**
     * The clock. Default {@code Clock.systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The segment size limit in bytes. Default 64 MiB; at least 4096.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder segmentSizeLimit(long bytes) {
      this.segmentSizeLimit = bytes;
      return this;
    }

    /**
     * The largest record, in bytes of its JSON form. Default and maximum 1 MiB.
     *
     * @param bytes the limit
     * @return this builder
     */
    public Builder maxRecordSize(int bytes) {
      this.maxRecordSize = bytes;
      return this;
    }

    /**
     * The fsync mode. Default {@link FsyncMode#DURABLE}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder fsyncMode(FsyncMode mode) {
      this.fsyncMode = mode;
      return this;
    }

    /**
     * The most entries per write and force. Default 1024.
     *
     * @param entries the limit
     * @return this builder
     */
    public Builder groupCommitMaxBatch(int entries) {
      this.groupCommitMaxBatch = entries;
      return this;
    }

    /**
     * How long to wait for more appends when a batch is not full. Default zero.
     *
     * @param wait the wait
     * @return this builder
     */
    public Builder groupCommitMaxWait(Duration wait) {
      this.groupCommitMaxWait = wait;
      return this;
    }

    /**
     * The key that signs checkpoints. Default none (no checkpoints).
     *
     * @param key the key, or {@code null}
     * @return this builder
     */
    public Builder checkpointKey(@Nullable JournalSigningKey key) {
      this.checkpointKey = key;
      return this;
    }

    /**
     * Checkpoint after this many entries. Default 0 (off). Needs a {@link #checkpointKey}.
     *
     * @param entries the count
     * @return this builder
     */
    public Builder checkpointEveryEntries(long entries) {
      this.checkpointEveryEntries = entries;
      return this;
    }

    /**
     * Checkpoint with the first append after this much time on the clock. Default none. Needs a
     * {@link #checkpointKey}.
     *
     * @param interval the interval, or {@code null}
     * @return this builder
     */
    public Builder checkpointInterval(@Nullable Duration interval) {
      this.checkpointInterval = interval;
      return this;
    }

    /**
     * The configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if a value is invalid
     * @throws NullPointerException if no directory was set
     */
    public JournalConfig build() {
      return new JournalConfig(
          Objects.requireNonNull(directory, "directory is required"),
          clock,
          segmentSizeLimit,
          maxRecordSize,
          fsyncMode,
          groupCommitMaxBatch,
          groupCommitMaxWait,
          checkpointKey,
          checkpointEveryEntries,
          checkpointInterval);
    }
  }
}
