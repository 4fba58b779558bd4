package io.github.vpsdk.vp.testkit.property;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Factories of the usual {@link Gen generators}: numbers, booleans, bytes, strings, elements,
 * times, and choices between generators.
 *
 * <p>Number and size generators are biased towards the ends of their range: about one value in
 * eight is the minimum or the maximum (or zero, for numbers when the range holds it), because
 * that is where the bugs are. The rest is uniform.
 */
public final class Gens {
  private static final int EDGE_ONE_IN = 8;

  private Gens() {}

  /**
   * A generator that always gives the same value.
   *
   * @param value the value
   * @param <T> its type
   * @return the generator
   */
  public static <T extends @Nullable Object> Gen<T> constant(T value) {
    return random -> value;
  }

  /**
   * Ints in a range, both ends included, biased towards the ends and zero.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   */
  public static Gen<Integer> ints(int min, int max) {
    Gen<Long> longs = longs(min, max);
    return random -> (int) (long) longs.sample(random);
  }

  /**
   * Longs in a range, both ends included, biased towards the ends and zero.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the generator
   */
  public static Gen<Long> longs(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is greater than max " + max);
    }
    long[] edges = min <= 0 && max >= 0 ? new long[] {min, max, 0} : new long[] {min, max};
    return random -> {
      if (random.nextInt(EDGE_ONE_IN) == 0) {
        return edges[random.nextInt(edges.length)];
      }
      return random.nextLong(min, max);
    };
  }

  /**
   * Sizes for collections, arrays and strings: ints in {@code [min, max]}, biased towards both
   * ends but not towards zero.
   *
   * @param min the smallest size, at least 0
   * @param max the largest size
   * @return the generator
   */
  public static Gen<Integer> sizes(int min, int max) {
    if (min < 0 || min > max) {
      throw new IllegalArgumentException("invalid size range " + min + ".." + max);
    }
    return random -> {
      if (random.nextInt(EDGE_ONE_IN) == 0) {
        return random.nextBoolean() ? min : max;
      }
      return random.nextInt(min, max);
    };
  }

  /**
   * Fair booleans.
   *
   * @return the generator
   */
  public static Gen<Boolean> booleans() {
    return PropertyRandom::nextBoolean;
  }

  /**
   * Doubles uniformly spread in {@code [min, max)}.
   *
   * @param min the smallest value
   * @param max the bound, excluded; greater than {@code min}
   * @return the generator
   */
  public static Gen<Double> doubles(double min, double max) {
    if (!(min < max) || Double.isInfinite(max - min)) {
      throw new IllegalArgumentException("invalid range " + min + ".." + max);
    }
    return random -> {
      double d = min + random.nextDouble() * (max - min);
      return d < max ? d : min; // rounding can reach max
    };
  }

  /**
   * Arrays of random bytes.
   *
   * @param minLength the shortest length, at least 0
   * @param maxLength the longest length
   * @return the generator; every array is new
   */
  public static Gen<byte[]> bytes(int minLength, int maxLength) {
    Gen<Integer> sizes = sizes(minLength, maxLength);
    return random -> random.nextBytes(sizes.sample(random));
  }

  /**
   * Strings of characters from an alphabet.
   *
   * @param alphabet the alphabet
   * @param minLength the fewest characters (code points), at least 0
   * @param maxLength the most characters (code points); a string of supplementary characters has
   *     up to twice as many {@code char}s
   * @return the generator
   */
  public static Gen<String> strings(Alphabet alphabet, int minLength, int maxLength) {
    Objects.requireNonNull(alphabet, "alphabet");
    Gen<Integer> sizes = sizes(minLength, maxLength);
    return random -> {
      int size = sizes.sample(random);
      StringBuilder sb = new StringBuilder(size);
      for (int i = 0; i < size; i++) {
        sb.appendCodePoint(alphabet.sample(random));
      }
      return sb.toString();
    };
  }

  /**
   * Strings of printable ASCII.
   *
   * @param minLength the fewest characters
   * @param maxLength the most characters
   * @return the generator
   */
  public static Gen<String> asciiStrings(int minLength, int maxLength) {
    return strings(Alphabet.ASCII_PRINTABLE, minLength, maxLength);
  }

  /**
   * Uniformly chosen elements of a collection (copied when this is called).
   *
   * @param elements the elements, not empty
   * @param <T> their type
   * @return the generator
   */
  public static <T> Gen<T> elements(Collection<? extends T> elements) {
    List<T> copy = List.copyOf(elements);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no elements to choose from");
    }
    return random -> random.pick(copy);
  }

  /**
   * Uniformly chosen elements.
   *
   * @param elements the elements, at least one
   * @param <T> their type
   * @return the generator
   */
  @SafeVarargs
  public static <T> Gen<T> elements(T... elements) {
    List<T> list = new ArrayList<>(elements.length);
    for (T e : elements) {
      list.add(e);
    }
    return elements(list);
  }

  /**
   * Uniformly chosen constants of an enum.
   *
   * @param type the enum class
   * @param <E> the enum type
   * @return the generator
   */
  public static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
    return elements(Arrays.asList(type.getEnumConstants()));
  }

  /**
   * A value from one of several generators, each chosen with the same probability.
   *
   * @param gens the generators, at least one
   * @param <T> the type of values
   * @return the generator
   */
  @SafeVarargs
  public static <T extends @Nullable Object> Gen<T> oneOf(Gen<? extends T>... gens) {
    List<Gen<? extends T>> list = new ArrayList<>(gens.length);
    for (Gen<? extends T> g : gens) {
      list.add(g);
    }
    return oneOf(list);
  }

  /**
   * A value from one of several generators, each chosen with the same probability.
   *
   * @param gens the generators, at least one
   * @param <T> the type of values
   * @return the generator
   */
  public static <T extends @Nullable Object> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
    List<Gen<? extends T>> copy = List.copyOf(gens);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no generators to choose from");
    }
    return random -> copy.get(random.nextInt(copy.size())).sample(random);
  }

  /**
   * A generator paired with a weight, for {@link #frequency(Weighted[])}.
   *
   * @param weight the relative weight, positive
   * @param gen the generator
   * @param <T> the type of values
   */
  public record Weighted<T extends @Nullable Object>(int weight, Gen<? extends T> gen) {
    /** Validates. */
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + weight);
      }
      Objects.requireNonNull(gen, "gen");
    }
  }

  /**
   * Pairs a generator with a weight.
   *
   * @param weight the relative weight, positive
   * @param gen the generator
   * @param <T> the type of values
   * @return the pair
   */
  public static <T extends @Nullable Object> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /**
   * A value from one of several generators, chosen in proportion to their weights: {@code
   * frequency(weighted(9, valid), weighted(1, broken))} gives a broken value one time in ten.
   *
   * @param choices the weighted generators, at least one
   * @param <T> the type of values
   * @return the generator
   */
  @SafeVarargs
  public static <T extends @Nullable Object> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> copy = new ArrayList<>(choices.length);
    for (Weighted<? extends T> c : choices) {
      copy.add(c);
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("no generators to choose from");
    }
    long total = 0;
    for (Weighted<? extends T> w : copy) {
      total += w.weight();
    }
    long sum = total;
    return random -> {
      long n = random.nextLong(0, sum - 1);
      for (Weighted<? extends T> w : copy) {
        if (n < w.weight()) {
          return w.gen().sample(random);
        }
        n -= w.weight();
      }
      throw new AssertionError("unreachable");
    };
  }

  /**
   * Lists of values of a generator.
   *
   * @param gen the element generator
   * @param minSize the smallest size, at least 0
   * @param maxSize the largest size
   * @param <T> the element type
   * @return the generator of unmodifiable lists; the same as {@code gen.list(minSize, maxSize)}
   */
  public static <T extends @Nullable Object> Gen<List<T>> lists(Gen<T> gen, int minSize, int maxSize) {
    return gen.list(minSize, maxSize);
  }

  /**
   * Instants in a range, both ends included, to the nanosecond, biased towards the ends.
   *
   * @param from the earliest
   * @param to the latest
   * @return the generator
   */
  public static Gen<Instant> instants(Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException(from + " is after " + to);
    }
    long first = from.getEpochSecond();
    long last = to.getEpochSecond();
    return random -> {
      if (random.nextInt(EDGE_ONE_IN) == 0) {
        return random.nextBoolean() ? from : to;
      }
      long s = random.nextLong(first, last);
      long minNano = s == from.getEpochSecond() ? from.getNano() : 0;
      long maxNano = s == to.getEpochSecond() ? to.getNano() : 999_999_999;
      return Instant.ofEpochSecond(s, random.nextLong(minNano, maxNano));
    };
  }

  /**
   * Instants in a range, both ends included, whole milliseconds only: the precision of most
   * panel and journal time stamps.
   *
   * @param from the earliest
   * @param to the latest
   * @return the generator
   */
  public static Gen<Instant> instantsMillis(Instant from, Instant to) {
    // toEpochMilli rounds down: the first whole millisecond at or after from may be one later
    long a = from.toEpochMilli() + (Instant.ofEpochMilli(from.toEpochMilli()).isBefore(from) ? 1 : 0);
    long b = to.toEpochMilli();
    if (a > b) {
      throw new IllegalArgumentException("no whole millisecond between " + from + " and " + to);
    }
    return longs(a, b).map(Instant::ofEpochMilli);
  }

  /**
   * Durations in a range, both ends included, to the nanosecond, biased towards the ends.
   *
   * @param min the shortest
   * @param max the longest
   * @return the generator
   */
  public static Gen<Duration> durations(Duration min, Duration max) {
    if (min.compareTo(max) > 0) {
      throw new IllegalArgumentException(min + " is longer than " + max);
    }
    long first = min.getSeconds();
    long last = max.getSeconds();
    return random -> {
      if (random.nextInt(EDGE_ONE_IN) == 0) {
        return random.nextBoolean() ? min : max;
      }
      long s = random.nextLong(first, last);
      long minNano = s == min.getSeconds() ? min.getNano() : 0;
      long maxNano = s == max.getSeconds() ? max.getNano() : 999_999_999;
      return Duration.ofSeconds(s, random.nextLong(minNano, maxNano));
    };
  }
}
