package io.github.vpsdk.vp.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One or more correlated alarm events on a site, handled together by an operator: what a console
 * shows as one line of its alarm queue. The procedure engine ({@code vp-procedures}) drives
 * incidents; this type holds their state and history and enforces the allowed moves.
 *
 * <p>Immutable: every change returns a new incident with one more {@link IncidentTransition} in
 * its history. Times come from the {@link Clock} given to each call.
 *
 * <p>The incident's priority is the most urgent of its events' priorities; it never goes down
 * when a less urgent event joins.
 *
 * @param id the incident identifier
 * @param siteId the site
 * @param state the current state
 * @param priority the most urgent priority of its events
 * @param openedAt when it was opened
 * @param closedAt when it was closed, or {@code null} while open
 * @param events the events, in the order they joined
 * @param history the steps, oldest first
 * @param resolution how it was resolved, empty while open
 */
public record Incident(
    String id,
    String siteId,
    IncidentState state,
    Priority priority,
    Instant openedAt,
    @Nullable Instant closedAt,
    List<AlarmEvent> events,
    List<IncidentTransition> history,
    String resolution) {

  /** Validates and copies the lists. */
  public Incident {
    EventChecks.requireId(id);
    EventChecks.requireText(siteId, "siteId", 128);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(openedAt, "openedAt");
    events = List.copyOf(events);
    history = List.copyOf(history);
    Objects.requireNonNull(resolution, "resolution");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an incident has at least one event");
    }
    if ((state == IncidentState.CLOSED) != (closedAt != null)) {
      throw new IllegalArgumentException("closedAt is set exactly when the state is CLOSED");
    }
  }

  /**
   * Opens an incident for a first event.
   *
   * @param id the incident identifier
   * @param siteId the site
   * @param first the event that opens it
   * @param clock the clock giving the opening time
   * @return the open incident
   */
  public static Incident open(String id, String siteId, AlarmEvent first, Clock clock) {
    Instant now = clock.instant();
    IncidentTransition opened =
        new IncidentTransition(now, null, IncidentState.OPEN, "system", "opened by " + describe(first));
    return new Incident(
        id, siteId, IncidentState.OPEN, first.priority(), now, null, List.of(first), List.of(opened), "");
  }

  /**
   * Adds a correlated event: a second zone, the restore, a later report of the same condition.
   *
   * @param event the event
   * @param clock the clock giving the time of the step
   * @return the incident with the event
   * @throws VpException with {@link VpException.Reason#INVALID_STATE} if the incident is closed
   */
  public Incident withEvent(AlarmEvent event, Clock clock) {
    requireNotClosed("add an event to");
    List<AlarmEvent> more = new ArrayList<>(events);
    more.add(event);
    Priority p = event.priority().isMoreUrgentThan(priority) ? event.priority() : priority;
    return new Incident(
        id,
        siteId,
        state,
        p,
        openedAt,
        null,
        more,
        append(new IncidentTransition(clock.instant(), state, state, "system", "event " + describe(event))),
        resolution);
  }

  /**
   * Moves the incident to another state.
   *
   * @param next the target state; use {@link #close} to close
   * @param actor who moves it
   * @param note why, for the journal
   * @param clock the clock giving the time of the step
   * @return the moved incident
   * @throws VpException with {@link VpException.Reason#INVALID_STATE} if the move is not allowed
   */
  public Incident moveTo(IncidentState next, String actor, String note, Clock clock) {
    if (next == IncidentState.CLOSED) {
      return close(actor, note, clock);
    }
    checkMove(next);
    return new Incident(
        id,
        siteId,
        next,
        priority,
        openedAt,
        null,
        events,
        append(new IncidentTransition(clock.instant(), state, next, actor, note)),
        resolution);
  }

  /**
   * Closes the incident.
   *
   * @param actor who closes it
   * @param resolution how it was resolved ("false alarm: cleaner", "intrusion, police on site")
   * @param clock the clock giving the closing time
   * @return the closed incident
   * @throws VpException with {@link VpException.Reason#INVALID_STATE} if it is already closed
   */
  public Incident close(String actor, String resolution, Clock clock) {
    checkMove(IncidentState.CLOSED);
    Instant now = clock.instant();
    return new Incident(
        id,
        siteId,
        IncidentState.CLOSED,
        priority,
        openedAt,
        now,
        events,
        append(new IncidentTransition(now, state, IncidentState.CLOSED, actor, resolution)),
        resolution);
  }

  /**
   * The alarms of this incident whose restore has not been received: for each alarm (not a
   * restore) of a category that restores (not opening/closing, bypass, test, status), whether a
   * later restore of the same account, category, partition and zone joined the incident.
   *
   * @return the alarms still waiting for their restore, in order
   */
  public List<AlarmEvent> awaitingRestore() {
    List<AlarmEvent> waiting = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      AlarmEvent alarm = events.get(i);
      if (alarm.restore() || !restores(alarm.category())) {
        continue;
      }
      boolean restored = false;
      for (int j = i + 1; j < events.size() && !restored; j++) {
        AlarmEvent later = events.get(j);
        restored = later.restore() && sameCondition(alarm, later);
      }
      if (!restored) {
        waiting.add(alarm);
      }
    }
    return List.copyOf(waiting);
  }

  /**
   * Whether the incident is closed.
   *
   * @return {@code true} if closed
   */
  public boolean isClosed() {
    return state == IncidentState.CLOSED;
  }

  private static boolean restores(EventCategory category) {
    switch (category) {
      case OPENING_CLOSING:
      case BYPASS:
      case TEST:
      case STATUS:
        return false;
      default:
        return true;
    }
  }

  private static boolean sameCondition(AlarmEvent a, AlarmEvent b) {
    if (a.category() != b.category() || !Objects.equals(a.account(), b.account())) {
      return false;
    }
    if (a instanceof PanelEvent && b instanceof PanelEvent) {
      PanelEvent pa = (PanelEvent) a;
      PanelEvent pb = (PanelEvent) b;
      return Objects.equals(pa.zone(), pb.zone()) && Objects.equals(pa.partition(), pb.partition());
    }
    return a.getClass() == b.getClass();
  }

  private void checkMove(IncidentState next) {
    requireNotClosed("move");
    if (!state.canMoveTo(next)) {
      throw new VpException(
          VpException.Reason.INVALID_STATE,
          "incident " + id + " cannot move from " + state + " to " + next);
    }
  }

  private void requireNotClosed(String what) {
    if (state == IncidentState.CLOSED) {
      throw new VpException(
          VpException.Reason.INVALID_STATE, "cannot " + what + " closed incident " + id);
    }
  }

  private List<IncidentTransition> append(IncidentTransition step) {
    List<IncidentTransition> steps = new ArrayList<>(history);
    steps.add(step);
    return steps;
  }

  private static String describe(AlarmEvent event) {
    return event.code().text() + (event.restore() ? " (restore)" : "") + " " + event.id();
  }
}
