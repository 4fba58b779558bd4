package io.github.vpsdk.vp.protocols.oh;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A heartbeat (supervision poll) of an OH panel, in one of two layouts:
 *
 * <pre>{@code
 * version 1 (firmware up to 1.93):  SR<rcvr>L<line>    <account>XX    <NUL>
 * version 2 and later:              SR<rcvr>L<line>    <account>XX    <NUL>[ID<panel id>]<NUL>
 * }</pre>
 *
 * <p>with the receiver as 4 and the line as 4 or 5 hexadecimal digits, the system account as 6
 * hexadecimal digits, the panel identifier as 8 hexadecimal digits in clear ({@code 00000000} when
 * the panel has none yet), and optionally {@code T} and the Unix time in 8 hexadecimal digits
 * after the {@code ]}. The receiver answers a version-2 heartbeat whose identifier it does not
 * expect with {@link OhReply#panelId}.
 *
 * @param receiver the receiver field as written
 * @param line the line field as written
 * @param systemAccount the system account as written
 * @param panelId the panel identifier (version 2), or {@code null} (version 1)
 * @param timestamp the panel time, or {@code null}
 */
public record OhHeartbeat(
    String receiver, String line, String systemAccount, @Nullable Long panelId, @Nullable Instant timestamp)
    implements OhMessage {

  /** Validates. */
  public OhHeartbeat {
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(systemAccount, "systemAccount");
    if (!OhEvent.alnum(receiver, 1, 8) || !OhEvent.alnum(line, 1, 8) || !OhEvent.alnum(systemAccount, 1, 16)
        || systemAccount.contains("XX")) {
      throw new IllegalArgumentException("receiver, line and account are letters or digits");
    }
    if (panelId != null && (panelId < 0 || panelId > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("a panel identifier is 32 bits");
    }
    if (timestamp != null && (timestamp.getEpochSecond() < 0 || timestamp.getEpochSecond() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("an OH timestamp is 32-bit Unix time");
    }
    if (timestamp != null && panelId == null) {
      throw new IllegalArgumentException("only a version-2 heartbeat carries a time");
    }
  }

  /**
   * A heartbeat the way panels write it.
   *
   * @param receiver the receiver number (4 hexadecimal digits)
   * @param line the line number (4 hexadecimal digits)
   * @param systemAccount the system account number (6 hexadecimal digits)
   * @param panelId the panel identifier (0 when none was assigned yet), or {@code null} for
   *     version 1
   * @return the heartbeat
   */
  public static OhHeartbeat of(int receiver, int line, int systemAccount, @Nullable Long panelId) {
    if (systemAccount < 0 || systemAccount > 0xFFFFFF) {
      throw new IllegalArgumentException("a system account is 6 hexadecimal digits");
    }
    return new OhHeartbeat(OhEvent.hex4(receiver), OhEvent.hex4(line),
        String.format(java.util.Locale.ROOT, "%06X", systemAccount), panelId, null);
  }

  /**
   * The layout version: 1 without, 2 with a panel identifier.
   *
   * @return 1 or 2
   */
  public int version() {
    return panelId == null ? 1 : 2;
  }
}
