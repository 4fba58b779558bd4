package io.github.vpsdk.vp.protocols.oh;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a receiver answers: {@code ACK\r} or {@code NACK\r} (3DES-encrypted with zero padding when
 * the panel's packet was zero-padded, which is the normal case; {@code ACK\r\n} and {@code
 * NACK\r\n} in clear otherwise), or {@code ID} and 8 hexadecimal digits, always encrypted, which
 * gives the panel its identifier and comes before the {@code ACK} of the same heartbeat.
 *
 * @param kind what the answer is
 * @param encrypted whether it is sent encrypted (always for {@link Kind#PANEL_ID})
 * @param panelId the identifier given ({@link Kind#PANEL_ID} only), else {@code null}
 */
public record OhReply(Kind kind, boolean encrypted, @Nullable Long panelId) implements OhMessage {

  /** The kinds of answer. */
  public enum Kind {
    /** The message was received (and stored). */
    ACK,
    /** The message was refused: the panel sends it again. */
    NACK,
    /** The receiver gives the panel an identifier. */
    PANEL_ID
  }

  /** Validates. */
  public OhReply {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.PANEL_ID) != (panelId != null)) {
      throw new IllegalArgumentException("a panel identifier goes with PANEL_ID only");
    }
    if (kind == Kind.PANEL_ID && !encrypted) {
      throw new IllegalArgumentException("a panel identifier is always sent encrypted");
    }
    if (panelId != null && (panelId < 0 || panelId > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("a panel identifier is 32 bits");
    }
  }

  /**
   * An acknowledgement.
   *
   * @param encrypted whether to encrypt it
   * @return the reply
   */
  public static OhReply ack(boolean encrypted) {
    return new OhReply(Kind.ACK, encrypted, null);
  }

  /**
   * A refusal.
   *
   * @param encrypted whether to encrypt it
   * @return the reply
   */
  public static OhReply nack(boolean encrypted) {
    return new OhReply(Kind.NACK, encrypted, null);
  }

  /**
   * An identifier for the panel.
   *
   * @param id the identifier, 32 bits
   * @return the reply
   */
  public static OhReply panelId(long id) {
    return new OhReply(Kind.PANEL_ID, true, id);
  }
}
