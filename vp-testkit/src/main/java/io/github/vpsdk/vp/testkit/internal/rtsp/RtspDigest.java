package io.github.vpsdk.vp.testkit.internal.rtsp;

import io.github.vpsdk.vp.testkit.internal.camera.HttpAuth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Digest authentication of RTSP requests (RFC 2326 §D.2 refers to HTTP digest; written from RFC
 * 7616). The camera offers one challenge, MD5 without {@code qop}, which is what RTSP cameras send
 * and what ffmpeg, live555 (VLC) and GStreamer answer; a {@code qop=auth} answer is accepted too.
 * Nonces are issued here, valid for five minutes on the injected clock, at most 256 kept.
 */
public final class RtspDigest {
  /** Longest Authorization header looked at. */
  public static final int MAX_HEADER = 4096;
  private static final int MAX_NONCES = 256;
  private static final Duration NONCE_LIFE = Duration.ofMinutes(5);

  /** The outcome of a check. */
  public enum Verdict {
    /** Authenticated. */
    OK,
    /** Missing or wrong credentials. */
    REFUSED,
    /** Right credentials with a nonce this server no longer holds: retry with a fresh one. */
    STALE
  }

  private final String realm;
  private final String user;
  private final String password;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final LinkedHashMap<String, Instant> nonces = new LinkedHashMap<>();

  /**
   * Creates the checker.
   *
   * @param realm the realm (quotes are replaced)
   * @param user the user name
   * @param password the password
   * @param clock the clock nonce lifetimes are measured with
   */
  public RtspDigest(String realm, String user, String password, Clock clock) {
    this.realm = realm.replace('"', '\'');
    this.user = user;
    this.password = password;
    this.clock = clock;
  }

  /**
   * A fresh challenge, the value of a {@code WWW-Authenticate} header.
   *
   * @param stale whether to say the last nonce expired
   * @return the header value
   */
  public synchronized String challenge(boolean stale) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    String nonce = HexFormat.of().formatHex(b);
    nonces.put(nonce, clock.instant());
    while (nonces.size() > MAX_NONCES) {
      Iterator<String> it = nonces.keySet().iterator();
      it.next();
      it.remove();
    }
    return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=MD5" + (stale ? ", stale=TRUE" : "");
  }

  /**
   * Checks a request.
   *
   * @param method the RTSP method
   * @param requestUri the request URI as sent on the request line
   * @param authorization the Authorization header, or {@code null}
   * @return the verdict
   */
  public Verdict check(String method, String requestUri, @Nullable String authorization) {
    if (authorization == null || authorization.length() > MAX_HEADER) {
      return Verdict.REFUSED;
    }
    String a = authorization.trim();
    if (!a.regionMatches(true, 0, "Digest ", 0, 7)) {
      return Verdict.REFUSED;
    }
    Map<String, String> p = HttpAuth.params(a.substring(7));
    String nonce = p.get("nonce");
    String response = p.get("response");
    String uri = p.get("uri");
    String algorithm = p.getOrDefault("algorithm", "MD5");
    if (nonce == null || response == null || uri == null
        || !algorithm.equalsIgnoreCase("MD5")
        || !HttpAuth.equal(p.getOrDefault("username", ""), user)
        || !realm.equals(p.get("realm"))
        || !uri.equals(requestUri)) {
      return Verdict.REFUSED;
    }
    String ha1 = md5(user + ":" + realm + ":" + password);
    String ha2 = md5(method + ":" + uri);
    String qop = p.get("qop");
    String expected;
    if (qop == null) {
      expected = md5(ha1 + ":" + nonce + ":" + ha2);
    } else {
      String nc = p.get("nc");
      String cnonce = p.get("cnonce");
      if (!qop.equals("auth") || nc == null || cnonce == null) {
        return Verdict.REFUSED;
      }
      expected = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
    if (!HttpAuth.equal(response.toLowerCase(Locale.ROOT), expected)) {
      return Verdict.REFUSED;
    }
    synchronized (this) {
      Instant issued = nonces.get(nonce);
      if (issued == null || clock.instant().isAfter(issued.plus(NONCE_LIFE))) {
        nonces.remove(nonce);
        return Verdict.STALE;
      }
    }
    return Verdict.OK;
  }

  static String md5(String text) {
    return HttpAuth.hash("MD5", text);
  }
}
