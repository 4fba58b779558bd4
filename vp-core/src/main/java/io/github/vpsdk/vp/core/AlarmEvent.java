package io.github.vpsdk.vp.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A normalised alarm event, whatever protocol brought it.
 *
 * <p>There are two kinds, and a console usually treats them alike (same queue, same procedures):
 *
 * <ul>
 *   <li>{@link PanelEvent}: reported by an alarm panel (SIA DC-03, Contact ID...), with the
 *       panel's account, zone, user and partition, and its original code;
 *   <li>{@link SystemEvent}: raised by vp itself about the equipment it watches: a panel that
 *       missed its supervision poll, a camera that stopped answering, a clock that drifted.
 * </ul>
 *
 * <p>Every event carries its normalised {@link #category()}, a {@link #priority()}, whether it is
 * a {@link #restore()}, its original {@link #code()} and both times: when it happened by the
 * panel's clock ({@link #occurredAt()}, absent when the panel did not say) and when vp received
 * it. The two are never merged: a panel clock that drifts is itself worth an alarm.
 *
 * <p>Events are immutable and compare by value. Their JSON form is stable and documented in
 * {@code docs/json.md}; see {@link EventJson}. On Java 21 and later a console can {@code switch}
 * exhaustively over the two kinds; vp itself targets Java 17 and uses {@code instanceof}.
 */
public sealed interface AlarmEvent permits PanelEvent, SystemEvent {

  /**
   * A unique identifier of this event, assigned by whoever created it (the receiver, the
   * supervisor). Duplicate deliveries of one panel event keep one identifier.
   *
   * @return the identifier, never blank
   */
  String id();

  /**
   * The account the event concerns: always present on a {@link PanelEvent}, present on a {@link
   * SystemEvent} about a panel (supervision loss), absent otherwise.
   *
   * @return the account, or {@code null}
   */
  @Nullable AccountId account();

  /**
   * What the event is about.
   *
   * @return the category
   */
  EventCategory category();

  /**
   * How urgently it must be taken.
   *
   * @return the priority
   */
  Priority priority();

  /**
   * Whether this event reports the end of a condition (a zone back to normal, mains restored,
   * supervision restored) rather than its start.
   *
   * @return {@code true} for a restore
   */
  boolean restore();

  /**
   * The original code, as the source sent or raised it.
   *
   * @return the code
   */
  EventCode code();

  /**
   * When the event happened by the source's clock; absent when the source did not say.
   *
   * @return the panel time, or {@code null}
   */
  @Nullable Instant occurredAt();

  /**
   * When vp received (or raised) the event, by vp's injected clock.
   *
   * @return the reception time
   */
  Instant receivedAt();

  /**
   * Free text carried with the event (zone name, panel text), possibly empty.
   *
   * @return the text
   */
  String text();

  /**
   * Extended data in the order received.
   *
   * @return an unmodifiable list, possibly empty
   */
  List<ExtendedField> extended();

  /**
   * The value of the first extended field with a tag.
   *
   * @param tag the tag, such as {@link ExtendedField#VERIFICATION}
   * @return the value, if present
   */
  default Optional<String> extended(String tag) {
    for (ExtendedField field : extended()) {
      if (field.tag().equals(tag)) {
        return Optional.of(field.value());
      }
    }
    return Optional.empty();
  }
}
