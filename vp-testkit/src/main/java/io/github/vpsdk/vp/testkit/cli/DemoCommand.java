package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.Incident;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalSigningKey;
import io.github.vpsdk.vp.core.journal.JournalVerifier;
import io.github.vpsdk.vp.core.journal.VerificationResult;
import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzStatus;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.onvif.Snapshot;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import io.github.vpsdk.vp.testkit.site.PanelFormat;
import io.github.vpsdk.vp.testkit.site.Scenario;
import io.github.vpsdk.vp.testkit.site.Site;
import io.github.vpsdk.vp.testkit.site.SiteAction;
import io.github.vpsdk.vp.testkit.site.SiteOptions;
import io.github.vpsdk.vp.testkit.site.SiteOutcome;
import io.github.vpsdk.vp.testkit.site.ZoneSpec;
import io.github.vpsdk.vp.testkit.site.ZoneType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vp demo [DIR]}: the whole chain on one machine, over loopback. A simulated shop (one
 * panel reporting encrypted SIA-DCS, one PTZ camera over ONVIF) is broken into at night; vp's
 * receiver acknowledges each report once it is durable in a signed journal; a scripted operator
 * console takes the alarm, moves the camera to the zone's preset, grabs a snapshot for the
 * incident record, calls the keyholder and closes the incident on the restore, writing every step
 * to the journal ("main courante"); finally the journal is verified with its checkpoint key.
 */
