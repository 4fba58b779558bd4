package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * ONVIF client calls per second and latency against vp's simulated camera on loopback: {@code
 * GetDeviceInformation}, {@code GetProfiles}, PTZ {@code AbsoluteMove} and a snapshot fetch (GetSnapshotUri,
 * then HTTP with the digest challenge), each with {@code --callers} concurrent callers in a
 * closed loop (each caller waits for its answer before the next call); and the client's start-up
 * cost: a fresh JVM's time from its start to the answer of its first call.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.vpsdk.vp.benchmarks.load.OnvifLoad \
 *     --callers 64 --seconds 10 --warmup 3
 * </pre>
 *
 * <p>The client gets a pool of {@code callers} threads ({@code OnvifConfig.executor}); camera and
 * client share the machine.
 */
public final class OnvifLoad {
  private OnvifLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = LoadOptions.parse(args);
    if (options.containsKey("first-call")) {
      firstCall(URI.create(options.get("first-call")));
      return;
    }
    int callers = Integer.parseInt(options.getOrDefault("callers", "1"));
    String only = options.get("only");
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, callers));
    try (SimulatedCamera cam = SimulatedCamera.builder().name("bench").credentials("admin", "secret").ptz(true).build().start();
        OnvifClient client = OnvifClient.create(OnvifConfig.create(b -> b.executor(pool)))) {
      OnvifCamera camera = client.connect(cam.xaddr(), Credentials.of("admin", "secret")).get(60, TimeUnit.SECONDS);
      MediaProfile profile = camera.profiles().get(30, TimeUnit.SECONDS).get(0);
      String token = profile.token();
      if (only == null || "GetDeviceInformation".startsWith(only)) run("GetDeviceInformation", callers, warmup, seconds, () -> camera.deviceInfo());
      if (only == null || "GetProfiles".startsWith(only)) run("GetProfiles", callers, warmup, seconds, () -> camera.profiles());
      if (only == null || "PTZ AbsoluteMove".startsWith(only)) run("PTZ AbsoluteMove", callers, warmup, seconds, () -> camera.absoluteMove(token, new PtzVector(0.1, 0.1, 0.1), null));
      if (only == null || "snapshot fetch".startsWith(only)) run("snapshot fetch", callers, warmup, seconds, () -> camera.snapshot(token));

      // start-up: a fresh JVM connects and makes its first call
      String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      for (int i = 0; i < 3; i++) {
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), OnvifLoad.class.getName(),
            "--first-call", cam.xaddr().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(120, TimeUnit.SECONDS);
        System.out.println("client start-up (fresh JVM, run " + (i + 1) + "): " + line);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void run(String name, int callers, int warmup, int seconds, Supplier<CompletableFuture<?>> call)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    List<LatencyRecorder> recorders = new ArrayList<>();
    long[] errors = new long[callers];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      LatencyRecorder r = new LatencyRecorder();
      recorders.add(r);
      int index = i;
      Thread t = new Thread(() -> {
        while (running.get()) {
          long t0 = System.nanoTime();
          try {
            call.get().get(30, TimeUnit.SECONDS);
            if (measuring.get()) {
              r.record(System.nanoTime() - t0);
            }
          } catch (Exception e) {
            if (errors[index]++ == 0 && index == 0) {
              System.err.println(name + ": first error of caller 0: " + e);
            }
          }
        }
      });
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread.sleep(warmup * 1000L);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    measuring.set(false);
    double elapsed = (System.nanoTime() - start) / 1e9;
    running.set(false);
    for (Thread t : threads) {
      t.join(35_000);
    }
    long[] sorted = LatencyRecorder.merge(recorders);
    long errorCount = 0;
    for (long e : errors) {
      errorCount += e;
    }
    System.out.printf(Locale.ROOT, "%-22s callers=%d calls/s=%.0f p50=%.2fms p99=%.2fms max=%.2fms errors=%d%n", name, callers,
        sorted.length / elapsed, LatencyRecorder.percentileMicros(sorted, 50) / 1000, LatencyRecorder.percentileMicros(sorted, 99) / 1000,
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, errorCount);
  }

  private static void firstCall(URI xaddr) throws Exception {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long mainAt = System.currentTimeMillis();
    try (OnvifClient client = OnvifClient.create(OnvifConfig.defaults())) {
      OnvifCamera camera = client.connect(xaddr, Credentials.of("admin", "secret")).get(60, TimeUnit.SECONDS);
      long connected = System.currentTimeMillis();
      camera.deviceInfo().get(60, TimeUnit.SECONDS);
      long done = System.currentTimeMillis();
      System.out.printf(Locale.ROOT, "JVM start to main %d ms, connect (GetSystemDateAndTime, GetServices/GetCapabilities) %d ms,"
          + " first GetDeviceInformation %d ms, total %d ms%n", mainAt - jvmStart, connected - mainAt, done - connected, done - jvmStart);
    }
    System.exit(0);
  }
}
