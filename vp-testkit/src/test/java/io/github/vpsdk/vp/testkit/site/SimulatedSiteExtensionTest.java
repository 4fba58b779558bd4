package io.github.vpsdk.vp.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension registered with a scenario built in code. */
class SimulatedSiteExtensionTest {

  @RegisterExtension
  final SimulatedSiteExtension floods = SimulatedSiteExtension.of(() -> Scenario.builder("flood")
      .panel("a", "1001", p -> p.zone(1, ZoneType.FIRE))
      .panel("b", "1002", p -> p.format(PanelFormat.SIA_DCS).zone(1, ZoneType.FIRE))
      .at(Duration.ofSeconds(1), null, new SiteAction.Flood(1, 200))
      .duration(Duration.ofSeconds(2))
      .build())
      // a generous answer timeout: the first frames meet a cold JVM
      .withOptions(SiteOptions.create(o -> o.ackTimeout(Duration.ofSeconds(10)).virtualTime(java.time.Instant.now())));

  @Test
  void anAlarmFloodOfFourHundredEventsOnTwoPanelsIsDeliveredOnce(Site site, ReceivedEvents centre) throws Exception {
    SiteOutcome outcome = site.runToEnd();
    SiteAssertions.assertThat(outcome).allAcknowledged().hasEvents(400).hasAtMostRetries(0);
    assertThat(centre.events()).hasSize(400);
    assertThat(centre.receiver().metrics().duplicates()).isZero();
  }
}
