package io.github.vpsdk.vp.testkit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generators of damaged inputs for byte-oriented codecs: start from valid frames and apply one to
 * {@link #MAX_STACKED} {@link Mutation mutations} in a row (bit flips, changed, inserted, deleted
 * and duplicated bytes, truncation, splices with another valid input, and the bytes that delimit
 * alarm protocol frames).
 *
 * <p>Every generated array differs from the valid input it came from, and is at most {@link
 * #maxLength(int) maxLength(input.length)} bytes long, so a test can bound the work a decoder
 * does.
 *
 * <pre>{@code
 * @Property(tries = 1000)
 * void damagedFramesAreNakedNotThrown(PropertyRandom random) {
 *   byte[] frame = Mutations.of(VALID_FRAMES).sample(random);
 *   assertThat(Dc09Codec.decode(ByteBuffer.wrap(frame))).isNotNull();
 * }
 * }</pre>
 */
public final class Mutations {

  /**
   * Bytes that frame or delimit alarm protocol messages, inserted by {@link
   * Mutation#INSERT_SPECIAL}: LF, CR, {@code |}, {@code "}, NUL, 0xFF, {@code [}, {@code ]},
   * {@code #}, {@code ^}, DC4 (0x14, Surgard terminator), ACK (0x06) and NAK (0x15).
   */
  public static final List<Byte> SPECIAL_BYTES =
      List.of(
          (byte) '\n', (byte) '\r', (byte) '|', (byte) '"', (byte) 0x00, (byte) 0xFF, (byte) '[',
          (byte) ']', (byte) '#', (byte) '^', (byte) 0x14, (byte) 0x06, (byte) 0x15);

  /** The most mutations stacked on one input. */
  public static final int MAX_STACKED = 4;

  private static final List<Mutation> ALL = List.of(Mutation.values());

  private Mutations() {}

  /**
   * The longest array generated from inputs of some length: each stacked mutation but a splice
   * adds at most {@link Mutation#MAX_RANGE} bytes, and longer results (splices) are cut to this
   * length.
   *
   * @param inputLength the length of the valid input, or of the longest of several
   * @return the bound
   */
  public static int maxLength(int inputLength) {
    return Math.max(inputLength, 1) + MAX_STACKED * Mutation.MAX_RANGE;
  }

  /**
   * Mutations of one valid input.
   *
   * @param valid the valid input; copied
   * @return a generator of new arrays, each different from {@code valid}
   */
  public static Gen<byte[]> of(byte[] valid) {
    return of(List.of(valid));
  }

  /**
   * Mutations of valid inputs from a list, spliced with each other now and then.
   *
   * @param valid the valid inputs, at least one; copied
   * @return a generator of new arrays, each different from the input it was derived from
   */
  public static Gen<byte[]> of(List<byte[]> valid) {
    List<byte[]> corpus = new ArrayList<>();
    for (byte[] v : valid) {
      corpus.add(Objects.requireNonNull(v, "valid input").clone());
    }
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("no valid input to mutate");
    }
    int longest = corpus.stream().mapToInt(b -> b.length).max().orElse(0);
    int max = maxLength(longest);
    return random -> mutate(random.pick(corpus), random.pick(corpus), max, random);
  }

  /**
   * Mutations of the values of a generator of valid inputs.
   *
   * @param valid generates valid inputs
   * @param maxInputLength the longest input {@code valid} generates; longer results are truncated
   *     to {@link #maxLength(int) maxLength(maxInputLength)}
   * @return a generator of new arrays, each different from the valid input it was derived from
   */
  public static Gen<byte[]> of(Gen<byte[]> valid, int maxInputLength) {
    Objects.requireNonNull(valid, "valid");
    int max = maxLength(maxInputLength);
    return random -> {
      byte[] input = valid.sample(random);
      byte[] donor = valid.sample(random);
      return mutate(input, donor, max, random);
    };
  }

  /**
   * Applies one to {@link #MAX_STACKED} random mutations to an input.
   *
   * @param input the input; not modified
   * @param donor the input to splice with (may be {@code input} itself)
   * @param maxLength the longest result allowed
   * @param random the source of randomness
   * @return a new array that differs from {@code input} and is at most {@code maxLength} long
   */
  public static byte[] mutate(byte[] input, byte[] donor, int maxLength, PropertyRandom random) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
    }
    for (int attempt = 0; attempt < 8; attempt++) {
      byte[] out = input;
      int count = random.nextInt(1, MAX_STACKED);
      for (int i = 0; i < count; i++) {
        out = random.pick(ALL).apply(out, donor, random);
        if (out.length > maxLength) {
          out = Arrays.copyOf(out, maxLength);
        }
      }
      if (!Arrays.equals(out, input)) {
        return out;
      }
    }
    // stacked mutations undid each other eight times in a row: a single bit flip always differs
    byte[] out = Mutation.FLIP_BIT.apply(input, donor, random);
    return out.length > maxLength ? Arrays.copyOf(out, maxLength) : out;
  }
}
