package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link SiteOutcome}. Needs AssertJ on the test class path (vp-testkit
 * declares it optional):
 *
 * <pre>{@code
 * SiteAssertions.assertThat(site.runToEnd())
 *     .allAcknowledgedWithin(Duration.ofSeconds(2))
 *     .hasEvents(8)
 *     .hasAtMostRetries(0);
 * }</pre>
 */
public final class SiteAssertions {
  private SiteAssertions() {}

  /**
   * Starts assertions on an outcome.
   *
   * @param outcome the outcome
   * @return the assertions
   */
  public static OutcomeAssert assertThat(SiteOutcome outcome) {
    return new OutcomeAssert(outcome);
  }

  /** Assertions on one outcome. */
  public static final class OutcomeAssert extends AbstractAssert<OutcomeAssert, SiteOutcome> {
    OutcomeAssert(SiteOutcome actual) {
      super(actual, OutcomeAssert.class);
    }

    /** @return this, if every queued event was acknowledged */
    public OutcomeAssert allAcknowledged() {
      isNotNull();
      List<String> broken = actual.check(new Expectations(true, null, null));
      if (!broken.isEmpty()) {
        failWithMessage("Expecting every event acknowledged, but %s%n%s", broken.get(0), actual.report());
      }
      return this;
    }

    /**
     * @param within the longest allowed time from queuing to {@code ACK}
     * @return this, if every event was acknowledged within it
     */
    public OutcomeAssert allAcknowledgedWithin(Duration within) {
      allAcknowledged();
      List<String> broken = actual.check(new Expectations(true, within, null));
      if (!broken.isEmpty()) {
        failWithMessage("Expecting every event acknowledged within %s, but %s%n%s", within, broken.get(0), actual.report());
      }
      return this;
    }

    /**
     * @param count the number of events
     * @return this, if the panels queued that many events
     */
    public OutcomeAssert hasEvents(int count) {
      isNotNull();
      if (actual.events().size() != count) {
        failWithMessage("Expecting %d events but the panels queued %d:%n%s", count, actual.events().size(), actual.events());
      }
      return this;
    }

    /**
     * @param max the most retries
     * @return this, if the panels sent events again at most that many times
     */
    public OutcomeAssert hasAtMostRetries(int max) {
      isNotNull();
      if (actual.retries() > max) {
        failWithMessage("Expecting at most %d retries but there were %d%n%s", max, actual.retries(), actual.report());
      }
      return this;
    }

    /**
     * @param expectations a scenario's expectations
     * @return this, if the outcome meets them
     */
    public OutcomeAssert meets(Expectations expectations) {
      isNotNull();
      List<String> broken = actual.check(expectations);
      if (!broken.isEmpty()) {
        failWithMessage("Expecting the scenario's expectations to hold, but:%n%s%n%s", String.join("\n", broken), actual.report());
      }
      return this;
    }
  }
}
