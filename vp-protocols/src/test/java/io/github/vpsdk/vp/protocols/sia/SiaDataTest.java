package io.github.vpsdk.vp.protocols.sia;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data blocks quoted in alarm-protocols.md §1.2 and §1.1, with their sources there. */
class SiaDataTest {

  private static SiaData ok(String data) {
    ParseResult<SiaData> r = SiaData.parse(data);
    assertThat(r).as(data + " -> " + r).isInstanceOf(ParseResult.Ok.class);
    return r.asOptional().orElseThrow();
  }

  @Test
  void siaLevels() {
    // Eaton i-on160 installation guide, Appendix I
    assertThat(ok("#000010|NFA2").events()).containsExactly(new SiaEvent(false, "FA", "2", null, null, null, null, null, ""));
    SiaData level3 = ok("#000010|Nti10:15/ri4/FA2");
    assertThat(level3.account()).isEqualTo("000010");
    assertThat(level3.events()).containsExactly(new SiaEvent(false, "FA", "2", 4, null, null, "10:15", null, ""));
    assertThat(ok("#000010|AFire Zone 2").texts()).containsExactly("Fire Zone 2");
    SiaData extended = ok("#000010|Nti10:15/ri4/FA2/AFire Zone 2");
    assertThat(extended.events().get(0).text()).isEqualTo("Fire Zone 2");
  }

  @Test
  void modifiersStickToTheFollowingCodes() {
    // SG automation documentation example
    SiaData d = ok("#1234|Nda04-22-94ti16:02:15/id22/CL/PA31");
    assertThat(d.events()).containsExactly(
        new SiaEvent(false, "CL", null, null, 22, null, "16:02:15", "04-22-94", ""),
        new SiaEvent(false, "PA", "31", null, 22, null, "16:02:15", "04-22-94", ""));
    SiaData several = ok("Nri1/BA01/BA02/ri2/TA3");
    assertThat(several.events()).extracting(SiaEvent::code, SiaEvent::addressNumber, SiaEvent::area)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("BA", 1, 1), org.assertj.core.groups.Tuple.tuple("BA", 2, 1),
            org.assertj.core.groups.Tuple.tuple("TA", 3, 2));
  }

  @Test
  void whatRealPanelsSend() {
    assertThat(ok("Npi0/AT").events().get(0).peripheral()).isZero(); // SATEL
    assertThat(ok("Nri2/id15/OP").events().get(0).user()).isEqualTo(15); // Dahua
    assertThat(ok("Nri0000/LR").events().get(0).area()).isZero(); // PROSEC
    assertThat(ok("NRP").events().get(0).address()).isNull();
    SiaData glued = ok("Nti20:50:26RP99");
    assertThat(glued.events()).containsExactly(new SiaEvent(false, "RP", "99", null, null, null, "20:50:26", null, ""));
    assertThat(ok("|Nri1/CL501").events().get(0).address()).isEqualTo("501");
    assertThat(ok("36214|NRP").account()).isEqualTo("36214");
    assertThat(ok("#EA1984|Nri0/RP0000").events().get(0).addressNumber()).isZero(); // Ajax
    SiaData xsia = ok("#001465|NRP000*'DECKERS'NM"); // Osborne-Hoffman XSIA text
    assertThat(xsia.events().get(0).text()).isEqualTo("DECKERS");
    assertThat(ok("#1234|Nri1/BA01^Hall PIR^").events().get(0).text()).isEqualTo("Hall PIR");
    assertThat(ok("Oid3/CL").events().get(0).old()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xri1/BA01", "Nri1/BA01^unterminated", "Nri1/B", "Nri1/$$", "Nrix/BA1"})
  void invalidBlocks(String data) {
    assertThat(SiaData.parse(data)).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void tooManyEventsIsRefused() {
    assertThat(SiaData.parse("N" + "BA1/".repeat(100))).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void toTextRoundTrips() {
    for (String s : List.of("#1234|Nri1/BA01/BA02", "#1234|Nda04-22-94ti16:02:15/id22/CL/PA31", "NRP", "#000010|Nti10:15/ri4/FA2^Fire Zone 2^")) {
      SiaData d = ok(s);
      assertThat(ok(d.toText())).as(s + " -> " + d.toText()).isEqualTo(d);
    }
  }
}
