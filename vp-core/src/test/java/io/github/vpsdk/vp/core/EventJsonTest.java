package io.github.vpsdk.vp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventJsonTest {

  @Test
  void panelEventHasAStableDocumentedForm() {
    PanelEvent e =
        PanelEvent.builder()
            .id("ev-1")
            .account(AccountId.of("1", "2", "1234"))
            .code(new EventCode.ContactId(1, 130))
            .category(EventCategory.INTRUSION)
            .partition(1)
            .zone(3)
            .occurredAt(Instant.parse("2026-11-23T10:14:58Z"))
            .receivedAt(Instant.parse("2026-11-23T10:15:00Z"))
            .text("Hall PIR")
            .extended("V", "http://127.0.0.1/clip/1")
            .transport("ADM-CID")
            .build();
    String json = EventJson.write(e);
    // this text is the contract of docs/json.md: change it only with a format version bump
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"panel\",\"id\":\"ev-1\",\"account\":{\"receiver\":\"1\",\"prefix\":\"2\",\"account\":\"1234\"},"
                + "\"code\":{\"protocol\":\"contact-id\",\"qualifier\":1,\"event\":130},\"category\":\"intrusion\","
                + "\"priority\":\"high\",\"restore\":false,\"partition\":1,\"zone\":3,\"occurredAt\":\"2026-11-23T10:14:58Z\","
                + "\"receivedAt\":\"2026-11-23T10:15:00Z\",\"text\":\"Hall PIR\",\"extended\":[{\"tag\":\"V\",\"value\":\"http://127.0.0.1/clip/1\"}],"
                + "\"transport\":\"ADM-CID\"}");
    assertThat(EventJson.read(json)).isEqualTo(e);
  }

  @Test
  void systemEventRoundTrips() {
    SystemEvent e = SystemEvent.supervisionLost("s-1", AccountId.of("77"), Instant.parse("2026-11-23T10:15:00Z"), null);
    assertThat(EventJson.read(EventJson.write(e))).isEqualTo(e);
  }

  @Test
  void unknownFieldsAreIgnored() {
    SystemEvent e = SystemEvent.supervisionRestored("s-2", AccountId.of("77"), Instant.parse("2026-11-23T10:15:00Z"));
    String json = EventJson.write(e).replace("{\"type\"", "{\"future\":[1,2,{}],\"type\"");
    assertThat(EventJson.read(json)).isEqualTo(e);
  }

  @Test
  void journalRecordRoundTripsWithEvent() {
    PanelEvent e = ModelTest.burglary(3, false);
    JournalRecord r = JournalRecord.alarmReceived(e).withSite("site-1").withAttribute("b", "2").withAttribute("a", "1");
    assertThat(r.attributes().keySet()).containsExactly("a", "b");
    JournalRecord back = CoreJson.journalRecordFromJson(CoreJson.parse(CoreJson.write(CoreJson.toJson(r))));
    assertThat(back).isEqualTo(r);
    JournalRecord call = JournalRecord.call("inc-1", "op-7", "keyholder 1", "no answer");
    assertThat(call.attributes()).isEqualTo(Map.of("callee", "keyholder 1", "outcome", "no answer"));
    assertThat(CoreJson.journalRecordFromJson(CoreJson.toJson(call))).isEqualTo(call);
    assertThatThrownBy(() -> JournalRecord.of("Bad Kind", "")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{}",
        "{\"type\":\"panel\"}",
        "{\"type\":\"other\"}",
        "{\"type\":7}",
        "{\"type\":\"system\",\"id\":\"x\",\"source\":\"s\",\"code\":{\"protocol\":\"sia\",\"code\":\"BA\"},\"category\":\"trouble\",\"priority\":\"low\",\"restore\":false,\"occurredAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"system\",\"id\":\"x\",\"source\":\"s\",\"code\":{\"protocol\":\"internal\",\"name\":\"X\"},\"category\":\"nope\",\"priority\":\"low\",\"restore\":false,\"occurredAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"system\",\"id\":\"x\",\"source\":\"s\",\"code\":{\"protocol\":\"internal\",\"name\":\"X\"},\"category\":\"trouble\",\"priority\":\"low\",\"restore\":\"no\",\"occurredAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"system\",\"id\":\"x\",\"source\":\"s\",\"code\":{\"protocol\":\"internal\",\"name\":\"X\"},\"category\":\"trouble\",\"priority\":\"low\",\"restore\":false,\"occurredAt\":\"yesterday\"}",
        "{\"type\":\"panel\",\"id\":\"x\",\"account\":{\"account\":\"X-Z\"},\"code\":{\"protocol\":\"sia\",\"code\":\"BA\"},\"category\":\"intrusion\",\"priority\":\"low\",\"restore\":false,\"receivedAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"panel\",\"id\":\"x\",\"account\":{\"account\":\"12\"},\"code\":{\"protocol\":\"contact-id\",\"qualifier\":2,\"event\":130},\"category\":\"intrusion\",\"priority\":\"low\",\"restore\":false,\"receivedAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"panel\",\"id\":\"x\",\"account\":{\"account\":\"12\"},\"code\":{\"protocol\":\"sia\",\"code\":\"BA\"},\"category\":\"intrusion\",\"priority\":\"low\",\"restore\":false,\"zone\":-1,\"receivedAt\":\"2026-11-23T10:15:00Z\"}",
        "{\"type\":\"panel\",\"id\":\"x\",\"account\":{\"account\":\"12\"},\"code\":{\"protocol\":\"sia\",\"code\":\"BA\"},\"category\":\"intrusion\",\"priority\":\"low\",\"restore\":false,\"zone\":1.5,\"receivedAt\":\"2026-11-23T10:15:00Z\"}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
      })
  void malformedInputIsATypedError(String json) {
    assertThatThrownBy(() -> EventJson.read(json))
        .isInstanceOfSatisfying(VpException.class, e -> assertThat(e.reason()).isEqualTo(VpException.Reason.MALFORMED));
  }
}
