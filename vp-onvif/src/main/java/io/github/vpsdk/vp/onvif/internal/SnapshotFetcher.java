package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Fetches a snapshot over HTTP(S), answering a Digest or Basic challenge once. */
public final class SnapshotFetcher {
  /** Largest accepted image. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  /**
   * Creates a fetcher.
   *
   * @param http the HTTP client (redirects not followed automatically for auth retries)
   * @param timeout the request timeout
   */
  public SnapshotFetcher(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Fetches the image (blocking).
   *
   * @param uri the snapshot URI
   * @param credentials the camera account
   * @return the snapshot
   */
  public Snapshot fetch(URI uri, Credentials credentials) {
    try {
      HttpResponse<InputStream> r = send(uri, null);
      if (r.statusCode() == 401) {
        String auth = answer(r.headers().allValues("WWW-Authenticate"), uri, credentials);
        r.body().close();
        if (auth == null) {
          throw Faults.fromHttpStatus(401, "GetSnapshot", null);
        }
        r = send(uri, auth);
      }
      if (r.statusCode() != 200) {
        r.body().close();
        throw Faults.fromHttpStatus(r.statusCode(), "GetSnapshot", null);
      }
      byte[] body = read(r.body());
      String type = r.headers().firstValue("Content-Type").orElse("application/octet-stream");
      int semi = type.indexOf(';');
      type = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
      boolean jpeg = body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xD8;
      if (jpeg && !type.startsWith("image/")) {
        type = "image/jpeg";
      }
      return new Snapshot(body, type);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OnvifException(OnvifException.Kind.TIMEOUT, "GetSnapshot interrupted", null, e);
    } catch (IOException e) {
      throw Faults.map(e, "GetSnapshot");
    }
  }

  private HttpResponse<InputStream> send(URI uri, @Nullable String auth)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static @Nullable String answer(List<String> challenges, URI uri, Credentials c) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path = path + "?" + uri.getRawQuery();
    }
    for (String ch : challenges) {
      Map<String, String> digest = HttpDigest.parseChallenge(ch);
      if (digest != null) {
        return HttpDigest.authorization(digest, "GET", path, c.username(), c.password());
      }
    }
    for (String ch : challenges) {
      if (ch.trim().regionMatches(true, 0, "Basic", 0, 5)) {
        String token = c.username() + ":" + c.password();
        return "Basic "
            + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
      }
    }
    return null;
  }

  private static byte[] read(InputStream in) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) >= 0) {
        if (out.size() + n > MAX_BYTES) {
          throw new OnvifException(
              OnvifException.Kind.PROTOCOL, "GetSnapshot: image over " + MAX_BYTES, null, null);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    }
  }
}
