package io.github.vpsdk.vp.testkit.internal.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

/** Termination times as clients send them, relative or absolute. */
class EventServiceTest {
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  @Test
  void relativeAndAbsoluteTerminationTimes() {
    assertThat(EventService.lifetime("PT60S", NOW, "F")).isEqualTo(Duration.ofSeconds(60));
    assertThat(EventService.lifetime(" PT2M ", NOW, "F")).isEqualTo(Duration.ofMinutes(2));
    assertThat(EventService.lifetime("P1DT1H", NOW, "F")).isEqualTo(Duration.ofHours(25));
    assertThat(EventService.lifetime("2026-11-23T08:01:00Z", NOW, "F")).isEqualTo(Duration.ofMinutes(1));
    assertThat(EventService.lifetime("2026-11-23T09:01:00+01:00", NOW, "F")).isEqualTo(Duration.ofMinutes(1));
    assertThat(EventService.lifetime("2026-11-23T08:00:30", NOW, "F")).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void pastZeroOrUnreadableTimesAreFaults() {
    for (String bad :
        new String[] {"PT0S", "-PT5S", "2026-11-23T07:00:00Z", "soon", "", "P"}) {
      assertThatThrownBy(() -> EventService.lifetime(bad, NOW, "UnacceptableTerminationTimeFault"))
          .as(bad)
          .isInstanceOf(SoapFault.class)
          .satisfies(
              e ->
                  assertThat(((SoapFault) e).getSubCodes())
                      .anyMatch(q -> q.getLocalPart().equals("UnacceptableTerminationTimeFault")));
    }
  }
}
