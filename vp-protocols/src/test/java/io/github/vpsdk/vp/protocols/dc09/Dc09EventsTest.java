package io.github.vpsdk.vp.protocols.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dc09EventsTest {
  private static final Instant T = Instant.parse("2026-11-23T02:14:00Z");
  private final EventCatalogue catalogue = EventCatalogue.defaults();

  private List<PanelEvent> events(Dc09Message m) {
    ParseResult<List<PanelEvent>> r = Dc09Events.of(m, T, "ev-1", catalogue, false);
    assertThat(r).as(r.toString()).isInstanceOf(ParseResult.Ok.class);
    return r.asOptional().orElseThrow();
  }

  @Test
  void contactIdBurglary() {
    Dc09Message m = Dc09Message.event(Dc09Message.ADM_CID, 12, "1", "2", "1234", "#1234|1130 01 003", T.minusSeconds(2));
    PanelEvent e = events(m).get(0);
    assertThat(e.account()).isEqualTo(AccountId.of("1", "2", "1234"));
    assertThat(e.code()).isEqualTo(new EventCode.ContactId(1, 130));
    assertThat(e.category()).isEqualTo(EventCategory.INTRUSION);
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.partition()).isEqualTo(1);
    assertThat(e.zone()).isEqualTo(3);
    assertThat(e.user()).isNull();
    assertThat(e.occurredAt()).isEqualTo(T.minusSeconds(2));
    assertThat(e.receivedAt()).isEqualTo(T);
    assertThat(e.transport()).isEqualTo("ADM-CID");
  }

  @Test
  void contactIdClosingByUser() {
    PanelEvent e = events(Dc09Message.event(Dc09Message.ADM_CID, 1, null, "0", "1234", "#1234|3401 02 007", T)).get(0);
    assertThat(e.category()).isEqualTo(EventCategory.OPENING_CLOSING);
    assertThat(e.restore()).isTrue();
    assertThat(e.user()).isEqualTo(7);
    assertThat(e.zone()).isNull();
  }

  @Test
  void siaBlockWithSeveralEvents() {
    List<PanelEvent> list = events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", "#1234|Nri1/BA01/BA02/id3/OP3", T));
    assertThat(list).extracting(PanelEvent::id).containsExactly("ev-1", "ev-1-2", "ev-1-3");
    assertThat(list.get(1).zone()).isEqualTo(2);
    assertThat(list.get(2).category()).isEqualTo(EventCategory.OPENING_CLOSING);
    assertThat(list.get(2).user()).isEqualTo(3);
    assertThat(list.get(2).zone()).isNull();
    assertThat(list).allMatch(e -> e.partition() == 1);
  }

  @Test
  void unknownCodesStillMakeEvents() {
    PanelEvent e = events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", "#1234|NQQ12", T)).get(0);
    assertThat(e.category()).isEqualTo(EventCategory.UNKNOWN);
    assertThat(e.code()).isEqualTo(new EventCode.Sia("QQ"));
  }

  @Test
  void eventTextWithAccentsReadsAsThePanelMeantIt() {
    // the codec keeps data-block bytes as ISO-8859-1 characters; a panel writing UTF-8 or
    // Windows-1252 names must still show "Kuchyně" / "Šatník", not "KuchynÄ\u009B" / "\u008Aatník"
    String utf8 = new String("#1234|Nri1/BA01^Kuchyn\u011B^".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertThat(events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", utf8, T)).get(0).text())
        .isEqualTo("Kuchyn\u011B");
    String cp1252 = "#1234|Nri1/BA01/A\u008Aatn\u00EDk";
    assertThat(events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", cp1252, T)).get(0).text())
        .isEqualTo("\u0160atn\u00EDk");
    // ASCII text and text built in code with characters past 0xFF are left as they are
    assertThat(events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", "#1234|NBA1^Hall^", T)).get(0).text())
        .isEqualTo("Hall");
    assertThat(events(Dc09Message.event(Dc09Message.SIA_DCS, 5, null, "0", "1234", "#1234|NBA1^\u0160k\u00F6^", T)).get(0).text())
        .isEqualTo("\u0160k\u00F6");
  }

  @Test
  void linkTestsCarryNoEventAndBadDataIsInvalid() {
    assertThat(events(Dc09Message.nullPoll(0, null, "0", "1234", T))).isEmpty();
    assertThat(Dc09Events.of(Dc09Message.event(Dc09Message.ADM_CID, 1, null, "0", "1234", "#1234|9999", T), T, "x", catalogue, false))
        .isInstanceOf(ParseResult.Invalid.class);
  }
}
