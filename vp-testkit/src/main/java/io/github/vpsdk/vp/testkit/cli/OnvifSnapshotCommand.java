package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.MediaProfile;
import io.github.vpsdk.vp.onvif.OnvifCamera;
import io.github.vpsdk.vp.onvif.Snapshot;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vp onvif snapshot ADDR --out FILE}: fetches a JPEG of a profile. */
@Command(
    name = "snapshot",
    description = {
      "Fetch a snapshot of a profile (GetSnapshotUri, then HTTP GET with Digest or Basic), write it"
          + " to --out, and print one JSON line: file, profile, size, contentType, jpeg."
    },
    mixinStandardHelpOptions = true)
final class OnvifSnapshotCommand extends OnvifDeviceCommand {
  @Option(names = "--profile", paramLabel = "TOKEN", description = "the profile token (default: the first profile)")
  @Nullable String profile;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "where to write the image ('-' is not accepted: images are not JSON)")
  @Nullable Path outFile;

  @Override
  String name() {
    return "snapshot";
  }

  @Override
  int run(OnvifCamera camera, PrintWriter out, PrintWriter err) throws IOException {
    Path file = java.util.Objects.requireNonNull(outFile);
    MediaProfile p = pickProfile(OnvifSupport.await(camera.profiles()), profile, false);
    Snapshot shot = OnvifSupport.await(camera.snapshot(p.token()));
    // write beside the target, then move: a reader never sees half an image
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent() == null ? Path.of(".") : abs.getParent();
    Path tmp = Files.createTempFile(dir, ".vp-snapshot-", ".part");
    try {
      Files.write(tmp, shot.bytes());
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("file", file.toString());
    line.put("profile", p.token());
    line.put("size", shot.size());
    line.put("contentType", shot.contentType());
    line.put("jpeg", shot.isJpeg());
    JsonLines.write(out, line);
    return VpCli.EXIT_OK;
  }
}
