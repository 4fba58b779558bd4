package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Incident;
import io.github.vpsdk.vp.core.IncidentState;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.Classification;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalSigningKey;
import io.github.vpsdk.vp.core.journal.JournalVerifier;
import io.github.vpsdk.vp.core.journal.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vp journal demo [DIR]}: writes one alarm's handling, from the panel's burglary report to
 * the closure of the incident, into a new journal with a signed checkpoint; prints it; verifies
 * it with the checkpoint key; then damages one byte of a copy and shows that verification names
 * the damaged record. Times come from a scripted clock (the night of 2026-11-23), so the output
 * is the same on every run but for the freshly generated key and the hashes and signatures that
 * depend on it.
 */
@Command(
    name = "demo",
    description = {
      "Write a sample incident into a new journal in DIR (an alarm, the operator's doubt removal,"
          + " calls, a dispatch, the restore and the closure), with a signed checkpoint; print"
          + " it, verify it, then show that changing one byte of a copy is detected.",
      "Exit status: 0 when the journal verifies and the damaged copy does not, 1 otherwise,"
          + " 2 if DIR exists and is not empty, 3 on an I/O error."
    },
    mixinStandardHelpOptions = true)
final class JournalDemo implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "a new or empty directory (default: a new temporary directory)")
  @Nullable Path dir;

  /** A clock the script moves forward; the journal reads it when it writes each entry. */
  private static final class ScriptClock extends Clock {
    private volatile Instant now;

    ScriptClock(Instant start) {
      now = start;
    }

    void at(String time) {
      now = Instant.parse("2026-11-23T" + time + "Z");
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Override
  public Integer call() throws IOException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    Path d = dir != null ? dir : Files.createTempDirectory("vp-journal-demo-");
    if (Files.exists(d)) {
      try (Stream<Path> children = Files.list(d)) {
        if (children.findAny().isPresent()) {
          err.println("not empty: " + d + " (the demo writes a new journal)");
          return VpCli.EXIT_USAGE;
        }
      }
    }
    Path journalDir = d.resolve("journal");
    JournalSigningKey key = JournalSigningKey.generate();
    ScriptClock clock = new ScriptClock(Instant.parse("2026-11-23T02:14:00Z"));
    try (Journal journal =
        Journal.open(
            JournalConfig.create(b -> b.directory(journalDir).clock(clock).checkpointKey(key)))) {
      writeIncident(journal, clock);
      clock.at("02:40:13");
      journal.checkpointNow();
    }

    out.println("# journal written to " + journalDir + "; its entries:");
    try (Stream<JournalEntry> entries = Journal.readDirectory(journalDir, 1)) {
      entries.forEach(e -> out.println(CoreJson.write(JournalCommand.toJson(e))));
    }

    String publicKey = key.publicKey().toHex();
    out.println();
    out.println("# vp journal verify " + journalDir + " --public-key " + publicKey);
    VerificationResult good = JournalVerifier.verify(journalDir, key.publicKey());
    out.println(good.ok() ? "OK: " + good.entriesChecked() + " entries, " + good.checkpointsChecked()
        + " checkpoint signature checked" : "FAILED: " + describe(good));

    Path damaged = d.resolve("journal-damaged");
    copyWithOneByteChanged(journalDir, damaged);
    out.println();
    out.println("# a copy with one byte changed (\"no answer\" became \"no_answer\" in one call"
        + " record): " + damaged);
    VerificationResult bad = JournalVerifier.verify(damaged, key.publicKey());
    out.println(bad.ok() ? "OK (the damage was NOT detected)" : "FAILED: " + describe(bad));
    out.flush();
    return good.ok() && !bad.ok() ? VpCli.EXIT_OK : VpCli.EXIT_CHECK_FAILED;
  }

  private static String describe(VerificationResult r) {
    VerificationResult.Failure f = java.util.Objects.requireNonNull(r.failure());
    return f.reason() + " at sequence " + f.sequence() + " (" + f.segment().getFileName()
        + ", byte " + f.offset() + "): " + f.detail();
  }

  /** One burglary at a depot at night, handled by operator op-7, as a centre would record it. */
  private static void writeIncident(Journal journal, ScriptClock clock) {
    EventCatalogue catalogue = EventCatalogue.defaults();
    AccountId account = AccountId.of("1", "2", "1234");
    String site = "depot-lyon-7";
    PanelEvent alarm = panelEvent(catalogue, "ev-20261123-0001", account, new EventCode.ContactId(1, 130), "02:13:58", "02:14:00");
    clock.at("02:14:00");
    journal.appendAndWait(JournalRecord.alarmReceived(alarm).withSite(site));
    Incident incident = Incident.open("INC-2026-0412", site, alarm, clock);
    journal.appendAndWait(JournalRecord.incidentOpened(incident));

    List<Step> steps = new ArrayList<>();
    steps.add(new Step("02:14:07", JournalRecord.acknowledged(incident.id(), "op-7")));
    steps.add(new Step("02:14:15", JournalRecord.operatorAction(incident.id(), "op-7", "camera.view", "live view of cam-hall (zone 3)")));
    steps.add(new Step("02:14:22", JournalRecord.operatorAction(incident.id(), "op-7", "ptz.preset", "cam-yard moved to preset 'loading bay'")));
    steps.add(new Step("02:14:31", JournalRecord.operatorAction(incident.id(), "op-7", "snapshot", "2 snapshots attached: nobody in view")));
    steps.add(new Step("02:15:02", JournalRecord.call(incident.id(), "op-7", "keyholder 1: site manager", "no answer")));
    steps.add(new Step("02:15:40", JournalRecord.call(incident.id(), "op-7", "keyholder 2: deputy manager", "answered, no one expected on site")));
    steps.add(new Step("02:16:05", JournalRecord.dispatch(incident.id(), "op-7", "guard", "G-2211")));
    for (Step step : steps) {
      clock.at(step.time);
      journal.appendAndWait(step.record.withSite(site));
    }
    incident = incident.moveTo(IncidentState.ACKNOWLEDGED, "op-7", "taken", clock)
        .moveTo(IncidentState.DISPATCHED, "op-7", "guard G-2211", clock)
        .moveTo(IncidentState.AWAITING_RESTORE, "op-7", "guard on the way", clock);
    journal.appendAndWait(JournalRecord.of(JournalRecord.INCIDENT_STATE, "awaiting restore")
        .withSite(site).withIncident(incident.id()).withActor("op-7")
        .withAttribute("state", incident.state().name()));

    PanelEvent restore = panelEvent(catalogue, "ev-20261123-0002", account, new EventCode.ContactId(3, 130), "02:31:44", "02:31:45");
    clock.at("02:31:45");
    journal.appendAndWait(JournalRecord.alarmReceived(restore).withSite(site).withIncident(incident.id()));
    incident = incident.withEvent(restore, clock);
    clock.at("02:38:00");
    journal.appendAndWait(JournalRecord.comment(incident.id(), "guard G-2211", "on site: window of the hall left open, no intrusion").withSite(site));
    clock.at("02:40:12");
    incident = incident.close("op-7", "false alarm: open window", clock);
    journal.appendAndWait(JournalRecord.incidentClosed(incident.id(), "op-7", incident.resolution()).withSite(site));
  }

  private static PanelEvent panelEvent(
      EventCatalogue catalogue, String id, AccountId account, EventCode code, String panelTime, String received) {
    Classification c = catalogue.classify(code);
    return PanelEvent.builder()
        .id(id)
        .account(account)
        .code(code)
        .category(c.category() == EventCategory.UNKNOWN ? EventCategory.INTRUSION : c.category())
        .restore(c.restore())
        .priority(c.priority())
        .partition(1)
        .zone(3)
        .occurredAt(Instant.parse("2026-11-23T" + panelTime + "Z"))
        .receivedAt(Instant.parse("2026-11-23T" + received + "Z"))
        .text("Hall PIR")
        .transport("ADM-CID")
        .build();
  }

  private static void copyWithOneByteChanged(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (!f.getFileName().toString().endsWith(".jsonl")) {
          continue;
        }
        String text = Files.readString(f, StandardCharsets.UTF_8);
        int at = text.indexOf("no answer");
        if (at >= 0) {
          text = text.substring(0, at + 2) + "_" + text.substring(at + 3);
        }
        Files.writeString(to.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
  }

  private static final class Step {
    final String time;
    final JournalRecord record;

    Step(String time, JournalRecord record) {
      this.time = time;
      this.record = record;
    }
  }
}
