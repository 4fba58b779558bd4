package io.github.vpsdk.vp.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:15:00Z");

  static PanelEvent burglary(int zone, boolean restore) {
    return PanelEvent.builder()
        .id("ev-" + zone + (restore ? "r" : ""))
        .account(AccountId.of("1", "2", "1234"))
        .code(new EventCode.Sia(restore ? "BR" : "BA"))
        .category(EventCategory.INTRUSION)
        .restore(restore)
        .partition(1)
        .zone(zone)
        .receivedAt(T0)
        .build();
  }

  @Test
  void accountIsNormalisedAndValidated() {
    assertThat(AccountId.of("1a2b").account()).isEqualTo("1A2B");
    assertThat(AccountId.of("0123")).isNotEqualTo(AccountId.of("123"));
    assertThat(AccountId.of("1", "2", "1234")).hasToString("R1-L2-#1234");
    assertThatThrownBy(() -> AccountId.of("12-4")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccountId.of("12345678901234567"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(AccountId.of("1234567890ABCDEF").account()).hasSize(16);
  }

  @Test
  void codesValidate() {
    assertThat(new EventCode.Sia("ba").code()).isEqualTo("BA");
    assertThat(new EventCode.ContactId(1, 130).text()).isEqualTo("1130");
    assertThat(new EventCode.ContactId(3, 7).text()).isEqualTo("3007");
    assertThat(new EventCode.ContactId(3, 130).isRestore()).isTrue();
    assertThatThrownBy(() -> new EventCode.ContactId(2, 130)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventCode.ContactId(1, 1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventCode.Sia("B1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventCode.Internal("lower")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void builderDerivesPriorityFromCategory() {
    assertThat(burglary(3, false).priority()).isEqualTo(Priority.HIGH);
    assertThat(burglary(3, true).priority()).isEqualTo(Priority.LOW);
    PanelEvent fire = burglary(3, false).toBuilder().category(EventCategory.FIRE).priority(Priority.CRITICAL).build();
    assertThat(fire.priority()).isEqualTo(Priority.CRITICAL);
    assertThat(Priority.CRITICAL.isMoreUrgentThan(Priority.HIGH)).isTrue();
    assertThat(Priority.INFO.isMoreUrgentThan(Priority.LOW)).isFalse();
  }

  @Test
  void eventsAreImmutableValues() {
    PanelEvent a = burglary(3, false).toBuilder().extended("V", "rtsp://cam/1").build();
    PanelEvent b = a.toBuilder().build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.extended(ExtendedField.VERIFICATION)).contains("rtsp://cam/1");
    assertThat(a.extended("X")).isEmpty();
    assertThatThrownBy(() -> a.extended().add(new ExtendedField("X", "1")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> a.toBuilder().zone(-1).build()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> a.toBuilder().id(" ").build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void supervisionEvents() {
    AccountId acct = AccountId.of("5678");
    SystemEvent lost = SystemEvent.supervisionLost("s1", acct, T0, T0.minusSeconds(600));
    assertThat(lost.category()).isEqualTo(EventCategory.TROUBLE);
    assertThat(lost.restore()).isFalse();
    assertThat(lost.receivedAt()).isEqualTo(lost.occurredAt());
    assertThat(lost.extended("last-heard")).contains(T0.minusSeconds(600).toString());
    SystemEvent back = SystemEvent.supervisionRestored("s2", acct, T0.plusSeconds(5));
    assertThat(back.restore()).isTrue();
    assertThat(back.priority()).isEqualTo(Priority.LOW);
  }

  @Test
  void siteLinksZonesToCameras() {
    Site site =
        Site.create(
            "site-1",
            b ->
                b.name("Depot")
                    .timeZone(ZoneId.of("Europe/Paris"))
                    .account(AccountId.of("1234"))
                    .partition(1, "Ground floor")
                    .camera(new Camera("cam-1", "Hall", URI.create("http://127.0.0.1/onvif/device_service"), "vault:cam-1", true))
                    .zone(new Zone(3, 1, "Hall PIR", EventCategory.INTRUSION, List.of(new CameraLink("cam-1", "hall"))))
                    .zone(Zone.of(4, "Office"))
                    .user(7, "Cleaner")
                    .keyholder(new Keyholder(2, "B", "+33100000002", "manager"))
                    .keyholder(new Keyholder(1, "A", "+33100000001", "owner")));
    assertThat(site.camerasFor(burglary(3, false))).containsExactly(new CameraLink("cam-1", "hall"));
    assertThat(site.camerasFor(burglary(4, false))).isEmpty();
    assertThat(site.camerasFor(burglary(9, false))).isEmpty();
    assertThat(site.keyholders()).extracting(Keyholder::name).containsExactly("A", "B");
    assertThat(site.userName(7)).contains("Cleaner");
    assertThat(site.reportsUnder(AccountId.of("9", "2", "1234"))).isTrue();
    assertThat(site.reportsUnder(AccountId.of("4321"))).isFalse();
    assertThat(site.toBuilder().build()).isEqualTo(site);
  }

  @Test
  void siteRefusesInconsistencies() {
    assertThatThrownBy(
            () -> Site.create("s", b -> b.zone(new Zone(1, null, "z", null, List.of(CameraLink.of("nope"))))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown camera nope");
    assertThatThrownBy(() -> Site.create("s", b -> b.zone(Zone.of(1, "a")).zone(Zone.of(1, "b"))))
        .hasMessageContaining("duplicate zone");
    assertThatThrownBy(
            () -> new Camera("c", "c", URI.create("http://admin:secret@10.0.0.1/onvif"), null, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
  }
}
