package io.github.vpsdk.vp.protocols.receiver;

import io.github.vpsdk.vp.protocols.oh.OhCodec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an {@link OsborneHoffmanReceiver} needs beyond the {@link ReceiverConfig} it shares with
 * {@link Dc09Receiver}. Build with {@link #create(Consumer)}; every field has a default.
 *
 * @param panelIds where given panel identifiers are kept (default {@link PanelIdStore#inMemory()})
 * @param substitution what to do when a panel reports another identifier than the one it was
 *     given (default {@link Substitution#ALARM})
 * @param random the source of session keys and panel identifiers (default a new {@link
 *     SecureRandom})
 * @param maxPacket the longest panel packet accepted, in bytes (default {@link
 *     OhCodec#DEFAULT_MAX_PACKET}); a longer one ends the connection
 * @param packetTimeout how long the start of a packet may wait for its end before it is refused
 *     with {@code NACK} and dropped (default 3 s): a panel writes a packet at once, so bytes that
 *     never end a packet are damage or a packet encrypted with another key
 */
public record OhReceiverOptions(
    PanelIdStore panelIds, Substitution substitution, SecureRandom random, int maxPacket, Duration packetTimeout) {

  /** What the receiver does about a substituted panel. */
  public enum Substitution {
    /**
     * Delivers a SIA {@code AA} event ("panel substitution") to the sink, at most once per panel
     * and duplicate window, then goes on acknowledging and delivering the panel's messages, and
     * keeps the identifier it gave. The operator decides; {@link PanelIdStore#remove} accepts the
     * new panel.
     */
    ALARM,
    /** Delivers the {@code AA} event, then refuses ({@code NACK}) and closes the connection. */
    REFUSE,
    /**
     * No alarm: gives the panel its stored identifier again ({@code ID} reply), as
     * python-osbornehoffman does. For sites that replace panels routinely.
     */
    REASSIGN
  }

  /** Validates. */
  public OhReceiverOptions {
    Objects.requireNonNull(panelIds, "panelIds");
    Objects.requireNonNull(substitution, "substitution");
    Objects.requireNonNull(random, "random");
    if (maxPacket < 64 || maxPacket > 65_536) {
      throw new IllegalArgumentException("maxPacket must be 64 to 65536 bytes");
    }
    if (packetTimeout.isNegative() || packetTimeout.isZero()) {
      throw new IllegalArgumentException("packetTimeout must be positive");
    }
  }

  /**
   * The defaults.
   *
   * @return options with every default
   */
  public static OhReceiverOptions defaults() {
    return create(b -> {});
  }

  /**
   * Options built in one expression.
   *
   * @param configure sets the builder's fields
   * @return the options
   */
  public static OhReceiverOptions create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /** Builds {@link OhReceiverOptions}. */
  public static final class Builder {
    private PanelIdStore panelIds = PanelIdStore.inMemory();
    private Substitution substitution = Substitution.ALARM;
    private SecureRandom random = new SecureRandom();
    private int maxPacket = OhCodec.DEFAULT_MAX_PACKET;
    private Duration packetTimeout = Duration.ofSeconds(3);

    private Builder() {}

    /**
     * Sets the panel identifier store.
     *
     * @param store the store
     * @return this builder
     */
    public Builder panelIds(PanelIdStore store) {
      this.panelIds = store;
      return this;
    }

    /**
     * Sets the substitution policy.
     *
     * @param action what to do
     * @return this builder
     */
    public Builder substitution(Substitution action) {
      this.substitution = action;
      return this;
    }

    /**
     * Sets the source of randomness.
     *
     * @param random the source
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = random;
      return this;
    }

    /**
     * Sets the longest packet.
     *
     * @param bytes 64 to 65536
     * @return this builder
     */
    public Builder maxPacket(int bytes) {
      this.maxPacket = bytes;
      return this;
    }

    /**
     * Sets how long an incomplete packet may wait.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder packetTimeout(Duration timeout) {
      this.packetTimeout = timeout;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public OhReceiverOptions build() {
      return new OhReceiverOptions(panelIds, substitution, random, maxPacket, packetTimeout);
    }
  }
}
