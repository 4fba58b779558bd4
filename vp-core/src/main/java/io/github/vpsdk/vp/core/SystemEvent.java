package io.github.vpsdk.vp.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event raised by vp itself about the equipment it watches: a panel that missed its
 * supervision poll ({@code SUPERVISION_LOST}, restored by {@code SUPERVISION_RESTORED}), a camera
 * that stopped answering, a panel or camera clock that drifted, a receiver fault.
 *
 * <p>A system event happens when vp sees it, so {@link #occurredAt()} and {@link #receivedAt()}
 * are the same instant.
 *
 * @param id unique identifier of the event
 * @param account the account concerned, or {@code null} when the event is not about a panel
 * @param siteId the site concerned, or {@code null} when unknown
 * @param source what raised it or what it is about, such as {@code receiver}, {@code
 *     supervisor} or {@code camera:hall-1}
 * @param code the internal code, such as {@code SUPERVISION_LOST}
 * @param category the normalised category (usually {@link EventCategory#TROUBLE})
 * @param priority the priority
 * @param restore whether it reports the end of the condition
 * @param occurredAt when vp raised it
 * @param text a description for the operator
 * @param extended extended data (such as the expected and last-seen times)
 */
public record SystemEvent(
    String id,
    @Nullable AccountId account,
    @Nullable String siteId,
    String source,
    EventCode.Internal code,
    EventCategory category,
    Priority priority,
    boolean restore,
    Instant occurredAt,
    String text,
    List<ExtendedField> extended)
    implements AlarmEvent {

  /** Code of the event raised when a panel misses its supervision interval. */
  public static final EventCode.Internal SUPERVISION_LOST = new EventCode.Internal("SUPERVISION_LOST");

  /** Code of the restore raised when a supervised panel is heard again. */
  public static final EventCode.Internal SUPERVISION_RESTORED =
      new EventCode.Internal("SUPERVISION_RESTORED");

  /** Validates and copies the list. */
  public SystemEvent {
    EventChecks.requireId(id);
    if (siteId != null) {
      EventChecks.requireText(siteId, "siteId", 128);
    }
    EventChecks.requireText(source, "source", 256);
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(text, "text");
    extended = List.copyOf(extended);
  }

  /**
   * The supervision-loss event of an account.
   *
   * @param id the event identifier
   * @param account the silent account
   * @param at when the loss was detected
   * @param lastHeard when the account was last heard, or {@code null} if never
   * @return the event ({@link EventCategory#TROUBLE}, {@link Priority#MEDIUM})
   */
  public static SystemEvent supervisionLost(
      String id, AccountId account, Instant at, @Nullable Instant lastHeard) {
    return new SystemEvent(
        id,
        account,
        null,
        "supervisor",
        SUPERVISION_LOST,
        EventCategory.TROUBLE,
        Priority.MEDIUM,
        false,
        at,
        "supervision lost: no poll from " + account,
        lastHeard == null
            ? List.of()
            : List.of(new ExtendedField("last-heard", lastHeard.toString())));
  }

  /**
   * The supervision-restore event of an account.
   *
   * @param id the event identifier
   * @param account the account heard again
   * @param at when it was heard again
   * @return the event (a restore of {@link EventCategory#TROUBLE})
   */
  public static SystemEvent supervisionRestored(String id, AccountId account, Instant at) {
    return new SystemEvent(
        id,
        account,
        null,
        "supervisor",
        SUPERVISION_RESTORED,
        EventCategory.TROUBLE,
        EventCategory.TROUBLE.defaultPriority(true),
        true,
        at,
        "supervision restored: " + account + " heard again",
        List.of());
  }

  /**
   * Same as {@link #occurredAt()}: vp raised the event when it saw the condition.
   *
   * @return the time the event was raised
   */
  @Override
  public Instant receivedAt() {
    return occurredAt;
  }
}
