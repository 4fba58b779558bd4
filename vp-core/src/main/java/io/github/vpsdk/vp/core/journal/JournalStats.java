package io.github.vpsdk.vp.core.journal;

/**
 * Counters of a journal since it was opened, for metrics.
 *
 * @param appends records appended by callers (checkpoints not included)
 * @param checkpoints checkpoint entries written
 * @param batches write batches (one write, and one force when durable, each)
 * @param fsyncs forces of a segment file to the device
 * @param lastSequence the sequence number of the last entry written
 */
public record JournalStats(
    long appends, long checkpoints, long batches, long fsyncs, long lastSequence) {

  /**
   * The mean number of entries per batch: how well group commit shares a force.
   *
   * @return entries written divided by batches, or 0 before the first batch
   */
  public double meanBatchSize() {
    return batches == 0 ? 0.0 : (double) (appends + checkpoints) / batches;
  }
}
