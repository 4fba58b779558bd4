package io.github.vpsdk.vp.testkit.internal.cli;

import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON shapes and input conventions shared by {@code vp decode}, {@code vp receive} and {@code vp send}. */
public final class Dc09Json {
  private Dc09Json() {}

  /**
   * Parses {@code --key ACCOUNT=hex:HEX|ascii:CHARS} options; account {@code *} is the default key.
   *
   * @param specs the option values
   * @return the keys
   */
  public static Dc09Keys keys(List<String> specs) {
    Map<String, Dc09Key> byAccount = new HashMap<>();
    Dc09Key fallback = null;
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--key is ACCOUNT=hex:HEX or ACCOUNT=ascii:CHARS (ACCOUNT * for every account)");
      }
      Dc09Key key = Dc09Key.parse(spec.substring(eq + 1));
      String account = spec.substring(0, eq);
      if (account.equals("*")) {
        fallback = key;
      } else {
        byAccount.put(account, key);
      }
    }
    return Dc09Keys.of(byAccount, fallback);
  }

  /**
   * Reads the escapes of a line: {@code \n}, {@code \r}, {@code \\}, {@code \xHH}; other characters
   * are taken as ISO-8859-1 bytes.
   *
   * @param line the line
   * @return the bytes
   */
  public static byte[] unescape(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char n = line.charAt(++i);
        if (n == 'n') {
          out.write('\n');
        } else if (n == 'r') {
          out.write('\r');
        } else if (n == 'x') {
          int v = hex(line, i + 1);
          if (v < 0) {
            out.write('\\');
            out.write('x');
          } else {
            out.write(v);
            i += 2;
          }
        } else {
          out.write(n);
        }
      } else {
        out.write(c <= 0xFF ? c : '?');
      }
    }
    return out.toByteArray();
  }

  private static int hex(String s, int at) {
    if (at + 2 > s.length()) {
      return -1;
    }
    int hi = Character.digit(s.charAt(at), 16);
    int lo = Character.digit(s.charAt(at + 1), 16);
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  }

  /**
   * The JSON object of a decoded DC-09 message and its events.
   *
   * @param m the message
   * @param events its events
   * @return the object
   */
  public static Map<String, Object> message(Dc09Message m, List<? extends AlarmEvent> events) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", true);
    o.put("protocol", "dc09");
    o.put("id", m.token());
    o.put("encrypted", m.encrypted());
    o.put("seq", m.sequence());
    o.put("receiver", m.receiver());
    o.put("prefix", m.prefix());
    o.put("account", m.account());
    o.put("timestamp", m.timestamp() == null ? null : m.timestamp().toString());
    o.put("data", m.data());
    o.put("events", events.stream().map(Dc09Json::event).toList());
    Map<String, Object> extended = new LinkedHashMap<>();
    for (ExtendedField f : m.extended()) {
      extended.merge(f.tag(), f.value(), (a, b) -> a + "," + b);
    }
    o.put("extended", extended);
    return o;
  }

  /**
   * The JSON object of one event: its SIA and Contact ID codes (mapped through the catalogue when
   * the panel sent the other family), category, priority, zone, user, area.
   *
   * @param e the event
   * @return the object
   */
  public static Map<String, Object> event(AlarmEvent e) {
    EventCatalogue catalogue = EventCatalogue.defaults();
    Map<String, Object> o = new LinkedHashMap<>();
    EventCode code = e.code();
    String sia = null;
    String cid = null;
    Integer qualifier = null;
    if (code instanceof EventCode.Sia) {
      sia = ((EventCode.Sia) code).code();
      EventCode.ContactId mapped = catalogue.toContactId((EventCode.Sia) code).orElse(null);
      cid = mapped == null ? null : mapped.text();
    } else if (code instanceof EventCode.ContactId) {
      EventCode.ContactId c = (EventCode.ContactId) code;
      cid = c.text();
      qualifier = c.qualifier();
      sia = catalogue.toSia(c).map(EventCode.Sia::code).orElse(null);
    } else {
      o.put("internal", code.text());
    }
    o.put("code", sia);
    o.put("cid", cid);
    o.put("qualifier", qualifier);
    o.put("category", e.category().name().toLowerCase(Locale.ROOT));
    o.put("restore", e.restore());
    o.put("priority", e.priority().name().toLowerCase(Locale.ROOT));
    if (e instanceof PanelEvent) {
      PanelEvent p = (PanelEvent) e;
      o.put("zone", p.zone());
      o.put("user", p.user());
      o.put("area", p.partition());
    }
    o.put("description", catalogue.classify(code).description());
    o.put("text", e.text());
    return o;
  }

  /**
   * An error line.
   *
   * @param protocol the protocol tried, or {@code null}
   * @param error what is wrong
   * @param input the input line
   * @return the object
   */
  public static Map<String, Object> error(@Nullable String protocol, String error, String input) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", false);
    o.put("protocol", protocol);
    o.put("error", error);
    o.put("input", input.length() > 200 ? input.substring(0, 200) + "..." : input);
    return o;
  }
}
