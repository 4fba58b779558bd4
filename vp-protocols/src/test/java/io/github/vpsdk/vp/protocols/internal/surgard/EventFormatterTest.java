package io.github.vpsdk.vp.protocols.internal.surgard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardSenderConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventFormatterTest {
  private static String format(PanelEvent e, Consumer<SurGardSenderConfig.Builder> c) {
    return EventFormatter.format(e, SurGardSenderConfig.create(c))
        .map(m -> new String(SurGardCodec.encode(m), StandardCharsets.ISO_8859_1).replace('\u0014', '|'))
        .orElse("(none)");
  }

  private static PanelEvent.Builder event(String account, EventCode code) {
    return PanelEvent.builder().id("x").account(AccountId.of(account)).code(code).category(EventCategory.INTRUSION)
        .receivedAt(Instant.EPOCH);
  }

  @Test
  void contactIdInTheMlr2AndSystemIiiForms() {
    PanelEvent e = event("7037", new EventCode.ContactId(1, 130)).partition(1).zone(4).build();
    assertThat(format(e, c -> {})).isEqualTo("5011 187037E13001004|");
    assertThat(format(e, c -> c.receiverNumber("02").lineNumber("001"))).isEqualTo("502001 187037E13001004|");
  }

  @Test
  void shortAccountsArePaddedAndLongOnesUseProtocolQ() {
    assertThat(format(event("37", new EventCode.ContactId(3, 301)).build(), c -> {})).isEqualTo("5011 180037R30100000|");
    assertThat(format(event("123456", new EventCode.ContactId(1, 602)).build(), c -> {}))
        .isEqualTo("Q011 580000123456E60200000|");
  }

  @Test
  void openCloseCarriesTheUser() {
    PanelEvent e = event("1234", new EventCode.ContactId(3, 401)).partition(2).zone(9).user(5).build();
    assertThat(format(e, c -> {})).isEqualTo("5011 181234R40102005|");
  }

  @Test
  void siaEventsGoAsProtocolSOrTranslated() {
    PanelEvent e = event("1234", new EventCode.Sia("BA")).partition(1).zone(7).build();
    assertThat(format(e, c -> {})).isEqualTo("S011[#1234|Nri1/BA7]|");
    EventCode.ContactId cid = EventCatalogue.defaults().toContactId(new EventCode.Sia("BA")).orElseThrow();
    assertThat(format(e, c -> c.format(SurGardSenderConfig.Format.CONTACT_ID)))
        .isEqualTo(String.format("5011 181234E%03d01007|", cid.event()));
  }

  @Test
  void anAccountTooLongForContactIdFallsBackToSia() {
    PanelEvent e = event("ABCDEF123456", new EventCode.ContactId(1, 130)).zone(3).build();
    assertThat(format(e, c -> {})).startsWith("S011[#ABCDEF123456|N").endsWith("3]|");
  }

  @Test
  void internalCodesHaveNoForm() {
    assertThat(format(event("1234", new EventCode.Internal("X")).build(), c -> {})).isEqualTo("(none)");
  }
}
