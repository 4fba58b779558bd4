package io.github.vpsdk.vp.onvif.internal.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;

/** Decides whether a target service matches a Probe (WS-Discovery 2005/04, "Matching Types and Scopes"). */
public final class ScopeMatcher {
  private ScopeMatcher() {}

  /**
   * Whether a service with these types and scopes matches a Probe.
   *
   * @param probe the probe
   * @param types the service's types
   * @param scopes the service's scopes
   * @return true if every probed type and scope is matched; false also for an unknown matching
   *     rule
   */
  public static boolean matches(WsdMessage.Probe probe, List<QName> types, List<String> scopes) {
    if (!types.containsAll(probe.types())) {
      return false;
    }
    String rule = probe.matchBy() == null ? WsdCodec.MATCH_RFC3986 : probe.matchBy();
    for (String wanted : probe.scopes()) {
      boolean any = false;
      for (String have : scopes) {
        if (matches(rule, wanted, have)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  static boolean matches(String rule, String wanted, String have) {
    if (rule.equals(WsdCodec.MATCH_STRCMP0)) {
      return wanted.equals(have);
    }
    if (rule.equals(WsdCodec.MATCH_RFC3986)) {
      return rfc3986(wanted, have);
    }
    return false;
  }

  /** {@code wanted} is a segment-wise prefix of {@code have}, scheme and authority ignoring case. */
  static boolean rfc3986(String wanted, String have) {
    URI w = uri(wanted);
    URI h = uri(have);
    if (w == null || h == null) {
      return false;
    }
    if (!same(w.getScheme(), h.getScheme()) || !same(w.getRawAuthority(), h.getRawAuthority())) {
      return false;
    }
    List<String> ws = segments(w.getPath());
    List<String> hs = segments(h.getPath());
    if (ws == null || hs == null || ws.size() > hs.size()) {
      return false;
    }
    return hs.subList(0, ws.size()).equals(ws);
  }

  private static boolean same(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static @Nullable URI uri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static @Nullable List<String> segments(@Nullable String path) {
    List<String> out = new ArrayList<>();
    if (path == null || path.isEmpty()) {
      return out;
    }
    for (String s : path.split("/", -1)) {
      if (s.equals(".") || s.equals("..")) {
        return null;
      }
      out.add(s);
    }
    // "/a/b/" and "/a/b" are the same scope; the leading "" of an absolute path is kept
    while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }
}
