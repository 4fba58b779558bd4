package io.github.vpsdk.vp.testkit.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.discovery.DiscoveredDevice;
import io.github.vpsdk.vp.onvif.discovery.DiscoveryConfig;
import io.github.vpsdk.vp.onvif.discovery.OnvifDiscovery;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated camera's WS-Discovery answers, probed by vp-onvif's client over loopback. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CameraDiscoveryTest {

  @Test
  void aUnicastProbeFindsTheCameraWithItsAddressAndScopes() {
    try (SimulatedCamera cam =
            SimulatedCamera.builder()
                .name("Loading Bay")
                .identity("ACME", "Sim-Dome", "1.0", "SN-7")
                .ptz(true)
                .discovery("127.0.0.1", 0)
                .build()
                .start();
        SimulatedCamera hidden = SimulatedCamera.builder().build().start();
        OnvifDiscovery d = OnvifDiscovery.create(DiscoveryConfig.create(b -> b.timeout(Duration.ofSeconds(2))))) {
      assertThat(hidden.discoveryAddress()).isEmpty();
      InetSocketAddress at = cam.discoveryAddress().orElseThrow();
      assertThat(at.getPort()).isPositive();
      List<DiscoveredDevice> found = d.probe(at, x -> {}).join();
      assertThat(found).hasSize(1);
      DiscoveredDevice dev = found.get(0);
      assertThat(dev.xAddrs()).containsExactly(cam.xaddr());
      assertThat(dev.scopes().name()).isEqualTo("Loading Bay");
      assertThat(dev.scopes().hardware()).isEqualTo("Sim-Dome");
      assertThat(dev.scopes().profiles()).contains("Streaming", "T");
      assertThat(dev.scopes().raw()).contains("onvif://www.onvif.org/type/ptz");
      assertThat(dev.endpointReference()).startsWith("urn:uuid:");
      assertThat(dev.types()).contains(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER);
    }
  }
}
