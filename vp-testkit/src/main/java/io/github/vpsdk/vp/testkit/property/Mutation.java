package io.github.vpsdk.vp.testkit.property;

import java.util.Arrays;

/**
 * One way of damaging a byte sequence, as a fuzzer does: applied to a valid frame, it gives an
 * almost-valid one that exercises a decoder's error paths. Each mutation of a non-empty input
 * returns a new array that differs from the input, except {@link #SPLICE}, which may not (see
 * there); {@link Mutations} guarantees the difference for what it generates.
 */
public enum Mutation {
  /** Flips one bit. */
  FLIP_BIT,
  /** Replaces one byte by another value. */
  CHANGE_BYTE,
  /** Inserts 1 to 16 random bytes at a random place. */
  INSERT_RANDOM,
  /**
   * Inserts one of the {@link Mutations#SPECIAL_BYTES bytes that frame protocols} (LF, CR,
   * {@code |}, {@code "}, NUL, 0xFF...) at a random place, once or repeated up to 4 times.
   */
  INSERT_SPECIAL,
  /** Deletes a range of 1 to 16 bytes. */
  DELETE_RANGE,
  /** Repeats a range of 1 to 16 bytes right after itself. */
  DUPLICATE_RANGE,
  /** Cuts the end off, keeping 0 to length - 1 bytes. */
  TRUNCATE,
  /**
   * Joins a prefix of the input to a suffix of a donor (another valid input). The result equals
   * the input when the donor shares its bytes around the cut.
   */
  SPLICE;

  /** The most bytes one insertion, deletion or duplication adds or removes. */
  public static final int MAX_RANGE = 16;

  /**
   * Applies this mutation. An empty input becomes one random byte, whatever the mutation.
   *
   * @param input the bytes to mutate; not modified
   * @param donor the other input {@link #SPLICE} takes its suffix from; ignored by the others
   * @param random the source of randomness
   * @return a new array
   */
  public byte[] apply(byte[] input, byte[] donor, PropertyRandom random) {
    int n = input.length;
    if (n == 0) {
      return random.nextBytes(1);
    }
    switch (this) {
      case FLIP_BIT:
        {
          byte[] out = input.clone();
          int i = random.nextInt(n);
          out[i] ^= (byte) (1 << random.nextInt(8));
          return out;
        }
      case CHANGE_BYTE:
        {
          byte[] out = input.clone();
          int i = random.nextInt(n);
          out[i] ^= (byte) random.nextInt(1, 255);
          return out;
        }
      case INSERT_RANDOM:
        return insert(input, random.nextInt(n + 1), random.nextBytes(random.nextInt(1, MAX_RANGE)));
      case INSERT_SPECIAL:
        {
          byte b = Mutations.SPECIAL_BYTES.get(random.nextInt(Mutations.SPECIAL_BYTES.size()));
          byte[] run = new byte[random.chance(0.75) ? 1 : random.nextInt(2, 4)];
          Arrays.fill(run, b);
          return insert(input, random.nextInt(n + 1), run);
        }
      case DELETE_RANGE:
        {
          int len = random.nextInt(1, Math.min(n, MAX_RANGE));
          int from = random.nextInt(0, n - len);
          byte[] out = new byte[n - len];
          System.arraycopy(input, 0, out, 0, from);
          System.arraycopy(input, from + len, out, from, n - from - len);
          return out;
        }
      case DUPLICATE_RANGE:
        {
          int len = random.nextInt(1, Math.min(n, MAX_RANGE));
          int from = random.nextInt(0, n - len);
          return insert(input, from + len, Arrays.copyOfRange(input, from, from + len));
        }
      case TRUNCATE:
        return Arrays.copyOf(input, random.nextInt(0, n - 1));
      case SPLICE:
      default:
        {
          int cut = random.nextInt(0, n);
          int donorCut = donor.length == 0 ? 0 : random.nextInt(0, donor.length);
          byte[] out = new byte[cut + donor.length - donorCut];
          System.arraycopy(input, 0, out, 0, cut);
          System.arraycopy(donor, donorCut, out, cut, donor.length - donorCut);
          return out;
        }
    }
  }

  private static byte[] insert(byte[] input, int at, byte[] bytes) {
    byte[] out = new byte[input.length + bytes.length];
    System.arraycopy(input, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(input, at, out, at + bytes.length, input.length - at);
    return out;
  }
}