@Command(
    name = "demo",
    description = {
      "Run the end-to-end demo: a simulated site's panel reports over DC-09 (AES) to vp's receiver,"
          + " which journals each alarm durably before acknowledging it; a scripted operator takes"
          + " the alarm, moves the site's simulated ONVIF camera to the zone's preset, saves a"
          + " snapshot, calls the keyholder, closes the incident on the restore; the signed journal"
          + " is then verified. Everything runs on 127.0.0.1.",
      "Exit status: 0 when every alarm was acknowledged, handled and the journal verifies; 1"
          + " otherwise; 2 if DIR exists and is not empty; 3 on an I/O error."
    },
    mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
  private static final Dc09Key KEY = Dc09Key.fromHex("6A1F0E7C93B24D58A1C3E5F708192A3B");
  private static final String OPERATOR = "op-demo";

  @Spec @Nullable CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      description = "a new or empty directory for the journal and snapshots (default: a new temporary directory)")
  @Nullable Path dir;

  @Override
  public Integer call() throws Exception {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    Path d = dir != null ? dir : Files.createTempDirectory("vp-demo-");
    if (Files.exists(d)) {
      try (java.util.stream.Stream<Path> children = Files.list(d)) {
        if (children.findAny().isPresent()) {
          err.println("not empty: " + d + " (the demo writes a new journal)");
          return VpCli.EXIT_USAGE;
        }
      }
    }
    Path journalDir = d.resolve("journal");
    JournalSigningKey signingKey = JournalSigningKey.generate();
    Scenario scenario = Scenario.builder("shop at night")
        .panel("shop", "1234", p -> p.format(PanelFormat.SIA_DCS).key(KEY).fields("1", "0")
            .zone(new ZoneSpec(3, "Sales floor PIR", ZoneType.BURGLARY, 1))
            .zone(new ZoneSpec(4, "Back office PIR", ZoneType.BURGLARY, 1))
            .user(7, "Manager"))
        .at(Duration.ZERO, "shop", new SiteAction.Arm(7, 1))
        .at(Duration.ofMinutes(41), "shop", new SiteAction.Trip(3, "person in zone 3"))
        .at(Duration.ofMinutes(43), "shop", new SiteAction.Restore(3))
        .duration(Duration.ofMinutes(45))
        .build();
    BlockingQueue<AlarmEvent> console = new LinkedBlockingQueue<>();
    boolean ok = true;
    try (Journal journal = Journal.open(JournalConfig.create(b -> b.directory(journalDir).checkpointKey(signingKey)));
        Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> c
            .bindAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
            .keys(Dc09Keys.of(Map.of("1234", KEY), null))
            // the site runs in virtual time, ahead of this receiver's clock
            .timestampWindow(Duration.ofHours(2), Duration.ofHours(2))
            .sink(new ConsoleSink(EventSink.journal(journal), console))));
        SimulatedCamera shopCamera = SimulatedCamera.builder().name("Shop sales floor")
            .credentials("operator", "demo-password").ptz(true)
            .preset("zone 3", new PtzVector(0.42, -0.15, 0.3)).build().start();
        OnvifClient onvif = OnvifClient.create(OnvifConfig.defaults())) {
      out.println("receiver listening on " + receiver.localAddress() + " (DC-09, AES-128), journal " + journalDir);
      out.println("camera \"" + shopCamera.name() + "\" at " + shopCamera.xaddr());
      OnvifCamera camera = onvif.connect(shopCamera.xaddr(), Credentials.of("operator", "demo-password"))
          .get(60, TimeUnit.SECONDS);
      MediaProfile profile = camera.profiles().get(30, TimeUnit.SECONDS).get(0);
      PtzPreset preset = camera.presets(profile.token()).get(30, TimeUnit.SECONDS).stream()
          .filter(p -> p.name().equals("zone 3")).findFirst().orElseThrow();

      SiteOutcome outcome;
      try (Site site = Site.start(scenario, SiteOptions.create(o -> o.receivers(receiver.localAddress(), null)
          .virtualTime(Instant.now().truncatedTo(ChronoUnit.SECONDS)).ackTimeout(Duration.ofSeconds(10))))) {
        shopCamera.setScene("person in zone 3");
        outcome = site.runToEnd();
      }
      out.println("site: " + outcome.report().trim().replace("\n", "; "));

      Incident incident = null;
      int handled = 0;
      AlarmEvent event;
      while ((event = console.poll(2, TimeUnit.SECONDS)) != null) {
        if (!(event instanceof PanelEvent)) {
          continue;
        }
        PanelEvent e = (PanelEvent) event;
        String code = e.code().text();
        out.printf(Locale.ROOT, "%n[console] %s %s zone %s user %s (%s) - acknowledged to the panel once journaled%n",
            e.account(), code, e.zone(), e.user(), e.category());
        if (code.equals("BA") && incident == null) {
          incident = Incident.open("INC-" + (100 + handled), "shop", e, Clock.systemUTC());
          journal.appendAndWait(JournalRecord.incidentOpened(incident));
          journal.appendAndWait(JournalRecord.acknowledged(incident.id(), OPERATOR));
          out.println("[console] " + incident.id() + " opened and taken by " + OPERATOR);
          camera.gotoPreset(profile.token(), preset.token(), null).get(30, TimeUnit.SECONDS);
          PtzStatus status = camera.ptzStatus(profile.token()).get(30, TimeUnit.SECONDS);
          for (int i = 0; i < 100 && !"IDLE".equals(status.panTiltMoving()); i++) {
            Thread.sleep(100); // the head moves at its own speed; the operator waits for it to settle
            status = camera.ptzStatus(profile.token()).get(30, TimeUnit.SECONDS);
          }
          journal.appendAndWait(JournalRecord.operatorAction(incident.id(), OPERATOR, "ptz.preset",
              "camera " + shopCamera.name() + " to preset \"zone 3\", now at " + status.position()));
          out.println("[console] camera moved to preset \"zone 3\": " + status.position());
          Snapshot snap = camera.snapshot(profile.token()).get(30, TimeUnit.SECONDS);
          Path file = d.resolve(incident.id() + "-snapshot.jpg");
          Files.write(file, snap.bytes());
          journal.appendAndWait(JournalRecord.operatorAction(incident.id(), OPERATOR, "camera.snapshot",
              "snapshot " + snap.bytes().length + " bytes, sha256 " + sha256(snap.bytes()) + ", " + file.getFileName()));
          out.println("[console] doubt removal: snapshot (" + snap.bytes().length + " bytes, shows \""
              + shopCamera.scene() + "\") saved to " + file);
          journal.appendAndWait(JournalRecord.call(incident.id(), OPERATOR, "keyholder 1: shop manager", "answered"));
          journal.appendAndWait(JournalRecord.dispatch(incident.id(), OPERATOR, "guard patrol 12", "on the way"));
          out.println("[console] keyholder called (answered), guard patrol 12 dispatched");
          handled++;
        } else if (code.equals("BR") && incident != null) {
          incident = incident.close(OPERATOR, "restore received; guard found a forced side door, site secured", Clock.systemUTC());
          journal.appendAndWait(JournalRecord.incidentClosed(incident.id(), OPERATOR, "restore received, site secured"));
          out.println("[console] restore: " + incident.id() + " closed");
          handled++;
        }
      }
      journal.checkpointNow();
      ok = outcome.events().size() == 3 && outcome.check(scenario.expectations()).isEmpty() && handled == 2;
      out.println();
      out.println("# journal " + journalDir + ":");
      try (java.util.stream.Stream<JournalEntry> entries = Journal.readDirectory(journalDir, 1)) {
        entries.forEach(x -> out.printf(Locale.ROOT, "%4d %s %-16s %s%n", x.sequence(), x.recordedAt(), x.record().kind(),
            x.record().text()));
      }
    } catch (IOException e) {
      err.println("demo failed: " + e.getMessage());
      return VpCli.EXIT_IO;
    }
    VerificationResult verified = JournalVerifier.verify(journalDir, signingKey.publicKey());
    out.println();
    out.println("# vp journal verify " + journalDir + " --public-key " + signingKey.publicKey().toHex());
    out.println(verified.ok() ? "OK: " + verified.entriesChecked() + " entries, " + verified.checkpointsChecked()
        + " checkpoint signature checked" : "FAILED: " + verified.failure());
    out.flush();
    return ok && verified.ok() ? VpCli.EXIT_OK : VpCli.EXIT_CHECK_FAILED;
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The journal sink, then a hand-off to the console once the event is durable. */
  private static final class ConsoleSink implements EventSink {
    private final EventSink journal;
    private final BlockingQueue<AlarmEvent> console;

    ConsoleSink(EventSink journal, BlockingQueue<AlarmEvent> console) {
      this.journal = journal;
      this.console = console;
    }

    @Override
    public CompletionStage<Void> deliver(AlarmEvent event) {
      return journal.deliver(event).thenRun(() -> console.add(event));
    }

    @Override
    public boolean nonBlocking() {
      return true;
    }
  }
}
