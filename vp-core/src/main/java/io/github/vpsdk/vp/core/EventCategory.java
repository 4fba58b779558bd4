package io.github.vpsdk.vp.core;

/**
 * What an alarm event is about, normalised across protocols. Whether the event is the alarm itself
 * or its restore is carried separately ({@link AlarmEvent#restore()}), so every category has a
 * restore form: a burglary restore is {@code INTRUSION} with {@code restore == true}.
 *
 * <p>The order of the constants is stable and is not a priority order; see {@link Priority}.
 */
public enum EventCategory {
  /** Burglary or intrusion: a detection zone tripped while armed (SIA BA, Contact ID 130-139). */
  INTRUSION,
  /** Fire, smoke or heat (SIA FA, Contact ID 110-119). */
  FIRE,
  /** Panic, hold-up or duress: a person asks for help, possibly under threat (SIA PA/HA, CID 120-129). */
  PANIC,
  /** Medical or personal emergency (SIA MA, Contact ID 100-109). */
  MEDICAL,
  /** Technical alarms of the premises: water, gas, CO, temperature, freezer, pump (SIA WA/GA, CID 150-162). */
  TECHNICAL,
  /** Tamper of the panel, a detector, a siren or a user code (SIA TA, Contact ID 137, 144, 383). */
  TAMPER,
  /**
   * Supervision and trouble: mains or battery fault, communication path down, lost supervision of
   * a panel or a device, sensor trouble (SIA AT/YT/YC, Contact ID 300-399).
   */
  TROUBLE,
  /** Opening or closing: disarming and arming, by a user or automatically (SIA OP/CL, CID 400-409). */
  OPENING_CLOSING,
  /** Zone bypass or unbypass (SIA BB/BU, Contact ID 570-579). */
  BYPASS,
  /** Test reports: periodic or manual test, link test (SIA RP/RX, Contact ID 601-609). */
  TEST,
  /** Access control events (door forced, held open, access denied). */
  ACCESS,
  /**
   * Status and information that needs no action on its own: cancel, programming, listen-in,
   * event-log notices, receiver-side notices.
   */
  STATUS,
  /** A code the catalogue does not know. The original code is kept on the event. */
  UNKNOWN;

  /**
   * The priority an event of this category gets when nothing more specific is configured.
   *
   * @param restore whether the event is a restore
   * @return the default priority
   */
  public Priority defaultPriority(boolean restore) {
    if (restore) {
      return Priority.LOW;
    }
    switch (this) {
      case FIRE:
      case PANIC:
      case MEDICAL:
        return Priority.CRITICAL;
      case INTRUSION:
      case TAMPER:
        return Priority.HIGH;
      case TECHNICAL:
      case TROUBLE:
      case ACCESS:
      case UNKNOWN:
        return Priority.MEDIUM;
      case OPENING_CLOSING:
      case BYPASS:
        return Priority.LOW;
      case TEST:
      case STATUS:
      default:
        return Priority.INFO;
    }
  }
}
