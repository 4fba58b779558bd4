package io.github.vpsdk.vp.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A simulated site against vp's own receiver, over loopback, in virtual time. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SiteTest {
  private static final Dc09Key KEY = Dc09Key.fromHex("00112233445566778899AABBCCDDEEFF");

  static final class Recording implements EventSink {
    final List<AlarmEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> deliver(AlarmEvent event) {
      events.add(event);
      return CompletableFuture.completedFuture(null);
    }

    List<String> codes() {
      return events.stream().filter(e -> e instanceof PanelEvent)
          .map(e -> e.code().text() + "/" + ((PanelEvent) e).zone()).collect(Collectors.toList());
    }
  }

  private static ReceiverConfig.Builder receiver(ReceiverConfig.Builder c, EventSink sink) {
    return c.sink(sink).keys(Dc09Keys.of(Map.of(), KEY)).timestampWindow(Duration.ofDays(1), Duration.ofDays(1));
  }

  @Test
  void theShopScenarioRunsInVirtualTime() throws Exception {
    Recording sink = new Recording();
    Scenario scenario = Scenario.resource("scenarios/shop.yaml", getClass().getClassLoader());
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> receiver(c, sink)));
        Site site = Site.start(scenario, SiteOptions.create(o -> o.receivers(receiver.localAddress(), null).virtualTime(start)))) {
      long real = System.nanoTime();
      SiteOutcome outcome = site.runToEnd();
      Duration took = Duration.ofNanos(System.nanoTime() - real);

      assertThat(took).as("ten virtual minutes").isLessThan(Duration.ofSeconds(30));
      assertThat(site.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
      assertThat(outcome.check(scenario.expectations())).isEmpty();
      // arm, three periodic tests (0, 5, 10 min), two trips, two restores
      assertThat(outcome.events()).hasSize(8).allMatch(e -> e.status() == EventRecord.Status.ACKNOWLEDGED);
      assertThat(outcome.events().get(0).data()).isEqualTo("#1234|3401 01 001");
      assertThat(outcome.events()).extracting(EventRecord::data)
          .contains("#1234|1130 01 003", "#1234|1110 01 004", "#1234|3130 01 003", "#1234|3110 01 004", "#1234|1602 00 000");
      assertThat(outcome.events()).filteredOn(e -> e.data().equals("#1234|1130 01 003"))
          .singleElement().satisfies(e -> {
            assertThat(e.sees()).isEqualTo("person in zone 3");
            assertThat(e.queuedAt()).as("the timeline's time, give or take the network's milliseconds")
                .isBetween(start.plusSeconds(10), start.plusSeconds(10).plusMillis(500));
          });
      assertThat(outcome.polls()).as("NULL link tests every 3 virtual minutes").isGreaterThanOrEqualTo(2);
      assertThat(sink.codes()).containsSubsequence("1130/3", "1110/4", "3130/3");
      assertThat(sink.events).hasSize(8);
    }
  }

  @Test
  void faultsOfTheFieldAreInjectedAndRecorded() throws Exception {
    Recording primarySink = new Recording();
    Recording backupSink = new Recording();
    Scenario scenario = Scenario.builder("faults")
        .panel("p", "5678", b -> b.format(PanelFormat.SIA_DCS).key(KEY).zone(1, ZoneType.BURGLARY).zone(2, ZoneType.PANIC))
        .at(Duration.ofSeconds(1), "p", new SiteAction.Trip(2, null))
        .at(Duration.ofSeconds(5), "p", new SiteAction.PrimaryPath(true))
        .at(Duration.ofSeconds(6), "p", new SiteAction.Restore(2))
        .at(Duration.ofSeconds(20), "p", new SiteAction.PrimaryPath(false))
        .at(Duration.ofSeconds(30), "p", new SiteAction.DropAcks(1))
        .at(Duration.ofSeconds(31), "p", new SiteAction.Trip(2, null))
        .duration(Duration.ofSeconds(40))
        .build();
    try (Dc09Receiver primary = Dc09Receiver.start(ReceiverConfig.create(c -> receiver(c, primarySink)));
        Dc09Receiver backup = Dc09Receiver.start(ReceiverConfig.create(c -> receiver(c, backupSink)));
        Site site = Site.start(scenario, SiteOptions.create(o -> o
            .receivers(primary.localAddress(), backup.localAddress())
            .virtualTime(Instant.now())
            .ackTimeout(Duration.ofSeconds(3))
            .retryBackoff(Duration.ofMillis(20))))) {
      SiteOutcome outcome = site.runToEnd();

      assertThat(outcome.events()).hasSize(3).allMatch(e -> e.status() == EventRecord.Status.ACKNOWLEDGED);
      EventRecord first = outcome.events().get(0);
      EventRecord duringCut = outcome.events().get(1);
      EventRecord afterDrop = outcome.events().get(2);
      assertThat(first.data()).isEqualTo("#5678|Nri1/PA002");
      assertThat(first.attempts()).isEqualTo(1);
      assertThat(duringCut.lastPath()).as("fell over to the backup").isEqualTo(1);
      assertThat(duringCut.attempts()).isGreaterThan(1);
      assertThat(afterDrop.attempts()).as("the first ACK was swallowed").isGreaterThanOrEqualTo(2);
      assertThat(outcome.retries()).isGreaterThanOrEqualTo(2);
      assertThat(outcome.frames(FrameRecord.Kind.SENT)).allMatch(f -> f.token().startsWith("*"));
      assertThat(backupSink.codes()).contains("PR/2");
      List<String> all = new java.util.ArrayList<>(primarySink.codes());
      all.addAll(backupSink.codes());
      assertThat(all).as("the retried alarm delivered once although sent twice").containsExactlyInAnyOrder("PA/2", "PR/2", "PA/2");
      assertThat(primary.metrics().duplicates() + backup.metrics().duplicates()).isEqualTo(1);
    }
  }

  @Test
  void aWrongKeyIsNeverAcknowledgedAndTheRightOneCatchesUp() throws Exception {
    Recording sink = new Recording();
    Scenario scenario = Scenario.builder("keys")
        .panel("p", "9999", b -> b.key(KEY).zone(7, ZoneType.FIRE))
        .at(Duration.ofSeconds(1), "p", new SiteAction.WrongKey(true))
        .duration(Duration.ofSeconds(2))
        .build();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> receiver(c, sink)));
        Site site = Site.start(scenario, SiteOptions.create(o -> o.receivers(receiver.localAddress(), null)
            .virtualTime(Instant.now()).ackTimeout(Duration.ofMillis(300)).retryBackoff(Duration.ofMillis(20))
            .settleTimeout(Duration.ofSeconds(2))))) {
      site.runToEnd();
      CompletableFuture<Void> fire = site.panel("p").trip(7, null);
      assertThat(site.awaitSettled(Duration.ofSeconds(2))).isFalse();
      assertThat(sink.events).isEmpty();
      assertThat(receiver.metrics().refused()).containsKey("DECRYPT_FAILED");
      site.panel("p").wrongKey(false);
      fire.get(10, TimeUnit.SECONDS);
      assertThat(sink.codes()).containsExactly("1110/7");
      assertThat(site.outcome().events().get(0).attempts()).isGreaterThan(1);
    }
  }

  @Test
  void aCameraLookingAtTheZoneShowsWhatTheTripSees() throws Exception {
    Recording sink = new Recording();
    Scenario scenario = Scenario.builder("camera")
        .panel("p", "4242", b -> b.zone(3, ZoneType.PANIC))
        .camera(CameraSpec.of("hall", "p", true, 3))
        .at(Duration.ofSeconds(10), "p", new SiteAction.Trip(3, "person in zone 3"))
        .at(Duration.ofSeconds(20), "p", new SiteAction.Restore(3))
        .at(Duration.ofSeconds(25), null, new SiteAction.CameraFault("hall", SiteAction.CameraFaultKind.FAILING_SNAPSHOT, null, null))
        .at(Duration.ofSeconds(26), null, new SiteAction.CameraFault("hall", SiteAction.CameraFaultKind.SEES, null, "a cat"))
        .at(Duration.ofSeconds(27), null, new SiteAction.CameraEvent("hall", io.github.vpsdk.vp.testkit.camera.CameraEventKind.TAMPER, true))
        .duration(Duration.ofSeconds(30))
        .build();
    try (Dc09Receiver receiver = Dc09Receiver.start(ReceiverConfig.create(c -> receiver(c, sink)));
        Site site = Site.start(scenario, SiteOptions.create(o -> o.receivers(receiver.localAddress(), null)
            .virtualTime(Instant.now()).ackTimeout(Duration.ofSeconds(10))))) {
      assertThat(site.camera("hall").scene()).isEmpty();
      site.advance(Duration.ofSeconds(15));
      assertThat(site.camera("hall").scene()).isEqualTo("person in zone 3");
      try (io.github.vpsdk.vp.onvif.OnvifClient client = io.github.vpsdk.vp.onvif.OnvifClient.create(
          io.github.vpsdk.vp.onvif.OnvifConfig.defaults())) {
        io.github.vpsdk.vp.onvif.OnvifCamera cam = client.connect(site.camera("hall").xaddr(),
            io.github.vpsdk.vp.onvif.Credentials.of("admin", "admin")).get(60, TimeUnit.SECONDS);
        var sub = cam.events().subscribe(Duration.ofMinutes(1), null).get(30, TimeUnit.SECONDS);
        var messages = sub.pull(Duration.ofSeconds(2), 10).get(30, TimeUnit.SECONDS);
        assertThat(messages.events()).as("the camera confirms the alarm with its motion event")
            .anyMatch(e -> e.topicPath().contains("Motion") && e.active().orElse(false));
      }
      assertThat(site.camera("hall").hasPtz()).isTrue();
      site.advance(Duration.ofSeconds(7));
      assertThat(site.camera("hall").scene()).isEmpty();
      site.runToEnd();
      assertThat(site.camera("hall").scene()).isEqualTo("a cat");
      try (io.github.vpsdk.vp.onvif.OnvifClient client = io.github.vpsdk.vp.onvif.OnvifClient.create(
          io.github.vpsdk.vp.onvif.OnvifConfig.defaults())) {
        io.github.vpsdk.vp.onvif.OnvifCamera cam = client.connect(site.camera("hall").xaddr(),
            io.github.vpsdk.vp.onvif.Credentials.of("admin", "admin")).get(60, TimeUnit.SECONDS);
        var sub = cam.events().subscribe(Duration.ofMinutes(1), null).get(30, TimeUnit.SECONDS);
        var state = sub.pull(Duration.ofSeconds(2), 20).get(30, TimeUnit.SECONDS);
        assertThat(state.events()).as("the tamper raised by the timeline").anyMatch(e -> e.topicPath().contains("GlobalSceneChange")
            && e.active().orElse(false));
      }
      assertThat(sink.codes()).containsExactly("1120/3", "3120/3");
    }
  }
}
