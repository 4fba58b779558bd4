package io.github.vpsdk.vp.protocols.sia;

import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content of a SIA DC-03 data block: {@code #acct|Nri1/BA01/BA02}, {@code
 * #1234|Nda04-22-94ti16:02:15/id22/CL/PA31}, {@code #000010|Nti10:15/ri4/FA2/AFire Zone 2}.
 *
 * <p>The parser is a tokenizer, not one regular expression, because panels vary: modifiers
 * ({@code ri}, {@code id}, {@code pi}, {@code ti}, {@code da}, and any other two lower-case
 * letters) may be glued to each other and to the code ({@code Nti20:50:26RP99}), an event may have
 * no address ({@code NRP}), the account part may lack its {@code #} ({@code 36214|NRP}) or be
 * absent ({@code Nri1/WA000}). Modifiers stick to the events that follow them in the same block.
 * Unknown modifiers are skipped.
 *
 * @param account the account of the {@code #acct|} part, or {@code null}
 * @param events the events, in order
 * @param texts the ASCII text blocks ({@code A...}), in order
 */
public record SiaData(@Nullable String account, List<SiaEvent> events, List<String> texts) {

  /** Most events one block may hold; more is refused as hostile. */
  public static final int MAX_EVENTS = 64;

  /** Copies the lists. */
  public SiaData {
    events = List.copyOf(events);
    texts = List.copyOf(texts);
  }

  /**
   * Parses the content of a data block.
   *
   * @param data the block's content, without brackets
   * @return the data, or why it is invalid
   */
  public static ParseResult<SiaData> parse(String data) {
    if (data.length() > 4096) {
      return ParseResult.invalid("SIA data longer than 4096 characters");
    }
    String account = null;
    String rest = data;
    int bar = data.indexOf('|');
    if (bar >= 0 && bar <= 17) {
      String head = data.substring(0, bar);
      if (head.startsWith("#")) {
        head = head.substring(1);
      }
      if (!head.isEmpty()) {
        if (!head.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80)) {
          return ParseResult.invalid("account must be letters or digits");
        }
        account = head;
      }
      rest = data.substring(bar + 1);
    }
    List<SiaEvent> events = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    if (rest.isEmpty()) {
      return ParseResult.ok(new SiaData(account, events, texts));
    }
    char function = rest.charAt(0);
    if (function == 'A') {
      texts.add(rest.substring(1));
      return ParseResult.ok(new SiaData(account, events, texts));
    }
    if (function != 'N' && function != 'O') {
      return ParseResult.invalid("a SIA block starts with N, O or A, found '" + printable(function) + "'");
    }
    boolean old = function == 'O';
    Modifiers m = new Modifiers();
    String[] fields = rest.substring(1).split("/", -1);
    for (String field : fields) {
      if (field.isEmpty()) {
        continue;
      }
      if (field.charAt(0) == 'A' && !isEventCodeField(field)) {
        texts.add(field.substring(1));
        if (!events.isEmpty() && events.get(events.size() - 1).text().isEmpty()) {
          SiaEvent last = events.remove(events.size() - 1);
          events.add(new SiaEvent(last.old(), last.code(), last.address(), last.area(), last.user(),
              last.peripheral(), last.time(), last.date(), field.substring(1)));
        }
        continue;
      }
      String error = parseField(field, old, m, events);
      if (error != null) {
        return ParseResult.invalid(error);
      }
      if (events.size() > MAX_EVENTS) {
        return ParseResult.invalid("more than " + MAX_EVENTS + " events in one block");
      }
    }
    return ParseResult.ok(new SiaData(account, events, texts));
  }

  /**
   * The data block's content for these events, the standard way: {@code #acct|N} then, for each
   * event, the modifiers that changed and the code with its address, separated by {@code /}.
   *
   * @return the content
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    if (account != null) {
      sb.append('#').append(account).append('|');
    }
    boolean old = !events.isEmpty() && events.get(0).old();
    sb.append(events.isEmpty() && !texts.isEmpty() ? "" : old ? "O" : "N");
    Modifiers current = new Modifiers();
    List<String> remaining = new ArrayList<>(texts);
    boolean first = true;
    for (SiaEvent e : events) {
      StringBuilder mods = new StringBuilder();
      if (e.date() != null && !e.date().equals(current.date)) {
        mods.append("da").append(e.date());
      }
      if (e.time() != null && !e.time().equals(current.time)) {
        mods.append("ti").append(e.time());
      }
      if (mods.length() > 0) {
        sb.append(first ? "" : "/").append(mods);
        first = false;
      }
      if (e.area() != null && !e.area().equals(current.area)) {
        sb.append(first ? "" : "/").append("ri").append(e.area());
        first = false;
      }
      if (e.user() != null && !e.user().equals(current.user)) {
        sb.append(first ? "" : "/").append("id").append(e.user());
        first = false;
      }
      if (e.peripheral() != null && !e.peripheral().equals(current.peripheral)) {
        sb.append(first ? "" : "/").append("pi").append(e.peripheral());
        first = false;
      }
      current.date = e.date();
      current.time = e.time();
      current.area = e.area();
      current.user = e.user();
      current.peripheral = e.peripheral();
      sb.append(first ? "" : "/").append(e.code()).append(e.address() == null ? "" : e.address());
      if (!e.text().isEmpty()) {
        // a text that came from an ASCII block after the event goes back as that block, so the
        // texts list survives a round trip; any other event text is written inline as ^text^
        if (remaining.remove(e.text())) {
          sb.append("/A").append(e.text());
        } else {
          sb.append('^').append(e.text()).append('^');
        }
      }
      first = false;
    }
    for (String t : remaining) {
      sb.append(first && events.isEmpty() ? "A" : "/A").append(t);
      first = false;
    }
    return sb.toString();
  }

  private static final class Modifiers {
    @Nullable Integer area;
    @Nullable Integer user;
    @Nullable Integer peripheral;
    @Nullable String time;
    @Nullable String date;
  }

  private static boolean isEventCodeField(String field) {
    // "AT", "AR", "AT01", "AR^text^" are codes; "AFire Zone 2" is a text block
    if (field.length() < 2 || !isUpper(field.charAt(1))) {
      return false;
    }
    int i = 2;
    while (i < field.length() && field.charAt(i) >= '0' && field.charAt(i) <= '9') {
      i++;
    }
    return i == field.length() || field.charAt(i) == '^' || isLower(field.charAt(i)) && i > 2;
  }

  /** Parses one field: modifiers and event codes glued together. Returns an error or null. */
  private static @Nullable String parseField(String f, boolean old, Modifiers m, List<SiaEvent> events) {
    int i = 0;
    while (i < f.length()) {
      char c = f.charAt(i);
      if (isLower(c) && i + 1 < f.length() && isLower(f.charAt(i + 1))) {
        String name = f.substring(i, i + 2);
        int v = i + 2;
        while (v < f.length() && isValueChar(f.charAt(v))) {
          v++;
        }
        String value = f.substring(i + 2, v);
        String error = applyModifier(name, value, m);
        if (error != null) {
          return error;
        }
        i = v;
      } else if (isUpper(c) && i + 1 < f.length() && isUpper(f.charAt(i + 1))) {
        String code = f.substring(i, i + 2);
        int a = i + 2;
        while (a < f.length() && f.charAt(a) >= '0' && f.charAt(a) <= '9') {
          a++;
        }
        String address = a > i + 2 ? f.substring(i + 2, a) : null;
        if (address != null && address.length() > 9) {
          return "address longer than 9 digits";
        }
        String text = "";
        if (a < f.length() && f.charAt(a) == '^') {
          int end = f.indexOf('^', a + 1);
          if (end < 0) {
            return "text not closed with ^";
          }
          text = f.substring(a + 1, end);
          a = end + 1;
        }
        events.add(new SiaEvent(old, code, address, m.area, m.user, m.peripheral, m.time, m.date, text));
        i = a;
      } else if (c == '*' && i + 1 < f.length() && f.charAt(i + 1) == '\'') {
        int end = f.indexOf('\'', i + 2);
        if (end < 0) {
          return "XSIA text not closed";
        }
        String text = f.substring(i + 2, end);
        if (!events.isEmpty()) {
          SiaEvent last = events.remove(events.size() - 1);
          events.add(new SiaEvent(last.old(), last.code(), last.address(), last.area(), last.user(),
              last.peripheral(), last.time(), last.date(), text));
        }
        i = end + 1;
        if (f.startsWith("NM", i)) {
          i += 2;
        }
      } else if (c == ' ') {
        i++;
      } else {
        return "unexpected character '" + printable(c) + "' in SIA data";
      }
    }
    return null;
  }

  private static @Nullable String applyModifier(String name, String value, Modifiers m) {
    switch (name) {
      case "ri":
        m.area = number(value);
        return value.isEmpty() || m.area != null ? null : "ri must be a number";
      case "id":
        m.user = number(value);
        return value.isEmpty() || m.user != null ? null : "id must be a number";
      case "pi":
        m.peripheral = number(value);
        return value.isEmpty() || m.peripheral != null ? null : "pi must be a number";
      case "ti":
        m.time = value.isEmpty() ? null : value;
        return null;
      case "da":
        m.date = value.isEmpty() ? null : value;
        return null;
      default:
        return null; // unknown modifiers are skipped
    }
  }

  private static @Nullable Integer number(String value) {
    if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return null;
    }
    return Integer.parseInt(value);
  }

  private static boolean isValueChar(char c) {
    return (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '.';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static char printable(char c) {
    return c >= 0x20 && c < 0x7f ? c : '?';
  }
}
