package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.OnvifException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** What the {@code vp onvif} commands share: address and duration parsing, errors, exit codes. */
final class OnvifSupport {
  /** The path of the device service when only a host is given (ONVIF Core's recommendation). */
  static final String DEVICE_SERVICE_PATH = "/onvif/device_service";

  /** The WS-Discovery port. */
  static final int DISCOVERY_PORT = 3702;

  /** Kept so that the level set on it is not lost to garbage collection. */
  private static final java.util.logging.Logger CXF_JUL =
      java.util.logging.Logger.getLogger("org.apache.cxf");

  private OnvifSupport() {}

  /**
   * The device service address of {@code host}, {@code host:port}, {@code [v6]:port} or a full
   * {@code http(s)://} URL (a URL without a path gets {@link #DEVICE_SERVICE_PATH}).
   *
   * @throws IllegalArgumentException if the text is neither
   */
  static URI deviceAddress(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("empty camera address");
    }
    try {
      if (t.contains("://")) {
        URI u = new URI(t);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
          throw new IllegalArgumentException("not an http(s) URL with a host: " + t);
        }
        if (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")) {
          return new URI(scheme, u.getRawUserInfo(), u.getHost(), u.getPort(), DEVICE_SERVICE_PATH, null, null);
        }
        return u;
      }
      URI u = new URI("http://" + t);
      if (u.getHost() == null
          || u.getRawUserInfo() != null
          || !(u.getRawPath() == null || u.getRawPath().isEmpty())
          || u.getRawQuery() != null
          || u.getRawFragment() != null) {
        throw new IllegalArgumentException("expected HOST[:PORT] or an http(s) URL: " + t);
      }
      return new URI("http", null, u.getHost(), u.getPort(), DEVICE_SERVICE_PATH, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("expected HOST[:PORT] or an http(s) URL: " + t, e);
    }
  }

  /**
   * A {@code HOST[:PORT]} socket address, resolved; the port defaults to {@code defaultPort}.
   *
   * @throws IllegalArgumentException if malformed or the host is unknown
   */
  static InetSocketAddress hostPort(String text, int defaultPort) {
    String t = text.trim();
    URI u;
    try {
      u = new URI("udp://" + t);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("expected HOST[:PORT]: " + t, e);
    }
    if (u.getHost() == null || !(u.getRawPath() == null || u.getRawPath().isEmpty()) || u.getRawUserInfo() != null) {
      throw new IllegalArgumentException("expected HOST[:PORT]: " + t);
    }
    String host = u.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetSocketAddress a = new InetSocketAddress(host, u.getPort() < 0 ? defaultPort : u.getPort());
    if (a.isUnresolved()) {
      throw new IllegalArgumentException("unknown host: " + host);
    }
    return a;
  }

  /** The result of a future, its failure unwrapped. */
  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OnvifException(OnvifException.Kind.TIMEOUT, "interrupted", null, e);
    } catch (ExecutionException e) {
      throw unwrap(e);
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  private static RuntimeException unwrap(Exception e) {
    Throwable c = e.getCause() == null ? e : e.getCause();
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof RuntimeException) {
      return (RuntimeException) c;
    }
    return new OnvifException(OnvifException.Kind.PROTOCOL, String.valueOf(c.getMessage()), null, c);
  }

  /**
   * Prints a failure as one line and gives its exit code: {@link VpCli#EXIT_IO} when the camera
   * could not be reached or did not answer in time, {@link VpCli#EXIT_CHECK_FAILED} for what it
   * answered (SOAP fault, refused credentials, unsupported service, unreadable answer).
   */
  static int fail(PrintWriter err, String command, OnvifException e) {
    err.println("vp onvif " + command + ": " + e.kind() + ": " + e.getMessage());
    err.flush();
    return exitCode(e.kind());
  }

  /** The exit code of a failure kind. */
  static int exitCode(OnvifException.Kind kind) {
    return kind == OnvifException.Kind.UNREACHABLE || kind == OnvifException.Kind.TIMEOUT
        ? VpCli.EXIT_IO
        : VpCli.EXIT_CHECK_FAILED;
  }

  /** Prints a usage error as one line. */
  static int usage(PrintWriter err, String command, String message) {
    err.println("vp onvif " + command + ": " + message);
    err.flush();
    return VpCli.EXIT_USAGE;
  }

  /** CXF logs every SOAP fault at WARN and Jetty announces itself: keep stderr to one line. */
  static void quietLibraries() {
    for (String logger : new String[] {"org.apache.cxf", "org.eclipse.jetty"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "error");
      }
    }
    CXF_JUL.setLevel(java.util.logging.Level.SEVERE);
  }

  /** A text, or {@code null} when blank. */
  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /**
   * Reads {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, a plain number of seconds, or an
   * ISO-8601 duration ({@code PT3S}); must be positive.
   */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }

  static Duration parseDuration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (v.startsWith("p")) {
        d = Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
      } else if (v.endsWith("s")) {
        d = millis(v, 1000);
      } else if (v.endsWith("m")) {
        d = millis(v, 60_000);
      } else if (v.endsWith("h")) {
        d = millis(v, 3_600_000);
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
      }
    } catch (RuntimeException e) {
      throw new TypeConversionException("not a duration (500ms, 3s, 2m, 1h or PT3S): " + value);
    }
    if (d.isNegative() || d.isZero()) {
      throw new TypeConversionException("duration must be positive: " + value);
    }
    return d;
  }

  private static Duration millis(String v, long unit) {
    double n = Double.parseDouble(v.substring(0, v.length() - 1).trim());
    if (!Double.isFinite(n) || Math.abs(n) > 1e9) {
      throw new IllegalArgumentException("out of range");
    }
    return Duration.ofMillis(Math.round(n * unit));
  }
}
