package io.github.vpsdk.vp.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code @SimulatedSite}, used as a test author would. */
class SimulatedSiteAnnotationTest {

  @Test
  @SimulatedSite(value = "scenarios/shop.yaml", ackTimeoutMillis = 10_000)
  void theShopFromItsScenarioFile(Site site, ReceivedEvents centre) throws Exception {
    SiteOutcome outcome = site.runToEnd();
    SiteAssertions.assertThat(outcome).allAcknowledgedWithin(Duration.ofSeconds(2)).hasEvents(8).meets(site.scenario().expectations());
    assertThat(centre.codes()).containsSubsequence("1130/3", "1110/4");
  }

}
