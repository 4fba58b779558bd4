package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.testkit.camera.SimulatedCamera;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vp camera}: simulated ONVIF cameras on loopback until stopped. */
@Command(
    name = "camera",
    description = {
      "Run simulated ONVIF cameras (device, media, media2, optional PTZ, JPEG snapshots behind"
          + " HTTP digest) and print one JSON line per camera once it answers:"
          + " {\"name\":...,\"xaddr\":\"http://127.0.0.1:PORT/onvif/device_service\",\"user\":...,\"password\":...}.",
      "Stops when standard input closes, on Ctrl-C, or after --duration. See docs/testkit-camera.md."
    },
    mixinStandardHelpOptions = true)
final class CameraCommand implements Callable<Integer> {
  /** Kept so that the level set on it is not lost to garbage collection. */
  private static final java.util.logging.Logger CXF_JUL = java.util.logging.Logger.getLogger("org.apache.cxf");

  @Spec @Nullable CommandSpec spec;

  /** Where the end of input is watched; tests replace it. */
  InputStream input = System.in;

  @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "how many cameras (default: ${DEFAULT-VALUE})")
  int count = 1;

  @Option(names = "--port", defaultValue = "0", paramLabel = "PORT", description = "port of the first camera, the next ones take the following ports (0, the default: any free ports)")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS", description = "the address to listen on (default: ${DEFAULT-VALUE})")
  String bind = "127.0.0.1";

  @Option(names = "--user", defaultValue = "admin", paramLabel = "USER", description = "the camera account (default: ${DEFAULT-VALUE})")
  String user = "admin";

  @Option(names = "--password", defaultValue = "admin", paramLabel = "PASSWORD", description = "the account password (default: ${DEFAULT-VALUE})")
  String password = "admin";

  @Option(names = "--ptz", description = "give every camera a PTZ head")
  boolean ptz;

  @Option(names = "--rtsp", description = "serve the stream URIs: MJPEG over RTP on an RTSP port of its own (any free port)")
  boolean rtsp;

  @Option(names = "--fps", defaultValue = "5", paramLabel = "N", description = "frames per second of the RTSP streams (default: ${DEFAULT-VALUE})")
  int fps = 5;

  @Option(names = "--name", defaultValue = "SimCam", paramLabel = "PREFIX", description = "camera names are PREFIX-1, PREFIX-2, ... (default: ${DEFAULT-VALUE})")
  String name = "SimCam";

  @Option(names = "--skew", paramLabel = "DURATION", description = "clock skew of every camera (ISO-8601, e.g. PT-90S)")
  @Nullable Duration skew;

  @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long (ISO-8601, e.g. PT30S); default: until stopped")
  @Nullable Duration duration;

  @Option(names = "--replay", paramLabel = "DIR", description = "instead of simulated cameras, replay cameras answering"
      + " each ONVIF operation with the recorded body in DIR/<service>/<Operation>.Response.xml (the layout of"
      + " vp-onvif's captures: core, media, media2, ptz, events, imaging, ...)")
  java.nio.file.@Nullable Path replay;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    if (count < 1 || count > 1000) {
      err.println("--count must be within 1..1000");
      return VpCli.EXIT_USAGE;
    }
    if (port < 0 || (port > 0 && port + count - 1 > 65535)) {
      err.println("--port out of range");
      return VpCli.EXIT_USAGE;
    }
    if (fps < 1 || fps > 30) {
      err.println("--fps must be within 1..30");
      return VpCli.EXIT_USAGE;
    }
    quietLibraries();
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "vp-camera-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread watcher = new Thread(() -> waitForEndOfInput(stop), "vp-camera-stdin");
    watcher.setDaemon(true);
    List<SimulatedCamera> cameras = new ArrayList<>();
    List<io.github.vpsdk.vp.testkit.camera.ReplayCamera> replays = new ArrayList<>();
    try {
      for (int i = 1; replay != null && i <= count; i++) {
        io.github.vpsdk.vp.testkit.camera.ReplayCamera r;
        try {
          r = io.github.vpsdk.vp.testkit.camera.ReplayCamera.start(replay, port == 0 ? 0 : port + i - 1, user, password);
        } catch (IOException e) {
          err.println("cannot start a replay camera: " + e.getMessage());
          return VpCli.EXIT_IO;
        }
        replays.add(r);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name + "-" + i);
        line.put("xaddr", r.xaddr().toString());
        line.put("user", user);
        line.put("password", password);
        line.put("replay", replay.toString());
        synchronized (out) {
          JsonLines.write(out, line);
        }
      }
      for (int i = 1; replay == null && i <= count; i++) {
        SimulatedCamera.Builder b =
            SimulatedCamera.builder()
                .name(name + "-" + i)
                .credentials(user, password)
                .ptz(ptz)
                .bind(bind, port == 0 ? 0 : port + i - 1);
        if (skew != null) {
          b.clockSkew(skew);
        }
        if (rtsp) {
          b.rtsp(io.github.vpsdk.vp.testkit.camera.RtspSettings.defaults().withFrameRate(fps));
        }
        SimulatedCamera cam = b.build();
        cameras.add(cam);
        cam.start();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", cam.name());
        line.put("xaddr", cam.xaddr().toString());
        line.put("user", user);
        line.put("password", password);
        if (rtsp) {
          line.put("stream", cam.streamUri(cam.profiles().get(0).token()).toString());
        }
        synchronized (out) {
          JsonLines.write(out, line);
        }
      }
      watcher.start();
      if (duration != null) {
        stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
    } finally {
      for (SimulatedCamera cam : cameras) {
        cam.close();
      }
      for (io.github.vpsdk.vp.testkit.camera.ReplayCamera r : replays) {
        r.close();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
    return VpCli.EXIT_OK;
  }

  private void waitForEndOfInput(CountDownLatch stop) {
    byte[] buf = new byte[256];
    try {
      while (input.read(buf) >= 0) {
        // input is only watched for its end
      }
    } catch (IOException e) {
      // a broken input counts as closed
    }
    stop.countDown();
  }

  /** CXF and Jetty announce every endpoint at INFO: keep the terminal for the JSON lines. */
  private static void quietLibraries() {
    for (String logger : new String[] {"org.apache.cxf", "org.eclipse.jetty"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    CXF_JUL.setLevel(Level.WARNING);
  }
}
