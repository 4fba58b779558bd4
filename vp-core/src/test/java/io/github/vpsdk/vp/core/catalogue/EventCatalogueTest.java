package io.github.vpsdk.vp.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.VpException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCatalogueTest {
  private final EventCatalogue catalogue = EventCatalogue.defaults();

  private static EventCode.ContactId cid(int q, int e) {
    return new EventCode.ContactId(q, e);
  }

  @Test
  void shipsSeveralHundredCodesOfEachFamily() {
    assertThat(catalogue.siaCodes()).hasSizeGreaterThanOrEqualTo(306);
    assertThat(catalogue.contactIdCodes()).hasSizeGreaterThanOrEqualTo(260);
    assertThat(EventCatalogue.defaults()).isSameAs(catalogue);
  }

  @Test
  void mappingsOfTheIssue() {
    assertThat(catalogue.toSia(cid(1, 130))).contains(new EventCode.Sia("BA"));
    assertThat(catalogue.toSia(cid(3, 130))).contains(new EventCode.Sia("BR"));
    assertThat(catalogue.toContactId(new EventCode.Sia("BA"))).contains(cid(1, 130));
    assertThat(catalogue.toSia(cid(1, 602))).contains(new EventCode.Sia("RP"));
    assertThat(catalogue.toContactId(new EventCode.Sia("RP"))).contains(cid(1, 602));
    assertThat(catalogue.toSia(cid(1, 401))).contains(new EventCode.Sia("OP"));
    assertThat(catalogue.toSia(cid(3, 401))).contains(new EventCode.Sia("CL"));
    assertThat(catalogue.toContactId(new EventCode.Sia("OP"))).contains(cid(1, 401));
    assertThat(catalogue.toContactId(new EventCode.Sia("CL"))).contains(cid(3, 401));
    assertThat(catalogue.toSia(cid(1, 110))).contains(new EventCode.Sia("FA"));
    assertThat(catalogue.toSia(cid(3, 110))).contains(new EventCode.Sia("FR"));
    assertThat(catalogue.toSia(cid(1, 301))).contains(new EventCode.Sia("AT"));
    assertThat(catalogue.toSia(cid(6, 301))).as("qualifier 6 is the condition still present").contains(new EventCode.Sia("AT"));
    assertThat(catalogue.toSia(cid(1, 570))).contains(new EventCode.Sia("BB"));
  }

  @Test
  void classifiesContactIdByQualifier() {
    Classification duress = catalogue.classify(cid(1, 121));
    assertThat(duress.known()).isTrue();
    assertThat(duress.category()).isEqualTo(EventCategory.PANIC);
    assertThat(duress.address()).isEqualTo(AddressKind.USER);
    assertThat(duress.priority()).isEqualTo(Priority.CRITICAL);
    Classification restore = catalogue.classify(cid(3, 130));
    assertThat(restore.restore()).isTrue();
    assertThat(restore.priority()).isEqualTo(Priority.LOW);
    Classification closing = catalogue.classify(cid(3, 401));
    assertThat(closing.category()).isEqualTo(EventCategory.OPENING_CLOSING);
    assertThat(closing.restore()).as("closing = restore, by the Contact ID convention").isTrue();
    assertThat(catalogue.classify(cid(1, 401)).restore()).isFalse();
    assertThat(catalogue.classify(cid(1, 602)).category()).isEqualTo(EventCategory.TEST);
    assertThat(catalogue.classify(cid(1, 137)).category()).isEqualTo(EventCategory.TAMPER);
    assertThat(catalogue.classify(cid(1, 162)).category()).isEqualTo(EventCategory.TECHNICAL);
  }

  @Test
  void classifiesSiaAndInternalCodes() {
    Classification ba = catalogue.classify(new EventCode.Sia("BA"));
    assertThat(ba.category()).isEqualTo(EventCategory.INTRUSION);
    assertThat(ba.restore()).isFalse();
    assertThat(ba.address()).isEqualTo(AddressKind.ZONE);
    assertThat(ba.priority()).isEqualTo(Priority.HIGH);
    assertThat(catalogue.classify(new EventCode.Sia("FR")).restore()).isTrue();
    assertThat(catalogue.classify(new EventCode.Sia("OP")).address()).isEqualTo(AddressKind.USER);
    assertThat(catalogue.classify(new EventCode.Sia("CL")).restore()).isTrue();
    assertThat(catalogue.classify(new EventCode.Sia("RP")).priority()).isEqualTo(Priority.INFO);
    assertThat(catalogue.classify(SystemEvent.SUPERVISION_LOST).category()).isEqualTo(EventCategory.TROUBLE);
    assertThat(catalogue.classify(SystemEvent.SUPERVISION_RESTORED).restore()).isTrue();
  }

  @Test
  void unknownCodesAreClassifiedNotRefused() {
    for (EventCode code : new EventCode[] {new EventCode.Sia("QQ"), cid(1, 998), new EventCode.Internal("CAMERA_LOST")}) {
      Classification c = catalogue.classify(code);
      assertThat(c.known()).isFalse();
      assertThat(c.category()).isEqualTo(EventCategory.UNKNOWN);
      assertThat(c.priority()).isEqualTo(Priority.MEDIUM);
      assertThat(c.description()).contains(code.text());
    }
    assertThat(catalogue.sia("QQ")).isEmpty();
    assertThat(catalogue.toSia(cid(1, 998))).isEmpty();
  }

  @Test
  void everyShippedRowIsConsistent() {
    Set<String> sia = new HashSet<>();
    catalogue.siaCodes().forEach(s -> sia.add(s.code()));
    for (SiaCodeInfo info : catalogue.siaCodes()) {
      assertThat(info.name()).as(info.code()).isNotBlank();
      if (info.counterpart() != null) {
        SiaCodeInfo other = catalogue.sia(info.counterpart()).orElseThrow(() -> new AssertionError(info.code() + " counterpart missing"));
        assertThat(other.restore()).as("%s and its counterpart %s are opposite", info.code(), other.code()).isNotEqualTo(info.restore());
        // the counterpart points back, or (several restores of one alarm: BH and BR both end BA)
        // it points to a sibling of the same category and restore flag
        String back = other.counterpart();
        assertThat(back).as("counterpart %s of %s has a counterpart", other.code(), info.code()).isNotNull();
        if (!info.code().equals(back)) {
          SiaCodeInfo sibling = catalogue.sia(back).orElseThrow();
          assertThat(sibling.category()).as("%s -> %s -> %s", info.code(), other.code(), back).isEqualTo(info.category());
          assertThat(sibling.restore()).as("%s -> %s -> %s", info.code(), other.code(), back).isEqualTo(info.restore());
        }
      }
    }
    for (ContactIdCodeInfo info : catalogue.contactIdCodes()) {
      assertThat(info.name()).as("%d", info.event()).isNotBlank();
      for (String mapped : new String[] {info.siaNew(), info.siaRestore()}) {
        if (mapped != null) {
          assertThat(sia).as("Contact ID %d maps to a known SIA code", info.event()).contains(mapped);
        }
      }
      if (info.siaNew() != null && info.siaRestore() != null && !info.siaNew().equals(info.siaRestore())) {
        assertThat(catalogue.sia(info.siaRestore()).orElseThrow().restore())
            .as("Contact ID %d restore maps to a restore or closing code", info.event()).isTrue();
        assertThat(catalogue.sia(info.siaNew()).orElseThrow().restore()).as("%d new", info.event()).isFalse();
      }
    }
  }

  @Test
  void oneToOneMappingsRoundTrip() {
    int checked = 0;
    for (ContactIdCodeInfo info : catalogue.contactIdCodes()) {
      for (int q : new int[] {1, 3}) {
        EventCode.ContactId code = cid(q, info.event());
        var sia = catalogue.toSia(code);
        if (sia.isPresent()) {
          EventCode.ContactId back = catalogue.toContactId(sia.get()).orElseThrow();
          // several Contact ID codes share a SIA code; the way back always lands on one whose way out is the same code
          assertThat(catalogue.toSia(back)).as("%s -> %s -> %s", code.text(), sia.get().code(), back.text()).contains(sia.get());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(300);
  }

  @Test
  void siaToContactIdToSiaRoundTrips() {
    int oneToOne = 0;
    for (SiaCodeInfo info : catalogue.siaCodes()) {
      EventCode.Sia sia = new EventCode.Sia(info.code());
      var cid = catalogue.toContactId(sia);
      if (cid.isPresent()) {
        assertThat(catalogue.toSia(cid.get())).as("%s -> %s", sia.code(), cid.get().text()).contains(sia);
        oneToOne++;
      }
    }
    assertThat(oneToOne).isGreaterThan(80);
    assertThat(catalogue.toContactId(new EventCode.Sia("BR"))).contains(cid(3, 130));
    assertThat(catalogue.toContactId(new EventCode.Sia("FR"))).contains(cid(3, 110));
    assertThat(catalogue.toContactId(new EventCode.Sia("QQ"))).isEmpty();
  }

  @Test
  void counterpartsOfTheStandard() {
    assertThat(catalogue.sia("BA").orElseThrow().counterpart()).isEqualTo("BR");
    assertThat(catalogue.sia("BR").orElseThrow().counterpart()).isEqualTo("BA");
    assertThat(catalogue.sia("BH").orElseThrow().counterpart()).isEqualTo("BA");
    assertThat(catalogue.sia("AT").orElseThrow().counterpart()).isEqualTo("AR");
    assertThat(catalogue.sia("op").orElseThrow().counterpart()).as("lookup ignores case").isEqualTo("CL");
    assertThat(catalogue.sia("CL").orElseThrow().restore()).as("closing = restore flag").isTrue();
    assertThat(catalogue.sia("OP").orElseThrow().restore()).isFalse();
  }

  @Test
  void loadFromAStreamWithoutAName() {
    String table = "code\tcategory\trestore\taddress\tcounterpart\tpriority\tname\n"
        + "QZ\tSTATUS\tfalse\tNONE\t\tINFO\tVendor status\n";
    EventCatalogue custom =
        EventCatalogue.builder().load(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))).build();
    assertThat(custom.siaCodes()).hasSize(1);
    assertThat(custom.contactIdCodes()).isEmpty();
    assertThat(custom.classify(new EventCode.Sia("QZ")).priority()).isEqualTo(Priority.INFO);
    assertThat(custom.classify(new EventCode.Sia("BA")).known()).as("an empty start knows nothing else").isFalse();
    assertThatThrownBy(
            () -> EventCatalogue.builder().load(new ByteArrayInputStream("code\tx\n".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(VpException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void overrideAndExtend(@TempDir Path dir) throws Exception {
    Path table = dir.resolve("centre.tsv");
    Files.writeString(
        table,
        "# centre-specific codes\n"
            + "event\tcategory\taddress\tsia_new\tsia_restore\tpriority\tname\n"
            + "750\tTECHNICAL\tZONE\tUA\tUR\tHIGH\tFreezer temperature (vendor)\n"
            + "130\tINTRUSION\tZONE\tBA\tBR\tCRITICAL\tBurglary (centre policy: critical)\n");
    EventCatalogue custom =
        EventCatalogue.builder()
            .from(catalogue)
            .load(table)
            .siaPriority("RP", Priority.LOW)
            .sia(new SiaCodeInfo("XZ", "Vendor special", EventCategory.STATUS, false, AddressKind.NONE, null, null))
            .build();
    assertThat(custom.classify(cid(1, 750)).priority()).isEqualTo(Priority.HIGH);
    assertThat(custom.classify(cid(1, 130)).priority()).isEqualTo(Priority.CRITICAL);
    assertThat(custom.classify(cid(3, 130)).priority()).as("restores keep the default").isEqualTo(Priority.LOW);
    assertThat(custom.classify(new EventCode.Sia("RP")).priority()).isEqualTo(Priority.LOW);
    assertThat(custom.classify(new EventCode.Sia("XZ")).known()).isTrue();
    assertThat(custom.contactIdCodes()).hasSize(catalogue.contactIdCodes().size() + 1);
    assertThat(catalogue.classify(cid(1, 130)).priority()).as("defaults unchanged").isEqualTo(Priority.HIGH);
    assertThatThrownBy(() -> EventCatalogue.builder().siaPriority("BA", Priority.LOW)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badTablesNameTheLine() {
    assertBad("code\tcategory\trestore\taddress\tcounterpart\tpriority\tname\nBA\tNOPE\tfalse\tZONE\t\t\tx\n", "t.tsv line 2: unknown category 'NOPE'");
    assertBad("# c\n\nevent\tcategory\taddress\tsia_new\tsia_restore\tpriority\tname\n13\tFIRE\tZONE\t\t\t\tx\n", "t.tsv line 4: event must be three digits");
    assertBad("event\tcategory\taddress\tsia_new\tsia_restore\tpriority\tname\n130\tFIRE\tZONE\tB1\t\t\tx\n", "t.tsv line 2: a SIA code is two letters");
    assertBad("code\tcategory\n", "t.tsv line 1: header must be");
    assertBad("code\tcategory\trestore\taddress\tcounterpart\tpriority\tname\nBA\tFIRE\tmaybe\tZONE\t\t\tx\n", "line 2: restore must be true or false");
    assertBad("code\tcategory\trestore\taddress\tcounterpart\tpriority\tname\nBA\tFIRE\tfalse\tZONE\n", "line 2: expected 7 tab-separated fields, found 4");
    assertBad("", "no header line");
  }

  private static void assertBad(String table, String message) {
    assertThatThrownBy(
            () -> EventCatalogue.builder().load(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)), "t.tsv"))
        .isInstanceOfSatisfying(VpException.class, e -> assertThat(e.reason()).isEqualTo(VpException.Reason.MALFORMED))
        .hasMessageContaining(message);
  }
}
