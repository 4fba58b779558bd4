package io.github.vpsdk.vp.testkit.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A generator of values of type {@code T}, drawing on a seeded {@link PropertyRandom}: the same
 * seed gives the same values.
 *
 * <p>A generator is a function, so a lambda is one: {@code r -> new Partition(r.nextInt(0, 8),
 * "area")}. The factories in {@link Gens} and {@link CoreGens} build the usual ones, and the
 * methods here combine them. Generators are immutable and may be shared between tests and
 * threads; the {@link PropertyRandom} they are given is not.
 *
 * @param <T> the type of values
 */
@FunctionalInterface
public interface Gen<T extends @Nullable Object> {

  /** How many values in a row {@link #filter(Predicate)} may reject before it gives up. */
  int DEFAULT_FILTER_TRIES = 1000;

  /**
   * Draws one value.
   *
   * @param random the source of randomness
   * @return the value
   */
  T sample(PropertyRandom random);

  /**
   * Draws several values.
   *
   * @param random the source of randomness
   * @param count how many
   * @return a new modifiable list of {@code count} values
   */
  default List<T> samples(PropertyRandom random, int count) {
    List<T> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(sample(random));
    }
    return values;
  }

  /**
   * A generator of this one's values transformed by a function.
   *
   * @param mapper the function
   * @param <R> the type of the results
   * @return the new generator
   */
  default <R extends @Nullable Object> Gen<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return random -> mapper.apply(sample(random));
  }

  /**
   * A generator that draws a value from this one, then a value from the generator the function
   * returns for it: dependent values, such as an index within a generated list.
   *
   * @param mapper gives the second generator
   * @param <R> the type of the results
   * @return the new generator
   */
  default <R extends @Nullable Object> Gen<R> flatMap(
      Function<? super T, ? extends Gen<? extends R>> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return random -> mapper.apply(sample(random)).sample(random);
  }

  /**
   * A generator of this one's values that satisfy a predicate, drawing again when one does not,
   * at most {@link #DEFAULT_FILTER_TRIES} times in a row. Prefer a generator that builds valid
   * values directly: filters that reject most values are slow.
   *
   * @param predicate the condition values must meet
   * @return the new generator, which throws {@link IllegalStateException} when too many values in
   *     a row were rejected
   */
  default Gen<T> filter(Predicate<? super T> predicate) {
    return filter(predicate, DEFAULT_FILTER_TRIES);
  }

  /**
   * A generator of this one's values that satisfy a predicate, drawing again when one does not.
   *
   * @param predicate the condition values must meet
   * @param maxTries how many values in a row may be rejected before giving up, at least 1
   * @return the new generator, which throws {@link IllegalStateException} when {@code maxTries}
   *     values in a row were rejected
   */
  default Gen<T> filter(Predicate<? super T> predicate, int maxTries) {
    Objects.requireNonNull(predicate, "predicate");
    if (maxTries < 1) {
      throw new IllegalArgumentException("maxTries must be at least 1: " + maxTries);
    }
    return random -> {
      for (int i = 0; i < maxTries; i++) {
        T value = sample(random);
        if (predicate.test(value)) {
          return value;
        }
      }
      throw new IllegalStateException(
          "filter rejected " + maxTries + " values in a row; generate valid values directly");
    };
  }

  /**
   * A generator that gives {@code null} with a probability and this one's values otherwise.
   *
   * @param probability the probability of {@code null}, from 0 to 1
   * @return the new generator
   */
  default Gen<@Nullable T> orNull(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be from 0 to 1: " + probability);
    }
    return random -> random.chance(probability) ? null : sample(random);
  }

  /**
   * A generator of lists of this one's values.
   *
   * @param minSize the smallest size, at least 0
   * @param maxSize the largest size
   * @return a generator of unmodifiable lists whose size is in {@code [minSize, maxSize]}, biased
   *     a little towards both ends
   */
  default Gen<List<T>> list(int minSize, int maxSize) {
    Gen<Integer> sizes = Gens.sizes(minSize, maxSize);
    return random -> {
      int size = sizes.sample(random);
      List<T> values = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        values.add(sample(random));
      }
      return Collections.unmodifiableList(values);
    };
  }
}
