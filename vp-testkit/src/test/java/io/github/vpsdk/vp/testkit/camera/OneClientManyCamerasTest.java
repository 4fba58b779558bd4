package io.github.vpsdk.vp.testkit.camera;

import static io.github.vpsdk.vp.testkit.camera.OnvifFailures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.OnvifException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link OnvifClient} shares its CXF service models among all its cameras (a proxy per camera
 * and service, one model per service). Calls must still reach the camera they were made for while
 * proxies for other cameras, reachable or not, are being built on other threads: CXF's JAX-WS
 * proxies re-read the shared endpoint's address after each call, which once sent one camera's
 * calls to another.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OneClientManyCamerasTest {
  static final int CAMERAS = 12;

  final List<SimulatedCamera> cams = new ArrayList<>();
  OnvifClient client;

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    for (SimulatedCamera c : cams) {
      c.close();
    }
  }

  static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void callsReachTheirOwnCameraWhileOtherCamerasConnect() throws Exception {
    for (int i = 0; i < CAMERAS; i++) {
      cams.add(
          SimulatedCamera.builder()
              .name("cam-" + i)
              .identity("ACME", "Sim", "1.0", "SN-" + i)
              .credentials("admin", "pw-" + i)
              .build()
              .start());
    }
    client =
        OnvifClient.create(
            OnvifConfig.create(
                b -> b.connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(10))));
    OnvifCamera first = client.connect(cams.get(0).xaddr(), Credentials.of("admin", "pw-0")).join();

    // the first camera is called in a loop while the others, and dead addresses, connect at once
    CompletableFuture<List<String>> loop =
        CompletableFuture.supplyAsync(
            () -> {
              List<String> serials = new ArrayList<>();
              for (int n = 0; n < 60; n++) {
                serials.add(first.deviceInfo().join().serialNumber());
              }
              return serials;
            });
    List<CompletableFuture<OnvifCamera>> connects = new ArrayList<>();
    List<CompletableFuture<OnvifCamera>> dead = new ArrayList<>();
    for (int i = 1; i < CAMERAS; i++) {
      connects.add(client.connect(cams.get(i).xaddr(), Credentials.of("admin", "pw-" + i)));
      dead.add(
          client.connect(
              URI.create("http://127.0.0.1:" + closedPort() + "/onvif/device_service"),
              Credentials.of("admin", "pw")));
    }

    assertThat(loop.join()).hasSize(60).containsOnly("SN-0");
    for (int i = 1; i < CAMERAS; i++) {
      OnvifCamera c = connects.get(i - 1).join();
      assertThat(c.deviceInfo().join().serialNumber()).isEqualTo("SN-" + i);
      // the per-camera proxies of other services (media) too
      assertThat(c.profiles().join()).isNotEmpty();
    }
    for (CompletableFuture<OnvifCamera> d : dead) {
      assertThat(failure(d).kind()).isEqualTo(OnvifException.Kind.UNREACHABLE);
    }
    // and every camera still answers as itself afterwards, each with its own credentials
    for (int i = 0; i < CAMERAS; i++) {
      OnvifCamera again = client.connect(cams.get(i).xaddr(), Credentials.of("admin", "pw-" + i)).join();
      assertThat(again.deviceInfo().join().serialNumber()).isEqualTo("SN-" + i);
    }
    // camera 1 refuses camera 0's password
    CompletableFuture<OnvifCamera> wrong =
        client.connect(cams.get(1).xaddr(), Credentials.of("admin", "pw-0"));
    assertThat(failure(wrong.thenCompose(OnvifCamera::deviceInfo)).kind())
        .isEqualTo(OnvifException.Kind.AUTHENTICATION);
  }
}
