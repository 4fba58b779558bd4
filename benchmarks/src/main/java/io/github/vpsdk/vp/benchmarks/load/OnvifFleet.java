package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.PullPointSubscription;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one {@link OnvifClient} costs per camera it holds: N simulated PTZ cameras in this JVM,
 * then the client connects to each (device and media services, profiles), reads each PTZ status,
 * and opens one PullPoint subscription per camera. Prints the time of each step and the heap
 * after GC (the cameras' own share is printed first, to subtract).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.OnvifFleet --cameras 200
 * </pre>
 */
public final class OnvifFleet {
  private OnvifFleet() {}

  static double heapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  static void report(String step, long startNanos, int count, double heapBefore) {
    double ms = (System.nanoTime() - startNanos) / 1e6;
    double heap = heapMb();
    System.out.printf(
        "%-44s %8.0f ms (%6.1f ms each)  heap after GC %7.1f MB (+%6.1f MB, %6.0f KB each)  threads %d%n",
        step, ms, ms / count, heap, heap - heapBefore, (heap - heapBefore) * 1024 / count,
        Thread.activeCount());
  }

  public static void main(String[] args) {
    Map<String, String> options = LoadOptions.parse(args);
    int n = Integer.parseInt(options.getOrDefault("cameras", "100"));
    List<SimulatedCamera> cams = new ArrayList<>();
    double h0 = heapMb();
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      cams.add(SimulatedCamera.builder().name("cam-" + i).credentials("admin", "pw-" + i).ptz(true).build().start());
    }
    report(n + " simulated cameras started", t, n, h0);
    try (OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.requestTimeout(Duration.ofSeconds(30))))) {
      List<OnvifCamera> connected = new ArrayList<>();
      double h = heapMb();
      t = System.nanoTime();
      OnvifCamera first = client.connect(cams.get(0).xaddr(), Credentials.of("admin", "pw-0")).join();
      String token = first.profiles().join().get(0).token();
      connected.add(first);
      report("client: first camera connected, profiles", t, 1, h);
      h = heapMb();
      t = System.nanoTime();
      for (int i = 1; i < n; i++) {
        OnvifCamera c = client.connect(cams.get(i).xaddr(), Credentials.of("admin", "pw-" + i)).join();
        c.profiles().join();
        connected.add(c);
      }
      report("client: " + (n - 1) + " more connected, profiles", t, Math.max(1, n - 1), h);
      h = heapMb();
      t = System.nanoTime();
      for (OnvifCamera c : connected) {
        c.ptzStatus(token).join();
      }
      report("client: PTZ status of each", t, n, h);
      h = heapMb();
      t = System.nanoTime();
      List<PullPointSubscription> subs = new ArrayList<>();
      for (OnvifCamera c : connected) {
        subs.add(c.events().subscribe(Duration.ofMinutes(5), null).join());
      }
      report("client: one PullPoint subscription each", t, n, h);
      for (PullPointSubscription s : subs) {
        s.unsubscribe().join();
      }
    } finally {
      for (SimulatedCamera c : cams) {
        c.close();
      }
    }
    System.exit(0);
  }
}
