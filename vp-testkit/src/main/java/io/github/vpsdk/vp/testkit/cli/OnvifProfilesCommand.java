package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code vp onvif profiles ADDR}: one line per media profile with its stream and snapshot URIs. */
@Command(
    name = "profiles",
    description = {
      "Print one JSON line per media profile: token, name, encoding, size, whether it has PTZ, and"
          + " its RTSP stream URI and snapshot URI. A URI the camera refuses for one profile is null,"
          + " with the reason in streamError or snapshotError."
    },
    mixinStandardHelpOptions = true)
final class OnvifProfilesCommand extends OnvifDeviceCommand {
  @Override
  String name() {
    return "profiles";
  }

  @Override
  int run(OnvifCamera camera, PrintWriter out, PrintWriter err) {
    List<MediaProfile> profiles = OnvifSupport.await(camera.profiles());
    for (MediaProfile p : profiles) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("token", p.token());
      line.put("name", p.name());
      line.put("encoding", p.videoEncoding());
      line.put("width", p.width());
      line.put("height", p.height());
      line.put("ptz", p.ptz());
      line.put("media2", p.media2());
      try {
        line.put("streamUri", OnvifSupport.await(camera.streamUri(p.token())).uri().toString());
      } catch (OnvifException e) {
        perProfile(line, "stream", e);
      }
      try {
        line.put("snapshotUri", OnvifSupport.await(camera.snapshotUri(p.token())).toString());
      } catch (OnvifException e) {
        perProfile(line, "snapshot", e);
      }
      JsonLines.write(out, line);
    }
    return VpCli.EXIT_OK;
  }

  /** A refusal for one profile is reported on its line; losing the camera is not. */
  private static void perProfile(Map<String, Object> line, String what, OnvifException e) {
    if (e.kind() == OnvifException.Kind.UNREACHABLE
        || e.kind() == OnvifException.Kind.TIMEOUT
        || e.kind() == OnvifException.Kind.AUTHENTICATION) {
      throw e;
    }
    line.put(what + "Uri", null);
    line.put(what + "Error", e.kind() + ": " + e.getMessage());
  }
}
