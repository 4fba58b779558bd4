package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a scenario's timeline: an action on a panel at a time after the start, once or
 * repeated.
 *
 * @param at when, from the start of the run
 * @param every the repetition period after {@code at}, or {@code null} for once
 * @param panel the panel's name, or {@code null} for every panel of the site
 * @param action what happens
 */
public record TimelineStep(Duration at, @Nullable Duration every, @Nullable String panel, SiteAction action) {
  /** Validates. */
  public TimelineStep {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    if (at.isNegative()) {
      throw new IllegalArgumentException("a step cannot happen before the start: " + at);
    }
    if (every != null && (every.isZero() || every.isNegative())) {
      throw new IllegalArgumentException("every must be positive: " + every);
    }
  }
}
