package io.github.vpsdk.vp.testkit.property;

import io.github.vpsdk.vp.testkit.internal.property.PropertyExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test method as a property: JUnit runs it {@link #tries()} times, each time with
 * a {@link PropertyRandom} seeded differently, passed as a method parameter.
 *
 * <pre>{@code
 * @Property(tries = 500)
 * void decodeNeverThrows(PropertyRandom random) {
 *   byte[] input = Mutations.of(VALID_FRAME).sample(random);
 *   assertThat(codec.decode(input)).isNotNull();
 * }
 * }</pre>
 *
 * <p><b>Seeds.</b> The seed of the first try is the <em>base seed</em>; the others are derived from
 * it ({@link PropertyRandom#trySeed}). The base seed is, first found first:
 *
 * <ol>
 *   <li>the system property (or JUnit configuration parameter) {@code vp.seed}: a number to replay
 *       a failure, or {@code random} for a fresh seed each run, to explore;
 *   <li>a {@link Seed @Seed} on the method, then on the class;
 *   <li>a hash of the class and method names: stable, so that CI runs are reproducible.
 * </ol>
 *
 * <p>{@code vp.tries} (system property or configuration parameter) overrides the number of tries
 * of every property, for long runs or a replay. Each try's display name shows its seed. Tries stop
 * at the first failure, and the error thrown names the seed and the flags that replay that try
 * alone: {@code replay with -Dvp.seed=<seed> -Dvp.tries=1}. Assumption failures abort only their
 * try.
 *
 * <p>Like {@code @Test} methods, property methods must not be private or static, and return
 * {@code void}; they may take other parameters that JUnit resolves.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(PropertyExtension.class)
public @interface Property {

  /** The number of tries when {@link #tries()} is not given. */
  int DEFAULT_TRIES = 100;

  /**
   * How many times to run the method; at least 1. Overridden by {@code vp.tries}.
   *
   * @return the number of tries
   */
  int tries() default DEFAULT_TRIES;
}
