package io.github.vpsdk.vp.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.testkit.property.CoreGens;
import io.github.vpsdk.vp.testkit.property.Mutations;
import io.github.vpsdk.vp.testkit.property.Property;
import io.github.vpsdk.vp.testkit.property.PropertyRandom;
import java.nio.charset.StandardCharsets;

/** Properties of vp-core's JSON forms, checked with the testkit's generators. */
class CoreJsonPropertyTest {

  @Property(tries = 300)
  void journalRecordsRoundTripThroughJson(PropertyRandom random) {
    JournalRecord record = CoreGens.journalRecords().sample(random);
    String json = CoreJson.write(CoreJson.toJson(record));
    assertThat(CoreJson.journalRecordFromJson(CoreJson.parse(json))).isEqualTo(record);
  }

  @Property(tries = 1000)
  void damagedEventJsonIsReadOrRejectedAsMalformed(PropertyRandom random) {
    AlarmEvent event = CoreGens.alarmEvents().sample(random);
    byte[] valid = EventJson.write(event).getBytes(StandardCharsets.UTF_8);
    byte[] damaged = Mutations.of(valid).sample(random);
    String text = new String(damaged, StandardCharsets.UTF_8);
    try {
      AlarmEvent read = EventJson.read(text);
      // a damage the format tolerates (whitespace, an ignored field) still gives a valid event
      assertThat(EventJson.read(EventJson.write(read))).isEqualTo(read);
    } catch (VpException e) {
      assertThat(e.reason()).as("%s on %s", e, text).isEqualTo(VpException.Reason.MALFORMED);
    }
  }
}
