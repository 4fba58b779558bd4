package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.testkit.camera.SnapshotAuth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The server side of HTTP Basic (RFC 7617) and Digest (RFC 7616: MD5 and SHA-256, {@code
 * qop=auth}) for the snapshot URI. Nonces are issued by the camera, valid for five minutes and
 * kept in a bounded table; a request counter ({@code nc}) that does not grow is refused as a
 * replay. Written from the RFCs, independently of vp-onvif's client.
 */
public final class HttpAuth {
  /** Longest Authorization header looked at. */
  static final int MAX_HEADER = 4096;
  private static final int MAX_NONCES = 1024;
  private static final Duration NONCE_LIFE = Duration.ofMinutes(5);

  private final SnapshotAuth mode;
  private final String realm;
  private final @Nullable String user;
  private final @Nullable String password;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final LinkedHashMap<String, Nonce> nonces = new LinkedHashMap<>();

  private static final class Nonce {
    final Instant issued;
    long lastCount;

    Nonce(Instant issued) {
      this.issued = issued;
    }
  }

  public HttpAuth(SnapshotAuth mode, String realm, @Nullable String user, @Nullable String password, Clock clock) {
    this.mode = mode;
    this.realm = realm.replace("\"", "'");
    this.user = user;
    this.password = password;
    this.clock = clock;
  }

  /**
   * Checks a request.
   *
   * @param method the HTTP method
   * @param uri the request URI as sent (path and query)
   * @param authorization the Authorization header, or {@code null}
   * @return true when allowed
   */
  public boolean allowed(String method, String uri, @Nullable String authorization) {
    if (mode == SnapshotAuth.NONE || user == null) {
      return true;
    }
    if (authorization == null || authorization.length() > MAX_HEADER) {
      return false;
    }
    String a = authorization.trim();
    if (a.regionMatches(true, 0, "Basic ", 0, 6)) {
      return (mode == SnapshotAuth.BASIC || mode == SnapshotAuth.DIGEST_OR_BASIC) && basic(a.substring(6).trim());
    }
    if (a.regionMatches(true, 0, "Digest ", 0, 7)) {
      return (mode == SnapshotAuth.DIGEST || mode == SnapshotAuth.DIGEST_OR_BASIC)
          && digest(method, uri, params(a.substring(7)));
    }
    return false;
  }

  /**
   * The challenges of a 401 answer, in order of preference.
   *
   * @param stale whether the refused request carried an expired nonce
   * @return WWW-Authenticate header values
   */
  public List<String> challenges(boolean stale) {
    List<String> out = new ArrayList<>();
    if (mode == SnapshotAuth.DIGEST || mode == SnapshotAuth.DIGEST_OR_BASIC) {
      String nonce = issue();
      String common = "realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"" + realm.hashCode() + "\"";
      out.add("Digest " + common + ", algorithm=MD5" + (stale ? ", stale=true" : ""));
      out.add("Digest " + common + ", algorithm=SHA-256" + (stale ? ", stale=true" : ""));
    }
    if (mode == SnapshotAuth.BASIC || mode == SnapshotAuth.DIGEST_OR_BASIC) {
      out.add("Basic realm=\"" + realm + "\"");
    }
    return out;
  }

  /**
   * Whether an Authorization header names a nonce this camera no longer knows.
   *
   * @param authorization the header or {@code null}
   * @return true for a stale digest nonce
   */
  public synchronized boolean staleNonce(@Nullable String authorization) {
    if (authorization == null || authorization.length() > MAX_HEADER
        || !authorization.trim().regionMatches(true, 0, "Digest ", 0, 7)) {
      return false;
    }
    String n = params(authorization.trim().substring(7)).get("nonce");
    return n != null && !nonces.containsKey(n);
  }

  private synchronized String issue() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    String n = HexFormat.of().formatHex(b);
    nonces.put(n, new Nonce(clock.instant()));
    while (nonces.size() > MAX_NONCES) {
      Iterator<String> it = nonces.keySet().iterator();
      it.next();
      it.remove();
    }
    return n;
  }

  private boolean basic(String token) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return equal(decoded, user + ":" + password);
  }

  private boolean digest(String method, String requestUri, Map<String, String> p) {
    String nonce = p.get("nonce");
    String response = p.get("response");
    String uri = p.get("uri");
    if (nonce == null || response == null || uri == null
        || !equal(p.getOrDefault("username", ""), user)
        || !realm.equals(p.get("realm"))
        || !uri.equals(requestUri)) {
      return false;
    }
    String algorithm = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
    String hashName;
    if (algorithm.equals("MD5")) {
      hashName = "MD5";
    } else if (algorithm.equals("SHA-256")) {
      hashName = "SHA-256";
    } else {
      return false;
    }
    String qop = p.get("qop");
    String nc = p.get("nc");
    String cnonce = p.get("cnonce");
    long count;
    if (qop != null) {
      if (!qop.equals("auth") || nc == null || cnonce == null || !nc.matches("[0-9a-fA-F]{1,8}")) {
        return false;
      }
      count = Long.parseLong(nc, 16);
    } else {
      count = -1;
    }
    String ha1 = hash(hashName, user + ":" + realm + ":" + password);
    String ha2 = hash(hashName, method + ":" + uri);
    String expected =
        qop == null
            ? hash(hashName, ha1 + ":" + nonce + ":" + ha2)
            : hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    if (!equal(response.toLowerCase(Locale.ROOT), expected)) {
      return false;
    }
    synchronized (this) {
      Nonce n = nonces.get(nonce);
      if (n == null || clock.instant().isAfter(n.issued.plus(NONCE_LIFE))) {
        nonces.remove(nonce);
        return false;
      }
      if (count >= 0) {
        if (count <= n.lastCount) {
          return false; // replayed request counter
        }
        n.lastCount = count;
      }
    }
    return true;
  }

  /**
   * Parses the {@code k=v, k="v, with comma"} pairs of a digest header (HTTP and RTSP); keys
   * lower-cased; at most 32, within the first {@link #MAX_HEADER} characters; stops at malformed
   * input.
   *
   * @param s the text after the scheme
   * @return the pairs (first occurrence wins)
   */
  public static Map<String, String> params(String s) {
    Map<String, String> out = new HashMap<>();
    int i = 0;
    int n = Math.min(s.length(), MAX_HEADER);
    while (i < n && out.size() < 32) {
      while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',' || s.charAt(i) == '\t')) {
        i++;
      }
      int eq = s.indexOf('=', i);
      if (eq < 0 || eq >= n) {
        break;
      }
      String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder v = new StringBuilder();
      if (i < n && s.charAt(i) == '"') {
        i++;
        while (i < n && s.charAt(i) != '"') {
          if (s.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          v.append(s.charAt(i++));
        }
        i++; // closing quote
      } else {
        while (i < n && s.charAt(i) != ',') {
          v.append(s.charAt(i++));
        }
      }
      out.putIfAbsent(key, v.toString().trim());
    }
    return out;
  }

  /**
   * The lower-case hex digest of a text's UTF-8 bytes.
   *
   * @param algorithm {@code MD5} or {@code SHA-256}
   * @param text the text
   * @return the hex digest
   */
  public static String hash(String algorithm, String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compares in constant time.
   *
   * @param a a value
   * @param b another, or {@code null} (never equal)
   * @return whether they are equal
   */
  public static boolean equal(String a, @Nullable String b) {
    return b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
