package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.PtzPreset;
import io.github.vpsdk.vp.onvif.PtzSpeed;
import io.github.vpsdk.vp.onvif.PtzStatus;
import io.github.vpsdk.vp.onvif.PtzVector;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vp onvif ptz ADDR (--preset N | --move X,Y,Z | --stop | --status | --home)}. */
@Command(
    name = "ptz",
    description = {
      "Drive the PTZ head of a profile and print one JSON line with what was done (or, for"
          + " --status, the position and movement state).",
      "--move takes PAN,TILT[,ZOOM] in the camera's generic spaces: a position with --absolute"
          + " (pan, tilt -1..1, zoom 0..1), a translation with --relative (the default), a velocity"
          + " (-1..1) with --continuous, which moves for --for (default 1s) unless --stop comes first."
    },
    mixinStandardHelpOptions = true)
final class OnvifPtzCommand extends OnvifDeviceCommand {
  @Option(names = "--profile", paramLabel = "TOKEN", description = "the profile token (default: the first profile with PTZ)")
  @Nullable String profile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Action action;

  static final class Action {
    @Option(names = "--preset", paramLabel = "N", description = "go to a preset, by token or name")
    @Nullable String preset;

    @Option(names = "--move", paramLabel = "PAN,TILT[,ZOOM]", description = "move (see --absolute, --relative, --continuous)")
    @Nullable String move;

    @Option(names = "--stop", description = "stop pan, tilt and zoom")
    boolean stop;

    @Option(names = "--status", description = "print position and movement state")
    boolean status;

    @Option(names = "--home", description = "go to the home position")
    boolean home;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Mode mode;

  static final class Mode {
    @Option(names = "--absolute", description = "--move to a position")
    boolean absolute;

    @Option(names = "--relative", description = "--move by a translation (the default)")
    boolean relative;

    @Option(names = "--continuous", description = "--move at a velocity for --for")
    boolean continuous;
  }

  @Option(
      names = "--for",
      paramLabel = "DURATION",
      converter = OnvifSupport.DurationConverter.class,
      description = "how long a --continuous move lasts (default: 1s)")
  @Nullable Duration forDuration;

  private double @Nullable [] vector;

  @Override
  String name() {
    return "ptz";
  }

  @Override
  @Nullable String checkOptions() {
    Action a = java.util.Objects.requireNonNull(action);
    if (a.move == null) {
      if (mode != null) {
        return "--absolute, --relative and --continuous go with --move";
      }
      if (forDuration != null) {
        return "--for goes with --move --continuous";
      }
      return null;
    }
    if (forDuration != null && (mode == null || !mode.continuous)) {
      return "--for goes with --move --continuous";
    }
    String[] parts = a.move.split(",", -1);
    if (parts.length < 2 || parts.length > 3) {
      return "--move takes PAN,TILT or PAN,TILT,ZOOM: " + a.move;
    }
    double[] v = new double[3];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        return "--move: not a number: " + parts[i];
      }
      if (!Double.isFinite(v[i]) || v[i] < -1 || v[i] > 1) {
        return "--move values must be within -1..1: " + parts[i];
      }
    }
    if (mode != null && mode.absolute && v[2] < 0) {
      return "--move --absolute: zoom must be within 0..1";
    }
    vector = v;
    return null;
  }

  @Override
  int run(OnvifCamera camera, PrintWriter out, PrintWriter err) {
    Action a = java.util.Objects.requireNonNull(action);
    MediaProfile p = pickProfile(OnvifSupport.await(camera.profiles()), profile, true);
    String token = p.token();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("profile", token);
    if (a.status) {
      PtzStatus st = OnvifSupport.await(camera.ptzStatus(token));
      line.put("action", "status");
      line.put("position", st.position());
      line.put("panTilt", st.panTiltMoving());
      line.put("zoom", st.zoomMoving());
      line.put("error", st.error());
      line.put("time", st.utcTime() == null ? null : st.utcTime().toString());
    } else if (a.stop) {
      OnvifSupport.await(camera.stop(token));
      line.put("action", "stop");
    } else if (a.home) {
      OnvifSupport.await(camera.gotoHome(token, null));
      line.put("action", "home");
    } else if (a.preset != null) {
      String preset = presetToken(OnvifSupport.await(camera.presets(token)), a.preset);
      OnvifSupport.await(camera.gotoPreset(token, preset, null));
      line.put("action", "preset");
      line.put("preset", preset);
    } else {
      double[] v = java.util.Objects.requireNonNull(vector);
      if (mode != null && mode.absolute) {
        PtzVector pos = new PtzVector(v[0], v[1], v[2]);
        OnvifSupport.await(camera.absoluteMove(token, pos, null));
        line.put("action", "absolute");
        line.put("position", pos);
      } else if (mode != null && mode.continuous) {
        Duration d = forDuration == null ? Duration.ofSeconds(1) : forDuration;
        PtzSpeed velocity = new PtzSpeed(v[0], v[1], v[2]);
        OnvifSupport.await(camera.continuousMove(token, velocity, d));
        line.put("action", "continuous");
        line.put("velocity", velocity);
        line.put("forMillis", d.toMillis());
      } else {
        PtzVector t = new PtzVector(v[0], v[1], v[2]);
        OnvifSupport.await(camera.relativeMove(token, t, null));
        line.put("action", "relative");
        line.put("translation", t);
      }
    }
    JsonLines.write(out, line);
    return VpCli.EXIT_OK;
  }

  /** The token of the preset whose token, else whose name, is {@code n}; else {@code n} itself. */
  private static String presetToken(List<PtzPreset> presets, String n) {
    for (PtzPreset p : presets) {
      if (p.token().equals(n)) {
        return p.token();
      }
    }
    for (PtzPreset p : presets) {
      if (p.name().equalsIgnoreCase(n)) {
        return p.token();
      }
    }
    return n;
  }
}
