package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The account and timeout options of the {@code vp onvif} commands that talk to a camera. */
final class OnvifOptions {
  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "the camera account (default: $VP_ONVIF_USER, else admin)")
  @Nullable String user;

  @Option(
      names = {"-p", "--password"},
      paramLabel = "PASSWORD",
      description = "the account password (default: $VP_ONVIF_PASSWORD, else empty; the variable keeps it out of the process list)")
  @Nullable String password;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = OnvifSupport.DurationConverter.class,
      description = "time allowed for each camera operation, e.g. 500ms, 10s, PT10S (default: ${DEFAULT-VALUE})")
  Duration timeout = Duration.ofSeconds(10);

  Credentials credentials() {
    String u = user != null ? user : System.getenv("VP_ONVIF_USER");
    String p = password != null ? password : System.getenv("VP_ONVIF_PASSWORD");
    return Credentials.of(u == null || u.isEmpty() ? "admin" : u, p == null ? "" : p);
  }

  OnvifConfig config() {
    Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
    return OnvifConfig.create(b -> b.requestTimeout(timeout).connectTimeout(connect));
  }
}
