package io.github.vpsdk.vp.core.journal;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.Incident;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What is written in the journal ("main courante"): one thing that happened in the centre, with
 * who did it, for which site and incident, a text for people and attributes for programs.
 *
 * <p>The {@link #kind()} says what happened. vp's own kinds are the constants of this class
 * ({@value #ALARM_RECEIVED}, {@value #ACKNOWLEDGED}...), made by the static factories; a console
 * adds its own kinds under its own prefix (such as {@code acme.video.snapshot}). Kinds are
 * lower-case words separated by dots.
 *
 * <p>Attributes are kept sorted by name so that a record's JSON form, and so its hash in the
 * journal, does not depend on map iteration order.
 *
 * @param kind what happened
 * @param siteId the site concerned, or {@code null}
 * @param incidentId the incident concerned, or {@code null}
 * @param actor who did it (an operator identifier, {@code system}, a receiver name), or {@code
 *     null}
 * @param text a description for people, possibly empty
 * @param attributes details for programs, sorted by name
 * @param event the alarm event, for {@value #ALARM_RECEIVED} records; {@code null} otherwise
 */
public record JournalRecord(
    String kind,
    @Nullable String siteId,
    @Nullable String incidentId,
    @Nullable String actor,
    String text,
    Map<String, String> attributes,
    @Nullable AlarmEvent event) {

  /** An alarm event was received (and made durable before it was acknowledged). */
  public static final String ALARM_RECEIVED = "alarm.received";
  /** An incident was opened. */
  public static final String INCIDENT_OPENED = "incident.opened";
  /** An operator took an incident. */
  public static final String ACKNOWLEDGED = "incident.acknowledged";
  /** An incident changed state. */
  public static final String INCIDENT_STATE = "incident.state";
  /** An operator did something (viewed a camera, moved a PTZ preset, took a snapshot). */
  public static final String OPERATOR_ACTION = "operator.action";
  /** A call was made (keyholder, site, police, fire brigade). */
  public static final String CALL = "call";
  /** A guard or a public service was dispatched. */
  public static final String DISPATCH = "dispatch";
  /** A comment was written. */
  public static final String COMMENT = "comment";
  /** An incident was closed. */
  public static final String INCIDENT_CLOSED = "incident.closed";
  /** A signed checkpoint of the journal itself. */
  public static final String CHECKPOINT = "journal.checkpoint";

  /** Validates and copies the attributes into a sorted, unmodifiable map. */
  public JournalRecord {
    Objects.requireNonNull(kind, "kind");
    if (!validKind(kind)) {
      throw new IllegalArgumentException("kind must be lower-case words separated by dots: " + kind);
    }
    Objects.requireNonNull(text, "text");
    TreeMap<String, String> sorted = new TreeMap<>();
    attributes.forEach(
        (k, v) -> sorted.put(Objects.requireNonNull(k, "attribute name"), Objects.requireNonNull(v, k)));
    attributes = Collections.unmodifiableMap(sorted);
  }

  /**
   * A record of any kind, without site, incident or actor; add them with the {@code with}
   * methods.
   *
   * @param kind what happened
   * @param text a description for people
   * @return the record
   */
  public static JournalRecord of(String kind, String text) {
    return new JournalRecord(kind, null, null, null, text, Map.of(), null);
  }

  /**
   * An alarm event was received.
   *
   * @param event the event
   * @return the record
   */
  public static JournalRecord alarmReceived(AlarmEvent event) {
    return new JournalRecord(
        ALARM_RECEIVED,
        null,
        null,
        null,
        event.code().text() + (event.restore() ? " restore" : "") + " " + event.category(),
        Map.of(),
        event);
  }

  /**
   * An incident was opened.
   *
   * @param incident the incident just opened
   * @return the record
   */
  public static JournalRecord incidentOpened(Incident incident) {
    return new JournalRecord(
        INCIDENT_OPENED,
        incident.siteId(),
        incident.id(),
        "system",
        "incident opened, priority " + incident.priority(),
        Map.of("priority", incident.priority().name(), "event", incident.events().get(0).id()),
        null);
  }

  /**
   * An operator took an incident.
   *
   * @param incidentId the incident
   * @param operator the operator
   * @return the record
   */
  public static JournalRecord acknowledged(String incidentId, String operator) {
    return new JournalRecord(ACKNOWLEDGED, null, incidentId, operator, "acknowledged", Map.of(), null);
  }

  /**
   * An operator action.
   *
   * @param incidentId the incident, or {@code null}
   * @param operator the operator
   * @param action what was done ("camera.view", "ptz.preset")
   * @param text details for people
   * @return the record
   */
  public static JournalRecord operatorAction(
      @Nullable String incidentId, String operator, String action, String text) {
    return new JournalRecord(
        OPERATOR_ACTION, null, incidentId, operator, text, Map.of("action", action), null);
  }

  /**
   * A call.
   *
   * @param incidentId the incident, or {@code null}
   * @param operator the operator who called
   * @param callee who was called ("keyholder 1: J. Martin", "police")
   * @param outcome what came of it ("answered", "no answer", "voicemail")
   * @return the record
   */
  public static JournalRecord call(
      @Nullable String incidentId, String operator, String callee, String outcome) {
    return new JournalRecord(
        CALL,
        null,
        incidentId,
        operator,
        "called " + callee + ": " + outcome,
        Map.of("callee", callee, "outcome", outcome),
        null);
  }

  /**
   * A dispatch.
   *
   * @param incidentId the incident
   * @param operator the operator
   * @param resource what was sent ("guard", "police", "fire")
   * @param reference the dispatch reference, possibly empty
   * @return the record
   */
  public static JournalRecord dispatch(
      String incidentId, String operator, String resource, String reference) {
    return new JournalRecord(
        DISPATCH,
        null,
        incidentId,
        operator,
        "dispatched " + resource,
        Map.of("resource", resource, "reference", reference),
        null);
  }

  /**
   * A comment.
   *
   * @param incidentId the incident, or {@code null}
   * @param author who wrote it
   * @param text the comment
   * @return the record
   */
  public static JournalRecord comment(@Nullable String incidentId, String author, String text) {
    return new JournalRecord(COMMENT, null, incidentId, author, text, Map.of(), null);
  }

  /**
   * An incident was closed.
   *
   * @param incidentId the incident
   * @param operator who closed it
   * @param resolution how it was resolved
   * @return the record
   */
  public static JournalRecord incidentClosed(String incidentId, String operator, String resolution) {
    return new JournalRecord(INCIDENT_CLOSED, null, incidentId, operator, resolution, Map.of(), null);
  }

  /**
   * This record with a site.
   *
   * @param siteId the site, or {@code null}
   * @return a copy
   */
  public JournalRecord withSite(@Nullable String siteId) {
    return new JournalRecord(kind, siteId, incidentId, actor, text, attributes, event);
  }

  /**
   * This record with an incident.
   *
   * @param incidentId the incident, or {@code null}
   * @return a copy
   */
  public JournalRecord withIncident(@Nullable String incidentId) {
    return new JournalRecord(kind, siteId, incidentId, actor, text, attributes, event);
  }

  /**
   * This record with an actor.
   *
   * @param actor the actor, or {@code null}
   * @return a copy
   */
  public JournalRecord withActor(@Nullable String actor) {
    return new JournalRecord(kind, siteId, incidentId, actor, text, attributes, event);
  }

  /**
   * This record with one more attribute (replacing one of the same name).
   *
   * @param name the attribute name
   * @param value the value
   * @return a copy
   */
  public JournalRecord withAttribute(String name, String value) {
    TreeMap<String, String> more = new TreeMap<>(attributes);
    more.put(name, value);
    return new JournalRecord(kind, siteId, incidentId, actor, text, more, event);
  }

  /**
   * Whether a kind is lower-case words ({@code [a-z0-9_-]+}) separated by single dots, at most
   * 128 characters. Checked by hand: records are built once per journaled event.
   */
  private static boolean validKind(String kind) {
    int n = kind.length();
    if (n == 0 || n > 128 || kind.charAt(0) == '.' || kind.charAt(n - 1) == '.') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = kind.charAt(i);
      if (c == '.') {
        if (kind.charAt(i - 1) == '.') {
          return false;
        }
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
