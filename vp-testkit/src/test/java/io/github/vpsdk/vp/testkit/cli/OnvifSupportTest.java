package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class OnvifSupportTest {

  @Test
  void addressForms() {
    assertThat(OnvifSupport.deviceAddress("192.0.2.10")).isEqualTo(URI.create("http://192.0.2.10/onvif/device_service"));
    assertThat(OnvifSupport.deviceAddress(" cam.example:8080 ")).isEqualTo(URI.create("http://cam.example:8080/onvif/device_service"));
    assertThat(OnvifSupport.deviceAddress("[2001:db8::7]:81")).isEqualTo(URI.create("http://[2001:db8::7]:81/onvif/device_service"));
    assertThat(OnvifSupport.deviceAddress("https://192.0.2.10")).isEqualTo(URI.create("https://192.0.2.10/onvif/device_service"));
    assertThat(OnvifSupport.deviceAddress("http://192.0.2.10:8000/onvif/device_service"))
        .isEqualTo(URI.create("http://192.0.2.10:8000/onvif/device_service"));
    assertThat(OnvifSupport.deviceAddress("HTTP://192.0.2.10/ISAPI/onvif")).isEqualTo(URI.create("HTTP://192.0.2.10/ISAPI/onvif"));
    for (String bad : new String[] {"", "  ", "ftp://192.0.2.10/x", "http://", "192.0.2.10/path", "user@192.0.2.10", "a b", "192.0.2.10:x"}) {
      assertThatThrownBy(() -> OnvifSupport.deviceAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void hostPortDefaultsToTheDiscoveryPort() {
    assertThat(OnvifSupport.hostPort("127.0.0.1", 3702).getPort()).isEqualTo(3702);
    assertThat(OnvifSupport.hostPort("127.0.0.1:4000", 3702).getPort()).isEqualTo(4000);
    assertThat(OnvifSupport.hostPort("[::1]:4000", 3702).getAddress().isLoopbackAddress()).isTrue();
    assertThatThrownBy(() -> OnvifSupport.hostPort("127.0.0.1:70000", 3702)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OnvifSupport.hostPort("127.0.0.1/x", 3702)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void durations() {
    assertThat(OnvifSupport.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(OnvifSupport.parseDuration("3s")).isEqualTo(Duration.ofSeconds(3));
    assertThat(OnvifSupport.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(OnvifSupport.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(OnvifSupport.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(OnvifSupport.parseDuration("PT10S")).isEqualTo(Duration.ofSeconds(10));
    assertThat(OnvifSupport.parseDuration("pt0.25s")).isEqualTo(Duration.ofMillis(250));
    assertThat(OnvifSupport.parseDuration("4")).isEqualTo(Duration.ofSeconds(4));
    for (String bad : new String[] {"", "0s", "-1s", "soon", "1e300s", "NaNs", "PT-1S", "ms"}) {
      assertThatThrownBy(() -> OnvifSupport.parseDuration(bad)).as(bad).isInstanceOf(TypeConversionException.class);
    }
  }

  /** Whatever is typed, parsing gives a value or the one expected exception type, never another. */
  @Test
  void randomTextOnlyEverFailsAsAUsageError() {
    long seed = new SplittableRandom().nextLong();
    System.out.println("OnvifSupportTest seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    String alphabet = "0123456789abcdefhmpstx:/.[]@%?#-+ PTSMHe";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(24);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = b.toString();
      try {
        URI u = OnvifSupport.deviceAddress(s);
        assertThat(u.getHost()).as(s).isNotNull();
      } catch (IllegalArgumentException expected) {
        // a usage error
      }
      try {
        assertThat(OnvifSupport.parseDuration(s)).as(s).isPositive();
      } catch (TypeConversionException expected) {
        // a usage error
      }
    }
  }
}
