package io.github.vpsdk.vp.protocols.dc09;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Settings of a {@link Dc09Codec}.
 *
 * @param keys the AES keys by account
 * @param strict refuse every departure from the standard ({@link Dc09DecodeResult.Reason#NON_STANDARD})
 *     instead of accepting what real panels send
 * @param maxFrameLength the longest frame accepted, in bytes, LF to CR (at most 4106: a 4095-byte
 *     body and its header)
 * @param padRandom the source of pad bytes when encrypting (a {@link SecureRandom} by default;
 *     tests give a seeded one)
 */
public record Dc09CodecConfig(Dc09Keys keys, boolean strict, int maxFrameLength, RandomGenerator padRandom) {

  /** The longest frame the length field allows: a 0x0FFF-byte body, LF, CRC, length and CR. */
  public static final int MAX_FRAME_LENGTH = 0x0FFF + 11;

  /** Validates. */
  public Dc09CodecConfig {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(padRandom, "padRandom");
    if (maxFrameLength < 32 || maxFrameLength > MAX_FRAME_LENGTH) {
      throw new IllegalArgumentException("maxFrameLength must be 32 to " + MAX_FRAME_LENGTH);
    }
  }

  /**
   * The defaults: no keys, lenient, frames up to {@link #MAX_FRAME_LENGTH}.
   *
   * @return the default settings
   */
  public static Dc09CodecConfig defaults() {
    return create(b -> {});
  }

  /**
   * Settings built in one expression.
   *
   * @param configure sets the builder's fields
   * @return the settings
   */
  public static Dc09CodecConfig create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /**
   * A builder holding these settings.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.keys = keys;
    b.strict = strict;
    b.maxFrameLength = maxFrameLength;
    b.padRandom = padRandom;
    return b;
  }

  /** Builds {@link Dc09CodecConfig}s. */
  public static final class Builder {
    private Dc09Keys keys = Dc09Keys.none();
    private boolean strict;
    private int maxFrameLength = MAX_FRAME_LENGTH;
    private RandomGenerator padRandom = new SecureRandom();

    private Builder() {}

    /**
     * Sets the keys (default none).
     *
     * @param keys the keys
     * @return this builder
     */
    public Builder keys(Dc09Keys keys) {
      this.keys = keys;
      return this;
    }

    /**
     * Refuses departures from the standard (default lenient).
     *
     * @param strict whether to be strict
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets the longest frame accepted (default {@link #MAX_FRAME_LENGTH}).
     *
     * @param bytes the length
     * @return this builder
     */
    public Builder maxFrameLength(int bytes) {
      this.maxFrameLength = bytes;
      return this;
    }

    /**
     * Sets the source of pad bytes (default a {@link SecureRandom}).
     *
     * @param random the source
     * @return this builder
     */
    public Builder padRandom(RandomGenerator random) {
      this.padRandom = random;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     */
    public Dc09CodecConfig build() {
      return new Dc09CodecConfig(keys, strict, maxFrameLength, padRandom);
    }
  }
}
