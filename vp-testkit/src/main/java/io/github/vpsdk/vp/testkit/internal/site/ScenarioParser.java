package io.github.vpsdk.vp.testkit.internal.site;

import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.testkit.site.CameraSpec;
import io.github.vpsdk.vp.testkit.site.Expectations;
import io.github.vpsdk.vp.testkit.site.PanelFormat;
import io.github.vpsdk.vp.testkit.site.PanelSpec;
import io.github.vpsdk.vp.testkit.site.Scenario;
import io.github.vpsdk.vp.testkit.site.SiteAction;
import io.github.vpsdk.vp.testkit.site.TimelineStep;
import io.github.vpsdk.vp.testkit.site.ZoneSpec;
import io.github.vpsdk.vp.testkit.site.ZoneType;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads scenario documents (YAML or JSON) into {@link Scenario}s, naming the bad field on error. */
public final class ScenarioParser {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");

  private ScenarioParser() {}

  /**
   * Parses a document.
   *
   * @param text the YAML or JSON text
   * @return the scenario
   * @throws IllegalArgumentException naming what is wrong, and where
   */
  public static Scenario parse(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not a YAML or JSON document: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a scenario is a mapping with name, panels and timeline");
    }
    known(root, "", Set.of("name", "receivers", "duration", "panels", "timeline", "expect", "cameras"));
    String name = text(root, "name", "scenario");
    InetSocketAddress primary = null;
    InetSocketAddress backup = null;
    JsonNode receivers = root.get("receivers");
    if (receivers != null && !receivers.isNull()) {
      known(receivers, "receivers.", Set.of("primary", "backup"));
      primary = address(optText(receivers, "primary"), "receivers.primary");
      backup = address(optText(receivers, "backup"), "receivers.backup");
    }
    Duration duration = duration(optText(root, "duration"), "duration", Duration.ofMinutes(1));
    Map<String, List<String>> copies = new LinkedHashMap<>();
    List<PanelSpec> panels = new ArrayList<>();
    JsonNode panelNodes = root.get("panels");
    if (panelNodes == null || !panelNodes.isArray() || panelNodes.isEmpty()) {
      throw new IllegalArgumentException("panels: a list of at least one panel is needed");
    }
    int index = 0;
    for (JsonNode p : panelNodes) {
      panels(p, "panels[" + index++ + "].", panels, copies);
    }
    List<TimelineStep> timeline = new ArrayList<>();
    JsonNode steps = root.get("timeline");
    if (steps != null && !steps.isNull()) {
      if (!steps.isArray()) {
        throw new IllegalArgumentException("timeline: a list of steps is needed");
      }
      index = 0;
      for (JsonNode s : steps) {
        step(s, "timeline[" + index++ + "].", timeline, copies);
      }
    }
    Expectations expect = Expectations.DEFAULT;
    JsonNode e = root.get("expect");
    if (e != null && !e.isNull()) {
      known(e, "expect.", Set.of("allAcknowledged", "acknowledgedWithin", "maxRetries"));
      boolean all = !e.has("allAcknowledged") || e.get("allAcknowledged").asBoolean();
      Duration within = e.has("acknowledgedWithin") ? duration(optText(e, "acknowledgedWithin"), "expect.acknowledgedWithin", null) : null;
      Integer retries = e.has("maxRetries") ? integer(e, "maxRetries", "expect.", 0) : null;
      expect = new Expectations(all, within, retries);
    }
    List<CameraSpec> cameras = new ArrayList<>();
    JsonNode cams = root.get("cameras");
    if (cams != null && !cams.isNull()) {
      if (!cams.isArray()) {
        throw new IllegalArgumentException("cameras: a list of cameras is needed");
      }
      index = 0;
      for (JsonNode c : cams) {
        String at = "cameras[" + index++ + "].";
        known(c, at, Set.of("name", "panel", "zones", "ptz", "user", "password", "clockSkew"));
        String cname = text(c, "name", null);
        if (cname == null) {
          throw new IllegalArgumentException(at + "name: missing");
        }
        List<Integer> zones = new ArrayList<>();
        JsonNode zs = c.get("zones");
        if (zs != null && zs.isArray()) {
          for (JsonNode z : zs) {
            zones.add(z.asInt());
          }
        }
        cameras.add(new CameraSpec(cname, optText(c, "panel"), zones, c.has("ptz") && c.get("ptz").asBoolean(),
            text(c, "user", "admin"), text(c, "password", "admin"), duration(optText(c, "clockSkew"), at + "clockSkew", Duration.ZERO)));
      }
    }
    try {
      return new Scenario(name, primary, backup, panels, timeline, duration, expect, cameras);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("scenario " + name + ": " + ex.getMessage(), ex);
    }
  }

  private static void panels(JsonNode p, String at, List<PanelSpec> out, Map<String, List<String>> copies) {
    if (!p.isObject()) {
      throw new IllegalArgumentException(at + ": a panel is a mapping");
    }
    known(p, at, Set.of("name", "account", "receiver", "prefix", "format", "transport", "key", "poll", "backupPoll",
        "clockSkew", "zones", "users", "count"));
    String name = text(p, "name", null);
    if (name == null) {
      throw new IllegalArgumentException(at + "name: missing");
    }
    String account = text(p, "account", null);
    if (account == null) {
      throw new IllegalArgumentException(at + "account: missing");
    }
    int count = p.has("count") ? integer(p, "count", at, 1) : 1;
    PanelFormat format;
    String f = text(p, "format", "ADM-CID").toUpperCase(Locale.ROOT).replace('_', '-');
    if (f.equals("ADM-CID") || f.equals("CID") || f.equals("CONTACT-ID")) {
      format = PanelFormat.ADM_CID;
    } else if (f.equals("SIA-DCS") || f.equals("SIA")) {
      format = PanelFormat.SIA_DCS;
    } else {
      throw new IllegalArgumentException(at + "format: SIA-DCS or ADM-CID, not " + f);
    }
    String transport = text(p, "transport", "tcp").toLowerCase(Locale.ROOT);
    if (!transport.equals("tcp") && !transport.equals("udp")) {
      throw new IllegalArgumentException(at + "transport: tcp or udp, not " + transport);
    }
    Dc09Key key = null;
    String k = optText(p, "key");
    if (k != null) {
      try {
        key = Dc09Key.parse(k);
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(at + "key: hex:<32, 48 or 64 hex digits> or ascii:<16, 24 or 32 characters>");
      }
    }
    List<ZoneSpec> zones = new ArrayList<>();
    JsonNode zs = p.get("zones");
    if (zs != null && !zs.isNull()) {
      int i = 0;
      for (JsonNode z : zs) {
        String zat = at + "zones[" + i++ + "].";
        known(z, zat, Set.of("number", "name", "type", "partition"));
        int number = integer(z, "number", zat, -1);
        String type = text(z, "type", "burglary").toUpperCase(Locale.ROOT);
        ZoneType zt;
        try {
          zt = ZoneType.valueOf(type);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(zat + "type: one of " + java.util.Arrays.toString(ZoneType.values()).toLowerCase(Locale.ROOT));
        }
        try {
          zones.add(new ZoneSpec(number, text(z, "name", "zone " + number), zt, z.has("partition") ? integer(z, "partition", zat, 1) : 1));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(zat + " " + ex.getMessage(), ex);
        }
      }
    }
    Map<Integer, String> users = new LinkedHashMap<>();
    JsonNode us = p.get("users");
    if (us != null && us.isObject()) {
      for (Map.Entry<String, JsonNode> u : us.properties()) {
        try {
          users.put(Integer.parseInt(u.getKey()), u.getValue().asString());
        } catch (NumberFormatException ex) {
          throw new IllegalArgumentException(at + "users: keys are user numbers, not " + u.getKey());
        }
      }
    } else if (us != null && us.isArray()) {
      for (JsonNode u : us) {
        users.put(u.asInt(), "user " + u.asInt());
      }
    }
    Duration poll = duration(optText(p, "poll"), at + "poll", Duration.ZERO);
    Duration backupPoll = duration(optText(p, "backupPoll"), at + "backupPoll", Duration.ZERO);
    Duration skew = duration(optText(p, "clockSkew"), at + "clockSkew", Duration.ZERO);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String n = count == 1 ? name : name + "-" + (i + 1);
      String acct = count == 1 ? account : nthAccount(account, i, at);
      try {
        out.add(new PanelSpec(n, acct, optText(p, "receiver"), p.has("prefix") ? optText(p, "prefix") : "0", format,
            transport.equals("udp"), key, poll, backupPoll, skew, zones, users));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(at + " " + ex.getMessage(), ex);
      }
      names.add(n);
    }
    if (copies.put(name, names) != null) {
      throw new IllegalArgumentException(at + "name: two panels are named " + name);
    }
  }

  /** The i-th account of a fleet: the account plus i, in the same base (decimal or hex) and width. */
  private static String nthAccount(String first, int i, String at) {
    boolean decimal = first.matches("[0-9]+");
    if (!decimal && !first.matches("[0-9A-Fa-f]+")) {
      throw new IllegalArgumentException(at + "account: a fleet (count) needs a decimal or hex account to count from");
    }
    int radix = decimal ? 10 : 16;
    String s = new BigInteger(first, radix).add(BigInteger.valueOf(i)).toString(radix).toUpperCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    for (int pad = s.length(); pad < first.length(); pad++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  private static void step(JsonNode s, String at, List<TimelineStep> out, Map<String, List<String>> copies) {
    if (!s.isObject()) {
      throw new IllegalArgumentException(at + ": a step is a mapping");
    }
    Duration when = duration(optText(s, "at"), at + "at", Duration.ZERO);
    Duration every = s.has("every") ? duration(optText(s, "every"), at + "every", null) : null;
    String panel = optText(s, "panel");
    String action = text(s, "action", null);
    if (action == null) {
      throw new IllegalArgumentException(at + "action: missing");
    }
    String camera = optText(s, "camera");
    if (camera != null && action.equalsIgnoreCase("event")) {
      known(s, at, Set.of("at", "every", "camera", "action", "event", "active"));
      String kind = text(s, "event", "");
      io.github.vpsdk.vp.testkit.camera.CameraEventKind k;
      try {
        k = io.github.vpsdk.vp.testkit.camera.CameraEventKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "event: one of " + java.util.Arrays.toString(
            io.github.vpsdk.vp.testkit.camera.CameraEventKind.values()).toLowerCase(Locale.ROOT).replace('_', '-')
            + ", not " + kind);
      }
      out.add(new TimelineStep(when, every, null,
          new SiteAction.CameraEvent(camera, k, !s.has("active") || s.get("active").asBoolean())));
      return;
    }
    if (camera != null) {
      known(s, at, Set.of("at", "every", "camera", "action", "delay", "skew", "sees"));
      SiteAction.CameraFaultKind kind;
      try {
        kind = SiteAction.CameraFaultKind.valueOf(action.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "action: a camera action is one of offline, online, reboot, slow-snapshot,"
            + " failing-snapshot, snapshot-ok, clock-skew, sees; not " + action);
      }
      String skew = optText(s, "skew");
      boolean negative = skew != null && skew.startsWith("-");
      Duration d = kind == SiteAction.CameraFaultKind.CLOCK_SKEW
          ? duration(negative ? skew.substring(1) : skew, at + "skew", Duration.ZERO)
          : duration(optText(s, "delay"), at + "delay", Duration.ZERO);
      out.add(new TimelineStep(when, every, null, new SiteAction.CameraFault(camera, kind, negative ? d.negated() : d,
          optText(s, "sees"))));
      return;
    }
    SiteAction a = action(s, at, action.toLowerCase(Locale.ROOT));
    if (panel == null) {
      out.add(new TimelineStep(when, every, null, a));
      return;
    }
    List<String> names = copies.get(panel);
    if (names == null) {
      throw new IllegalArgumentException(at + "panel: no panel named " + panel);
    }
    for (String n : names) {
      out.add(new TimelineStep(when, every, n, a));
    }
  }

  private static SiteAction action(JsonNode s, String at, String action) {
    Set<String> common = Set.of("at", "every", "panel", "action");
    switch (action) {
      case "arm":
      case "disarm":
        known(s, at, union(common, "user", "partition"));
        int user = s.has("user") ? integer(s, "user", at, 0) : 1;
        int partition = s.has("partition") ? integer(s, "partition", at, 1) : 1;
        return action.equals("arm") ? new SiteAction.Arm(user, partition) : new SiteAction.Disarm(user, partition);
      case "trip":
        known(s, at, union(common, "zone", "sees"));
        return new SiteAction.Trip(integer(s, "zone", at, 1), optText(s, "sees"));
      case "restore":
        known(s, at, union(common, "zone"));
        return new SiteAction.Restore(integer(s, "zone", at, 1));
      case "flood":
        known(s, at, union(common, "zone", "count"));
        return new SiteAction.Flood(integer(s, "zone", at, 1), integer(s, "count", at, 1));
      case "drop-acks":
        known(s, at, union(common, "count"));
        return new SiteAction.DropAcks(s.has("count") ? integer(s, "count", at, 0) : 1);
      case "delay-acks":
        known(s, at, union(common, "delay"));
        return new SiteAction.DelayAcks(duration(optText(s, "delay"), at + "delay", Duration.ZERO));
      case "udp-loss":
        known(s, at, union(common, "percent"));
        int percent = integer(s, "percent", at, 0);
        if (percent > 100) {
          throw new IllegalArgumentException(at + "percent: 0 to 100");
        }
        return new SiteAction.UdpLoss(percent);
      case "cut-primary":
        known(s, at, common);
        return new SiteAction.PrimaryPath(true);
      case "restore-primary":
        known(s, at, common);
        return new SiteAction.PrimaryPath(false);
      case "clock-skew":
        known(s, at, union(common, "skew"));
        String skew = optText(s, "skew");
        boolean negative = skew != null && skew.startsWith("-");
        Duration d = duration(negative ? skew.substring(1) : skew, at + "skew", Duration.ZERO);
        return new SiteAction.ClockSkew(negative ? d.negated() : d);
      case "wrong-key":
        known(s, at, union(common, "wrong"));
        return new SiteAction.WrongKey(!s.has("wrong") || s.get("wrong").asBoolean());
      default:
        for (SiteAction.TechnicalKind k : SiteAction.TechnicalKind.values()) {
          if (k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(action)) {
            known(s, at, common);
            return new SiteAction.Technical(k);
          }
        }
        throw new IllegalArgumentException(at + "action: unknown action " + action + " (arm, disarm, trip, restore, flood,"
            + " tamper, tamper-restore, ac-loss, ac-restore, low-battery, battery-restore, test, drop-acks, delay-acks,"
            + " udp-loss, cut-primary, restore-primary, clock-skew, wrong-key)");
    }
  }

  private static Set<String> union(Set<String> a, String... more) {
    Set<String> s = new java.util.HashSet<>(a);
    s.addAll(List.of(more));
    return s;
  }

  private static void known(JsonNode node, String at, Set<String> fields) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(at + ": a mapping is needed");
    }
    Iterator<String> names = node.propertyNames().iterator();
    while (names.hasNext()) {
      String n = names.next();
      if (!fields.contains(n)) {
        throw new IllegalArgumentException(at + n + ": unknown field (known: " + new java.util.TreeSet<>(fields) + ")");
      }
    }
  }

  private static @Nullable String optText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asString();
  }

  private static String text(JsonNode node, String field, @Nullable String dflt) {
    String v = optText(node, field);
    return v != null ? v : dflt;
  }

  private static int integer(JsonNode node, String field, String at, int min) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(at + field + ": missing");
    }
    int n;
    try {
      n = v.isNumber() ? v.asInt() : Integer.parseInt(v.asString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(at + field + ": a whole number is needed, not " + v.asString());
    }
    if (n < min) {
      throw new IllegalArgumentException(at + field + ": at least " + min + ", not " + n);
    }
    return n;
  }

  /**
   * Reads {@code 250ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d}, ISO-8601 ({@code PT10S}) or
   * a number of seconds.
   *
   * @param text the text, or {@code null}
   * @param at where, for the error
   * @param dflt the value when absent
   * @return the duration
   */
  public static Duration duration(@Nullable String text, String at, @Nullable Duration dflt) {
    if (text == null || text.isBlank()) {
      if (dflt == null) {
        throw new IllegalArgumentException(at + ": missing");
      }
      return dflt;
    }
    String t = text.trim();
    Matcher m = DURATION.matcher(t);
    try {
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        long millis;
        switch (m.group(2)) {
          case "ms":
            millis = (long) v;
            break;
          case "s":
            millis = (long) (v * 1000);
            break;
          case "m":
            millis = (long) (v * 60_000);
            break;
          case "h":
            millis = (long) (v * 3_600_000);
            break;
          default:
            millis = (long) (v * 86_400_000);
            break;
        }
        return Duration.ofMillis(millis);
      }
      if (t.matches("\\d+(\\.\\d+)?")) {
        return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
      }
      return Duration.parse(t);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(at + ": a duration such as 250ms, 10s, 5m, 2h or PT10S, not " + text);
    }
  }

  private static @Nullable InetSocketAddress address(@Nullable String text, String at) {
    if (text == null) {
      return null;
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(at + ": HOST:PORT, not " + text);
    }
    try {
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new InetSocketAddress(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": HOST:PORT, not " + text);
    }
  }
}
