package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifClient;
import io.github.vpsdk.vp.onvif.OnvifException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A {@code vp onvif} command that connects to one camera: parses ADDR, connects, maps errors. */
abstract class OnvifDeviceCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Mixin OnvifOptions options = new OnvifOptions();

  @Parameters(
      index = "0",
      paramLabel = "ADDR",
      description = "the camera: HOST, HOST:PORT or a device service URL")
  String address = "";

  /** The subcommand name, for error lines. */
  abstract String name();

  /**
   * Checks the options before connecting.
   *
   * @return a usage error message, or {@code null}
   */
  @Nullable String checkOptions() {
    return null;
  }

  /**
   * Does the work on a connected camera.
   *
   * @return the exit code
   */
  abstract int run(OnvifCamera camera, PrintWriter out, PrintWriter err) throws IOException;

  @Override
  public final Integer call() {
    CommandSpec s = Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    URI device;
    try {
      device = OnvifSupport.deviceAddress(address);
    } catch (IllegalArgumentException e) {
      return OnvifSupport.usage(err, name(), e.getMessage());
    }
    String problem = checkOptions();
    if (problem != null) {
      return OnvifSupport.usage(err, name(), problem);
    }
    OnvifSupport.quietLibraries();
    try (OnvifClient client = OnvifClient.create(options.config())) {
      OnvifCamera camera = OnvifSupport.await(client.connect(device, options.credentials()));
      return run(camera, out, err);
    } catch (OnvifException e) {
      return OnvifSupport.fail(err, name(), e);
    } catch (IOException e) {
      err.println("vp onvif " + name() + ": " + e);
      return VpCli.EXIT_IO;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The profile named by {@code token}, else the first one that matches {@code preferPtz}, else the first. */
  static MediaProfile pickProfile(List<MediaProfile> profiles, @Nullable String token, boolean preferPtz) {
    if (profiles.isEmpty()) {
      throw new OnvifException(OnvifException.Kind.NOT_SUPPORTED, "the camera has no media profile", null, null);
    }
    if (token != null) {
      for (MediaProfile p : profiles) {
        if (p.token().equals(token)) {
          return p;
        }
      }
      throw new OnvifException(
          OnvifException.Kind.BAD_ARGUMENT, "no profile with token " + token + " (see vp onvif profiles)", null, null);
    }
    if (preferPtz) {
      for (MediaProfile p : profiles) {
        if (p.ptz()) {
          return p;
        }
      }
    }
    return profiles.get(0);
  }
}
