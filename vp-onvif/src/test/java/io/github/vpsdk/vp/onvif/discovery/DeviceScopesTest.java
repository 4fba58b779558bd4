package io.github.vpsdk.vp.onvif.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceScopesTest {
  @Test
  void readsOnvifScopesAndKeepsTheRest() {
    DeviceScopes s =
        DeviceScopes.parse(
            List.of(
                "onvif://www.onvif.org/name/Caf%C3%A9%20door",
                "onvif://www.onvif.org/name/second-name-ignored",
                "ONVIF://www.onvif.org/Hardware/X1",
                "onvif://www.onvif.org/location/building/B%2",
                "onvif://www.onvif.org/profile/Q",
                "onvif://www.onvif.org/name/",
                "onvif://www.onvif.org/",
                "urn:vendor:thing"));
    assertThat(s.name()).isEqualTo("Café door");
    assertThat(s.hardware()).isEqualTo("X1");
    assertThat(s.locations()).containsExactly("building/B%2"); // a broken escape is kept as written
    assertThat(s.profiles()).containsExactly("Q");
    assertThat(s.raw()).hasSize(8);
    assertThat(DeviceScopes.parse(List.of())).isEqualTo(DeviceScopes.NONE);
    assertThat(DeviceScopes.decode("a%F0%9F%93%B7b\uD83D\uDCF7")).isEqualTo("a\uD83D\uDCF7b\uD83D\uDCF7");
  }
}
