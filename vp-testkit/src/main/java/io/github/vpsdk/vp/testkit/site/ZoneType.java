package io.github.vpsdk.vp.testkit.site;

/**
 * What a simulated zone detects, and so what its trip and restore report: the SIA DC-03 codes
 * (alarm, restore) and the Contact ID event code. Every type but {@link #BURGLARY} is a 24-hour
 * zone: it reports whether or not its partition is armed.
 */
public enum ZoneType {
  /** Intrusion detector: reports only while its partition is armed. SIA BA/BR, CID 130. */
  BURGLARY("BA", "BR", 130),
  /** Fire detector. SIA FA/FR, CID 110. */
  FIRE("FA", "FR", 110),
  /** Panic button. SIA PA/PR, CID 120. */
  PANIC("PA", "PR", 120),
  /** Medical alarm. SIA MA/MR, CID 100. */
  MEDICAL("MA", "MR", 100),
  /** Water leak. SIA WA/WR, CID 154. */
  WATER("WA", "WR", 154),
  /** Gas detector. SIA GA/GR, CID 151. */
  GAS("GA", "GR", 151),
  /** Tamper loop of a detector. SIA TA/TR, CID 137. */
  TAMPER("TA", "TR", 137);

  private final String siaAlarm;
  private final String siaRestore;
  private final int cid;

  ZoneType(String siaAlarm, String siaRestore, int cid) {
    this.siaAlarm = siaAlarm;
    this.siaRestore = siaRestore;
    this.cid = cid;
  }

  /**
   * The SIA code of a trip.
   *
   * @return such as {@code BA}
   */
  public String siaAlarm() {
    return siaAlarm;
  }

  /**
   * The SIA code of a restore.
   *
   * @return such as {@code BR}
   */
  public String siaRestore() {
    return siaRestore;
  }

  /**
   * The Contact ID event code (qualifier 1 for a trip, 3 for its restore).
   *
   * @return such as 130
   */
  public int contactId() {
    return cid;
  }

  /**
   * Whether the zone reports while its partition is disarmed.
   *
   * @return {@code true} for every type but {@link #BURGLARY}
   */
  public boolean twentyFourHour() {
    return this != BURGLARY;
  }
}
