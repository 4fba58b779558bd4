package io.github.vpsdk.vp.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One step of an incident's history: a change of state, or an event joining it (then {@code from
 * == to}).
 *
 * @param at when it happened
 * @param from the state before, or {@code null} for the opening step
 * @param to the state after
 * @param actor who did it: an operator identifier, or {@code system}
 * @param note what happened, for the journal and the audit
 */
public record IncidentTransition(
    Instant at, @Nullable IncidentState from, IncidentState to, String actor, String note) {
  /** Validates. */
  public IncidentTransition {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(to, "to");
    EventChecks.requireText(actor, "actor", 128);
    Objects.requireNonNull(note, "note");
  }
}
