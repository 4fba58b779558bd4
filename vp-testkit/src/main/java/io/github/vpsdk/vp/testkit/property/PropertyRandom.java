package io.github.vpsdk.vp.testkit.property;

import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * The seeded source of randomness a property test draws its values from.
 *
 * <p>The sequence of values depends only on the seed, and the algorithm (SplitMix64) is fixed here
 * rather than borrowed from the JDK, so a seed printed by a failing test replays the same values on
 * any JDK, any machine, today and after an upgrade. Not thread-safe: use one per thread, or {@link
 * #split()} one off for another thread.
 *
 * <p>Most tests only pass it to generators: {@code gen.sample(random)} or {@code
 * random.sample(gen)}.
 */
public final class PropertyRandom {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final long seed;
  private long state;

  private PropertyRandom(long seed) {
    this.seed = seed;
    this.state = seed;
  }

  /**
   * A source seeded with a value.
   *
   * @param seed the seed
   * @return a new source; two sources with the same seed produce the same values
   */
  public static PropertyRandom of(long seed) {
    return new PropertyRandom(seed);
  }

  /**
   * The seed this source started from.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Draws a value from a generator: the same as {@code gen.sample(this)}.
   *
   * @param gen the generator
   * @param <T> the type of values
   * @return the value
   */
  public <T extends @Nullable Object> T sample(Gen<T> gen) {
    return gen.sample(this);
  }

  /**
   * The next 64 random bits.
   *
   * @return a long, every value equally likely
   */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix64(state);
  }

  /**
   * The next 32 random bits.
   *
   * @return an int, every value equally likely
   */
  public int nextInt() {
    return (int) (nextLong() >>> 32);
  }

  /**
   * A uniformly chosen int in {@code [0, bound)}.
   *
   * @param bound the exclusive upper bound, positive
   * @return the int
   * @throws IllegalArgumentException if {@code bound <= 0}
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) nextLong(0, bound - 1L);
  }

  /**
   * A uniformly chosen int in {@code [min, max]}, both ends included.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the int
   * @throws IllegalArgumentException if {@code min > max}
   */
  public int nextInt(int min, int max) {
    return (int) nextLong(min, (long) max);
  }

  /**
   * A uniformly chosen long in {@code [min, max]}, both ends included.
   *
   * @param min the smallest value
   * @param max the largest value
   * @return the long
   * @throws IllegalArgumentException if {@code min > max}
   */
  public long nextLong(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is greater than max " + max);
    }
    long bound = max - min + 1; // unsigned; 0 means the full 64-bit range
    if (bound == 0) {
      return nextLong();
    }
    // 2^64 mod bound values at the top of the range would bias the result: reject them
    long reject = Long.remainderUnsigned(-bound, bound);
    while (true) {
      long u = nextLong();
      if (reject == 0 || Long.compareUnsigned(u, -reject) < 0) {
        return min + Long.remainderUnsigned(u, bound);
      }
    }
  }

  /**
   * A fair coin.
   *
   * @return {@code true} or {@code false}, equally likely
   */
  public boolean nextBoolean() {
    return nextLong() < 0;
  }

  /**
   * A biased coin.
   *
   * @param probability the probability of {@code true}, from 0 to 1
   * @return {@code true} with that probability
   */
  public boolean chance(double probability) {
    return nextDouble() < probability;
  }

  /**
   * A uniformly chosen double in {@code [0, 1)}.
   *
   * @return the double
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Random bytes.
   *
   * @param length how many
   * @return a new array of that length
   */
  public byte[] nextBytes(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i += 8) {
      long bits = nextLong();
      for (int j = i; j < Math.min(length, i + 8); j++) {
        bytes[j] = (byte) bits;
        bits >>>= 8;
      }
    }
    return bytes;
  }

  /**
   * A uniformly chosen element of a list.
   *
   * @param elements the list, not empty
   * @param <T> the element type
   * @return one of its elements
   * @throws IllegalArgumentException if the list is empty
   */
  public <T> T pick(List<T> elements) {
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("cannot pick from an empty list");
    }
    return elements.get(nextInt(elements.size()));
  }

  /**
   * A new, independent source seeded from this one's next value; handy for another thread or to
   * keep one part of a test's values stable while another part changes.
   *
   * @return the new source
   */
  public PropertyRandom split() {
    return new PropertyRandom(nextLong());
  }

  /**
   * A {@link Random} view drawing from this source, for APIs that want one ({@code
   * Collections.shuffle}). It shares this source's state.
   *
   * @return the view
   */
  public Random asRandom() {
    return new RandomView(this);
  }

  /**
   * The seed of try number {@code index} (from 0) of a property whose base seed is {@code base}.
   * Try 0 uses the base seed itself, so that running one try with the seed of a failed try replays
   * exactly that try.
   *
   * @param base the base seed
   * @param index the try index, from 0
   * @return the seed of that try
   */
  public static long trySeed(long base, int index) {
    return index == 0 ? base : mix64(base + GOLDEN_GAMMA * index);
  }

  /**
   * Mixes 64 bits (the SplitMix64 finaliser): close inputs give unrelated outputs.
   *
   * @param z the input
   * @return the mixed value
   */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return "PropertyRandom[seed=" + seed + "]";
  }

  /** A java.util.Random that draws from a PropertyRandom. */
  private static final class RandomView extends Random {
    private static final long serialVersionUID = 1L;
    private final transient PropertyRandom source;

    RandomView(PropertyRandom source) {
      super(0L);
      this.source = Objects.requireNonNull(source);
    }

    @Override
    protected int next(int bits) {
      return (int) (source.nextLong() >>> (64 - bits));
    }

    @Override
    public void setSeed(long seed) {
      // Random's constructor calls this before source is set; the view has no seed of its own
    }
  }
}
