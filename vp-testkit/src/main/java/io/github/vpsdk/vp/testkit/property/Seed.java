package io.github.vpsdk.vp.testkit.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the base seed of a {@link Property @Property} method, or of every property of a class: to
 * keep a seed that once found a bug as a regression test. The system property {@code vp.seed}
 * still wins, so a pinned property can be explored with {@code -Dvp.seed=random}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Seed {

  /**
   * The base seed.
   *
   * @return the seed
   */
  long value();
}
