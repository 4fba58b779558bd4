package io.github.vpsdk.vp.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scenario documents: what they say, and what is refused with which message. */
class ScenarioTest {

  @Test
  void theShopDocument() {
    Scenario s = Scenario.resource("scenarios/shop.yaml", getClass().getClassLoader());
    assertThat(s.name()).isEqualTo("shop");
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(10));
    PanelSpec shop = s.panel("shop");
    assertThat(shop.format()).isEqualTo(PanelFormat.ADM_CID);
    assertThat(shop.pollInterval()).isEqualTo(Duration.ofMinutes(3));
    assertThat(shop.zone(4).type()).isEqualTo(ZoneType.FIRE);
    assertThat(s.timeline()).hasSize(6);
    assertThat(s.timeline().get(5).every()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.expectations().acknowledgedWithin()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aFleetCountsItsAccountsAndCamerasLookAtZones() {
    Scenario s = Scenario.parse(String.join("\n",
        "name: fleet",
        "panels:",
        "  - {name: kiosk, account: \"00FE\", count: 3, key: \"hex:00112233445566778899AABBCCDDEEFF\", zones: [{number: 1}]}",
        "cameras:",
        "  - {name: cam, panel: kiosk-2, zones: [1], ptz: true}",
        "timeline:",
        "  - {at: 1s, panel: kiosk, action: trip, zone: 1, sees: a person}",
        "  - {at: 2s, action: clock-skew, skew: -2m}",
        "  - {at: 3s, camera: cam, action: reboot}",
        "  - {at: 4s, camera: cam, action: slow-snapshot, delay: 3s}",
        "  - {at: 5s, camera: cam, action: event, event: video-loss, active: true}",
        ""));
    assertThat(s.panels()).extracting(PanelSpec::name).containsExactly("kiosk-1", "kiosk-2", "kiosk-3");
    assertThat(s.panels()).extracting(PanelSpec::account).containsExactly("00FE", "00FF", "0100");
    assertThat(s.timeline()).hasSize(7);
    assertThat(s.timeline().get(6).action()).isEqualTo(
        new SiteAction.CameraEvent("cam", io.github.vpsdk.vp.testkit.camera.CameraEventKind.VIDEO_LOSS, true));
    assertThat(s.timeline().get(5).action())
        .isEqualTo(new SiteAction.CameraFault("cam", SiteAction.CameraFaultKind.SLOW_SNAPSHOT, Duration.ofSeconds(3), null));
    assertThat(s.timeline().get(3).action()).isEqualTo(new SiteAction.ClockSkew(Duration.ofMinutes(-2)));
    assertThat(s.cameras().get(0).sees("kiosk-2", 1)).isTrue();
    assertThat(s.cameras().get(0).sees("kiosk-1", 1)).isFalse();
    assertThat(s.panel("kiosk-1").toString()).doesNotContain("0011223344");
  }

  @Test
  void mistakesAreNamedWithTheirPlace() {
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels: []\n")).hasMessageContaining("panels:");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\", colour: red}\n"))
        .hasMessageContaining("panels[0].colour: unknown field");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\"}\ntimeline:\n  - {at: soon, action: test}\n"))
        .hasMessageContaining("timeline[0].at: a duration");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\"}\ntimeline:\n  - {panel: p, action: trip, zone: 9}\n"))
        .hasMessageContaining("no zone 9");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\"}\ntimeline:\n  - {panel: q, action: test}\n"))
        .hasMessageContaining("timeline[0].panel: no panel named q");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\", key: \"hex:12\"}\n"))
        .hasMessageContaining("panels[0].key").hasMessageNotContaining("hex:12");
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\"}\ntimeline:\n  - {camera: c, action: reboot}\n"))
        .hasMessageContaining("unknown camera: c");
    assertThatThrownBy(() -> Scenario.parse("[not, a, mapping]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scenario.parse("name: x\npanels:\n  - {name: p, account: \"1\"}\n  - {name: p, account: \"2\"}\n"))
        .hasMessageContaining("two panels are named p");
  }

  @Test
  void damagedDocumentsAreRefusedCleanly() {
    String doc = "name: shop\nduration: 10m\npanels:\n  - {name: shop, account: \"1234\", zones: [{number: 3, type: fire}]}\n"
        + "timeline:\n  - {at: 10s, panel: shop, action: trip, zone: 3}\n";
    long seed = new Random().nextLong();
    Random r = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      StringBuilder b = new StringBuilder(doc);
      for (int k = 1 + r.nextInt(4); k > 0; k--) {
        int at = r.nextInt(b.length());
        switch (r.nextInt(3)) {
          case 0: b.deleteCharAt(at); break;
          case 1: b.insert(at, "{}[]:,-\"'&*!|>%@`#\n 0a".charAt(r.nextInt(22))); break;
          default: b.setCharAt(at, (char) r.nextInt(128)); break;
        }
      }
      try {
        Scenario.parse(b.toString());
      } catch (IllegalArgumentException expected) {
        // refused with a reason
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", try " + i + ": " + e + " on\n" + b, e);
      }
    }
  }
}
