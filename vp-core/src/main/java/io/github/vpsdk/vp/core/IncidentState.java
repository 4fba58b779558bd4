package io.github.vpsdk.vp.core;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an incident stands in its handling. The allowed moves are given by {@link
 * #canMoveTo(IncidentState)}: forward through the handling, back to doubt removal when new
 * information comes, and to {@link #CLOSED} from anywhere but {@link #CLOSED}. A closed incident
 * stays closed; a new alarm opens a new incident.
 */
public enum IncidentState {
  /** Raised, not yet taken by an operator. */
  OPEN,
  /** Taken by an operator. */
  ACKNOWLEDGED,
  /** The operator removes the doubt: cameras, presets, snapshots, a call to the site. */
  VERIFYING,
  /** A guard, the police or the fire brigade has been sent. */
  DISPATCHED,
  /** Handled; waiting for the panel to report the restore before closing. */
  AWAITING_RESTORE,
  /** Closed with a resolution. Final. */
  CLOSED;

  /**
   * Whether an incident in this state may move to another.
   *
   * @param next the target state
   * @return {@code true} if the move is allowed
   */
  public boolean canMoveTo(IncidentState next) {
    return allowedNext().contains(next);
  }

  /**
   * The states this one may move to.
   *
   * @return the allowed targets
   */
  public Set<IncidentState> allowedNext() {
    switch (this) {
      case OPEN:
        return EnumSet.of(ACKNOWLEDGED, CLOSED);
      case ACKNOWLEDGED:
        return EnumSet.of(VERIFYING, DISPATCHED, AWAITING_RESTORE, CLOSED);
      case VERIFYING:
        return EnumSet.of(DISPATCHED, AWAITING_RESTORE, CLOSED);
      case DISPATCHED:
      case AWAITING_RESTORE:
        return EnumSet.of(VERIFYING, DISPATCHED, AWAITING_RESTORE, CLOSED);
      case CLOSED:
      default:
        return EnumSet.noneOf(IncidentState.class);
    }
  }
}
