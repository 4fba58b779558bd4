package io.github.vpsdk.vp.core;

/**
 * How urgently an operator must take an event, most urgent first. {@link #compareTo} orders
 * {@code CRITICAL} before {@code INFO}, so sorting a queue of events by priority puts the most
 * urgent at its head.
 */
public enum Priority {
  /** Life at risk: fire, panic, duress, medical. Taken before anything else. */
  CRITICAL,
  /** Property at risk: intrusion, tamper. */
  HIGH,
  /** Needs action, not at once: technical alarms, troubles, lost supervision. */
  MEDIUM,
  /** Recorded and shown, action only if a procedure says so: opening/closing, bypass, restores. */
  LOW,
  /** Information only: tests, status. */
  INFO;

  /**
   * Whether this priority is more urgent than another.
   *
   * @param other the priority to compare with
   * @return {@code true} if this is strictly more urgent
   */
  public boolean isMoreUrgentThan(Priority other) {
    return compareTo(other) < 0;
  }
}
