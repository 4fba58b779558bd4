package io.github.vpsdk.vp.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.EventJson;
import io.github.vpsdk.vp.core.Incident;
import io.github.vpsdk.vp.core.IncidentState;
import io.github.vpsdk.vp.core.IncidentTransition;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.Site;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The model generators give valid, varied values, and the model's JSON round-trips them. */
class CoreGensTest {

  @Property(tries = 500)
  void alarmEventsSurviveTheirJsonForm(PropertyRandom random) {
    AlarmEvent event = CoreGens.alarmEvents().sample(random);
    assertThat(EventJson.read(EventJson.write(event))).isEqualTo(event);
  }

  @Property(tries = 300)
  void accountsAreHexOfBoundedLength(PropertyRandom random) {
    AccountId account = CoreGens.accountIds().sample(random);
    assertThat(account.account()).matches("[0-9A-F]{1,16}");
    assertThat(AccountId.of(account.receiver(), account.prefix(), account.account())).isEqualTo(account);
  }

  @Property(tries = 200)
  void eventTimesAreInTheWindowAndPanelTimeNeverAfterReception(PropertyRandom random) {
    PanelEvent event = CoreGens.panelEvents().sample(random);
    assertThat(event.receivedAt()).isBetween(CoreGens.EARLIEST, CoreGens.LATEST);
    if (event.occurredAt() != null) {
      assertThat(event.occurredAt()).isBeforeOrEqualTo(event.receivedAt());
    }
  }

  @Property(tries = 200)
  void sitesAreConsistent(PropertyRandom random) {
    Site site = CoreGens.sites().sample(random);
    assertThat(site.accounts()).isNotEmpty().doesNotHaveDuplicates();
    // rebuilding runs the record's consistency checks again
    assertThat(site.toBuilder().build()).isEqualTo(site);
    site.zones().forEach(z -> z.cameras().forEach(l -> assertThat(site.camera(l.cameraId())).isPresent()));
  }

  @Property(tries = 200)
  void incidentsFollowTheStateMachine(PropertyRandom random) {
    Incident incident = CoreGens.incidents().sample(random);
    List<IncidentTransition> history = incident.history();
    assertThat(history.get(0).to()).isEqualTo(IncidentState.OPEN);
    for (int i = 1; i < history.size(); i++) {
      IncidentTransition t = history.get(i);
      assertThat(t.from() == t.to() || t.from().canMoveTo(t.to())).as("%s", t).isTrue();
      assertThat(t.at()).isAfter(history.get(i - 1).at());
    }
    assertThat(incident.isClosed()).isEqualTo(incident.closedAt() != null);
  }

  @Test
  void generatorsCoverTheModel() {
    PropertyRandom random = PropertyRandom.of(12);
    Set<Class<?>> codeKinds = new HashSet<>();
    Set<String> sia = new HashSet<>();
    Set<Integer> qualifiers = new HashSet<>();
    for (EventCode code : CoreGens.eventCodes().samples(random, 2000)) {
      codeKinds.add(code.getClass());
      if (code instanceof EventCode.Sia) {
        sia.add(code.text());
      } else if (code instanceof EventCode.ContactId) {
        EventCode.ContactId cid = (EventCode.ContactId) code;
        qualifiers.add(cid.qualifier());
        assertThat(cid.event()).isBetween(100, 999);
      }
    }
    assertThat(codeKinds).containsExactlyInAnyOrder(EventCode.Sia.class, EventCode.ContactId.class, EventCode.Internal.class);
    assertThat(sia).contains("BA", "FA", "PA", "OP", "CL");
    assertThat(qualifiers).containsExactlyInAnyOrder(1, 3, 6);

    List<AlarmEvent> events = CoreGens.alarmEvents().samples(random, 1000);
    assertThat(events).hasAtLeastOneElementOfType(PanelEvent.class).hasAtLeastOneElementOfType(SystemEvent.class);
    assertThat(events).anyMatch(AlarmEvent::restore).anyMatch(e -> !e.restore());
    assertThat(events).anyMatch(e -> e.occurredAt() == null).anyMatch(e -> e.account() == null);

    EnumSet<IncidentState> states = EnumSet.noneOf(IncidentState.class);
    CoreGens.incidents().samples(random, 500).forEach(i -> states.add(i.state()));
    assertThat(states).containsExactlyInAnyOrder(IncidentState.values());

    Set<String> kinds = new HashSet<>();
    CoreGens.journalRecords().samples(random, 1000).forEach(r -> kinds.add(r.kind()));
    assertThat(kinds).contains(JournalRecord.ALARM_RECEIVED, JournalRecord.INCIDENT_OPENED, JournalRecord.CALL, JournalRecord.INCIDENT_CLOSED);
  }
}
