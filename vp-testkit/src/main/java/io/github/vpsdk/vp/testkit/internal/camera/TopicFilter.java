package io.github.vpsdk.vp.testkit.internal.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A topic filter in the ONVIF {@code ConcreteSet} dialect, as clients send it: alternatives
 * separated by {@code |}, each a path such as {@code tns1:RuleEngine/LineDetector/Crossed}, where
 * {@code //.} at the end also selects every topic below and {@code *} matches any one segment.
 * Namespace prefixes are dropped (the simulator only has {@code tns1} topics), and matching ignores
 * case.
 */
final class TopicFilter {
  /** Longest expression accepted. */
  static final int MAX_LENGTH = 4096;
  /** Most alternatives accepted. */
  static final int MAX_ALTERNATIVES = 64;

  private record Alternative(List<String> segments, boolean descendants) {}

  private final List<Alternative> alternatives;

  private TopicFilter(List<Alternative> alternatives) {
    this.alternatives = alternatives;
  }

  /**
   * Parses an expression.
   *
   * @param expression the text
   * @return the filter
   * @throws IllegalArgumentException when empty, too long or malformed
   */
  static TopicFilter parse(String expression) {
    String text = expression.trim();
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("empty or too long topic expression");
    }
    String[] parts = text.split("\\|", -1);
    if (parts.length > MAX_ALTERNATIVES) {
      throw new IllegalArgumentException("too many alternatives");
    }
    List<Alternative> out = new ArrayList<>();
    for (String part : parts) {
      String p = part.trim();
      boolean descendants = false;
      if (p.endsWith("//.")) {
        descendants = true;
        p = p.substring(0, p.length() - 3);
      } else if (p.endsWith("//*")) {
        descendants = true;
        p = p.substring(0, p.length() - 3);
      }
      if (p.isEmpty() || p.contains("//")) {
        throw new IllegalArgumentException("unsupported topic path: " + part.trim());
      }
      List<String> segs = new ArrayList<>();
      for (String s : p.split("/", -1)) {
        String seg = strip(s);
        if (seg.isEmpty()) {
          throw new IllegalArgumentException("empty segment in " + part.trim());
        }
        segs.add(seg);
      }
      out.add(new Alternative(segs, descendants));
    }
    return new TopicFilter(out);
  }

  /**
   * Whether a topic is selected.
   *
   * @param topic a topic such as {@code tns1:VideoSource/MotionAlarm}
   * @return true when an alternative matches
   */
  boolean matches(String topic) {
    String[] segs = topic.split("/");
    for (Alternative a : alternatives) {
      if (segs.length < a.segments().size() || (!a.descendants() && segs.length != a.segments().size())) {
        continue;
      }
      boolean ok = true;
      for (int i = 0; i < a.segments().size() && ok; i++) {
        String want = a.segments().get(i);
        ok = want.equals("*") || want.equals(strip(segs[i]));
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static String strip(String segment) {
    String s = segment.trim();
    int colon = s.indexOf(':');
    return (colon >= 0 ? s.substring(colon + 1) : s).toLowerCase(Locale.ROOT);
  }
}
