package io.github.vpsdk.vp.onvif.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** HTTP Digest access authentication (RFC 7616; MD5 and SHA-256, qop=auth or none). */
public final class HttpDigest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private HttpDigest() {}

  /**
   * Parses the parameters of a {@code WWW-Authenticate: Digest ...} challenge.
   *
   * @param header the header value
   * @return parameters with lower-case names, or {@code null} if not a Digest challenge
   */
  public static @Nullable Map<String, String> parseChallenge(String header) {
    String h = header.trim();
    if (!h.regionMatches(true, 0, "Digest ", 0, 7)) {
      return null;
    }
    Map<String, String> out = new HashMap<>();
    int i = 7;
    int n = h.length();
    while (i < n) {
      while (i < n && (h.charAt(i) == ' ' || h.charAt(i) == ',')) {
        i++;
      }
      int eq = h.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = h.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      String value;
      if (i < n && h.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n && h.charAt(i) != '"') {
          if (h.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          sb.append(h.charAt(i++));
        }
        i++;
        value = sb.toString();
      } else {
        int end = h.indexOf(',', i);
        if (end < 0) {
          end = n;
        }
        value = h.substring(i, end).trim();
        i = end;
      }
      out.put(name, value);
    }
    return out;
  }

  /**
   * Computes the {@code Authorization} header answering a challenge.
   *
   * @param challenge the parsed challenge
   * @param method the HTTP method
   * @param uri the request URI (path and query) as sent
   * @param username the user name
   * @param password the password
   * @return the header value
   */
  public static String authorization(
      Map<String, String> challenge, String method, String uri, String username, String password) {
    byte[] c = new byte[8];
    RANDOM.nextBytes(c);
    return authorization(challenge, method, uri, username, password, HexFormat.of().formatHex(c));
  }

  /**
   * Computes the {@code Authorization} header with a given client nonce (for test vectors).
   *
   * @param challenge the parsed challenge
   * @param method the HTTP method
   * @param uri the request URI (path and query) as sent
   * @param username the user name
   * @param password the password
   * @param cnonce the client nonce
   * @return the header value
   */
  public static String authorization(
      Map<String, String> challenge,
      String method,
      String uri,
      String username,
      String password,
      String cnonce) {
    String realm = challenge.getOrDefault("realm", "");
    String nonce = challenge.getOrDefault("nonce", "");
    String algorithm = challenge.getOrDefault("algorithm", "MD5");
    String qopOffered = challenge.get("qop");
    String opaque = challenge.get("opaque");
    String javaAlg = algorithm.toUpperCase(Locale.ROOT).startsWith("SHA-256") ? "SHA-256" : "MD5";
    String ha1 = hash(javaAlg, username + ":" + realm + ":" + password);
    String ha2 = hash(javaAlg, method + ":" + uri);
    boolean qopAuth = false;
    if (qopOffered != null) {
      for (String q : qopOffered.split(",")) {
        if (q.trim().equalsIgnoreCase("auth")) {
          qopAuth = true;
        }
      }
    }
    StringBuilder sb = new StringBuilder("Digest ");
    sb.append("username=\"").append(username).append("\", realm=\"").append(realm);
    sb.append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri);
    sb.append("\", algorithm=").append(algorithm);
    String response;
    if (qopAuth) {
      String nc = "00000001";
      response = hash(javaAlg, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
      sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
    } else {
      response = hash(javaAlg, ha1 + ":" + nonce + ":" + ha2);
    }
    sb.append(", response=\"").append(response).append('"');
    if (opaque != null) {
      sb.append(", opaque=\"").append(opaque).append('"');
    }
    return sb.toString();
  }

  /**
   * Hex digest of UTF-8 text.
   *
   * @param algorithm {@code MD5} or {@code SHA-256}
   * @param text the text
   * @return lower-case hex
   */
  public static String hash(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }
}
