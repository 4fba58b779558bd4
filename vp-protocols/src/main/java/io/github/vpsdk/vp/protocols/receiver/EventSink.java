package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.util.concurrent.CompletionStage;

/**
 * Where a receiver hands each decoded event, and the condition of its acknowledgement: the
 * receiver answers the panel's frame with {@code ACK} only once the stage returned by {@link
 * #deliver} has completed normally. If it fails (or does not complete within the receiver's
 * timeout), the panel gets no {@code ACK} and sends the frame again: nothing acknowledged is ever
 * lost, provided the sink completes only when the event is durable.
 *
 * <p>A sink is called from the receiver's own delivery threads, never from a network thread, unless
 * it declares itself {@linkplain #nonBlocking() non-blocking}; it may be called concurrently. A duplicate of an event already delivered (the panel did not get the
 * first {@code ACK}) is acknowledged again without being delivered again.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Takes an event.
   *
   * @param event the decoded event
   * @return a stage that completes when the event is safely stored (or forwarded), or fails when
   *     it could not be
   */
  CompletionStage<Void> deliver(AlarmEvent event);

  /**
   * Whether {@link #deliver} returns at once, never waiting on a lock held for long, a disk or the
   * network (it may hand the work to a thread of its own and complete the stage later). The
   * receiver calls such a sink directly on its network thread, which spares a thread hand-off per
   * event; any other sink runs on the receiver's delivery threads, so that a slow sink cannot stall
   * the connections. A sink that claims this and blocks delays every panel on its network thread.
   *
   * @return {@code false} unless overridden; {@code true} for {@link #journal(Journal)}
   */
  default boolean nonBlocking() {
    return false;
  }

  /**
   * The sink that writes each event to a journal as an {@code alarm.received} record and
   * completes once the record is durable (fsync'd, in the journal's default mode).
   *
   * @param journal the journal
   * @return the sink
   */
  static EventSink journal(Journal journal) {
    return new EventSink() {
      @Override
      public CompletionStage<Void> deliver(AlarmEvent event) {
        // append encodes the record and queues it for the journal's writer thread: it never waits
        return journal.append(JournalRecord.alarmReceived(event)).thenApply(entry -> null);
      }

      @Override
      public boolean nonBlocking() {
        return true;
      }

      @Override
      public String toString() {
        return "EventSink.journal(" + journal + ")";
      }
    };
  }
}
