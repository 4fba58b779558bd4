package io.github.vpsdk.vp.testkit.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * A set of characters (Unicode code points) that {@link Gens#strings(Alphabet, int, int)} draws
 * from, each with the same probability.
 */
public final class Alphabet {

  /** Printable ASCII: space to tilde ({@code 0x20-0x7E}). */
  public static final Alphabet ASCII_PRINTABLE = range(0x20, 0x7E);

  /** All of ASCII, control characters included ({@code 0x00-0x7F}). */
  public static final Alphabet ASCII = range(0x00, 0x7F);

  /** Decimal digits {@code 0-9}. */
  public static final Alphabet DIGITS = range('0', '9');

  /** Upper-case hexadecimal digits {@code 0-9 A-F}. */
  public static final Alphabet HEX = of("0123456789ABCDEF");

  /** Upper-case ASCII letters {@code A-Z}. */
  public static final Alphabet UPPER = range('A', 'Z');

  /** ISO-8859-1 (Latin-1): every code point from {@code 0x00} to {@code 0xFF}. */
  public static final Alphabet ISO_8859_1 = range(0x00, 0xFF);

  /**
   * Any UTF-16 code unit, {@code 0x0000-0xFFFF}, lone surrogates included: strings drawn from it
   * need not be well-formed Unicode, which is what a decoder of untrusted text must survive.
   */
  public static final Alphabet UTF16 = range(0x0000, 0xFFFF);

  /**
   * Any Unicode scalar value (every code point but the surrogates), supplementary planes included:
   * strings drawn from it are well-formed and may hold characters that take two {@code char}s.
   */
  public static final Alphabet UNICODE = union(range(0x0000, 0xD7FF), range(0xE000, 0x10FFFF));

  /** Code point ranges [lo, hi], inclusive, in pairs. */
  private final int[] ranges;
  /** Cumulative sizes: cumulative[i] = number of code points in ranges 0..i. */
  private final long[] cumulative;

  private Alphabet(int[] ranges) {
    this.ranges = ranges;
    this.cumulative = new long[ranges.length / 2];
    long total = 0;
    for (int i = 0; i < cumulative.length; i++) {
      total += ranges[2 * i + 1] - ranges[2 * i] + 1L;
      cumulative[i] = total;
    }
  }

  /**
   * The characters of a string.
   *
   * @param characters the characters, not empty; duplicates count more than once
   * @return the alphabet
   */
  public static Alphabet of(String characters) {
    if (characters.isEmpty()) {
      throw new IllegalArgumentException("an alphabet needs at least one character");
    }
    return new Alphabet(characters.codePoints().flatMap(c -> IntStream.of(c, c)).toArray());
  }

  /**
   * A range of code points.
   *
   * @param first the first code point
   * @param last the last code point, included
   * @return the alphabet
   */
  public static Alphabet range(int first, int last) {
    if (first < 0 || last > Character.MAX_CODE_POINT || first > last) {
      throw new IllegalArgumentException(
          "invalid code point range " + Integer.toHexString(first) + "-" + Integer.toHexString(last));
    }
    return new Alphabet(new int[] {first, last});
  }

  /**
   * All the characters of several alphabets.
   *
   * @param alphabets the alphabets
   * @return the alphabet
   */
  public static Alphabet union(Alphabet... alphabets) {
    List<Integer> all = new ArrayList<>();
    for (Alphabet a : alphabets) {
      for (int r : a.ranges) {
        all.add(r);
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("an alphabet needs at least one character");
    }
    return new Alphabet(all.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * How many code points the alphabet holds (counting duplicates).
   *
   * @return the size
   */
  public long size() {
    return cumulative[cumulative.length - 1];
  }

  /**
   * Whether a code point is in the alphabet.
   *
   * @param codePoint the code point
   * @return {@code true} if it is
   */
  public boolean contains(int codePoint) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (codePoint >= ranges[i] && codePoint <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Draws one code point.
   *
   * @param random the source of randomness
   * @return a code point of the alphabet
   */
  public int sample(PropertyRandom random) {
    long n = random.nextLong(0, size() - 1);
    int i = 0;
    while (n >= cumulative[i]) {
      i++;
    }
    long before = i == 0 ? 0 : cumulative[i - 1];
    return (int) (ranges[2 * i] + (n - before));
  }

  /**
   * A generator of this alphabet's code points.
   *
   * @return the generator
   */
  public Gen<Integer> codePoints() {
    return this::sample;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Alphabet[");
    for (int i = 0; i < ranges.length && i < 16; i += 2) {
      sb.append(i == 0 ? "" : ",").append(Integer.toHexString(ranges[i]));
      if (ranges[i + 1] != ranges[i]) {
        sb.append('-').append(Integer.toHexString(ranges[i + 1]));
      }
    }
    return sb.append(ranges.length > 16 ? ",...]" : "]").toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Alphabet && Arrays.equals(ranges, ((Alphabet) o).ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ranges);
  }
}
