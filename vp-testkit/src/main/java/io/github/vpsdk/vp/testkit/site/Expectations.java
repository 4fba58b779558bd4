package io.github.vpsdk.vp.testkit.site;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a run must show for {@code vp site} to exit with 0: checked on the {@link SiteOutcome}.
 *
 * @param allAcknowledged every event the panels queued was acknowledged by the end
 * @param acknowledgedWithin the longest allowed time from an event's queuing to its {@code ACK},
 *     or {@code null} for no bound
 * @param maxRetries the most repeated sendings allowed over the run, or {@code null} for no bound
 */
public record Expectations(boolean allAcknowledged, @Nullable Duration acknowledgedWithin, @Nullable Integer maxRetries) {
  /** Every event acknowledged, no time bound, retries allowed. */
  public static final Expectations DEFAULT = new Expectations(true, null, null);
}
