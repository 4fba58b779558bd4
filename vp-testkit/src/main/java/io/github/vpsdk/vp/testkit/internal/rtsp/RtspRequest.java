package io.github.vpsdk.vp.testkit.internal.rtsp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One RTSP request as received.
 *
 * @param method the method, as sent (case-sensitive, RFC 2326 §6.1)
 * @param uri the request URI, as sent
 * @param version the version, such as {@code RTSP/1.0}
 * @param headers the header fields, names lower-cased, values trimmed, in order
 * @param body the body (empty without Content-Length)
 */
public record RtspRequest(
    String method, String uri, String version, List<Map.Entry<String, String>> headers, byte[] body) {

  /**
   * Copies the headers.
   *
   * @param method method
   * @param uri URI
   * @param version version
   * @param headers headers
   * @param body body
   */
  public RtspRequest {
    headers = List.copyOf(headers);
  }

  /**
   * The first value of a header.
   *
   * @param name the name, any case
   * @return the value, or {@code null}
   */
  public @Nullable String header(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, String> e : headers) {
      if (e.getKey().equals(n)) {
        return e.getValue();
      }
    }
    return null;
  }
}
