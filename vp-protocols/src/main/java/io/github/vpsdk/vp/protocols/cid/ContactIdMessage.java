package io.github.vpsdk.vp.protocols.cid;

import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One Contact ID event: {@code Q EEE GG CCC}.
 *
 * @param account the account when the data carried one ({@code #1234|...}, or the DTMF form's
 *     first four digits), else {@code null}
 * @param qualifier 1 new event or opening, 3 restore or closing, 6 previous condition still present
 * @param event the event code, 0 to 999
 * @param group the group or partition, 0 to 99 (0: none)
 * @param zoneOrUser the zone, or the user for open/close and user events, 0 to 999
 */
public record ContactIdMessage(@Nullable String account, int qualifier, int event, int group, int zoneOrUser) {

  /** Validates. */
  public ContactIdMessage {
    new EventCode.ContactId(qualifier, event); // validates both
    if (group < 0 || group > 99 || zoneOrUser < 0 || zoneOrUser > 999) {
      throw new IllegalArgumentException("group 0-99 and zone/user 0-999");
    }
  }

  /**
   * The event code.
   *
   * @return qualifier and event
   */
  public EventCode.ContactId code() {
    return new EventCode.ContactId(qualifier, event);
  }

  /**
   * The DC-09 {@code ADM-CID} data: {@code #acct|QEEE GG CCC}, or without the account part when
   * there is none.
   *
   * @return the data block content
   */
  public String toDc09Data() {
    String body = String.format(Locale.ROOT, "%d%03d %02d %03d", qualifier, event, group, zoneOrUser);
    return account == null ? body : "#" + account + "|" + body;
  }

  /**
   * Parses the data of a DC-09 {@code ADM-CID} frame: {@code #acct|QEEE GG CCC}. Lenient mode also
   * takes what panels send instead: no {@code #acct|} part, extra or missing spaces, a {@code |}
   * with no {@code #}, the letters {@code E}/{@code R}/{@code P} for qualifiers 1/3/6.
   *
   * @param data the data block's content
   * @param strict whether to accept only the standard form
   * @return the message, or why the data is invalid
   */
  public static ParseResult<ContactIdMessage> parseDc09Data(String data, boolean strict) {
    if (data.length() > 64) {
      return ParseResult.invalid("Contact ID data longer than 64 characters");
    }
    String account = null;
    String rest = data;
    int bar = data.indexOf('|');
    if (bar >= 0) {
      String head = data.substring(0, bar);
      if (head.startsWith("#")) {
        head = head.substring(1);
      } else if (strict) {
        return ParseResult.invalid("account part must start with #");
      }
      if (!head.isEmpty()) {
        if (head.length() > 16 || !asciiAlphanumeric(head)) {
          return ParseResult.invalid("account must be 1 to 16 letters or digits");
        }
        account = head;
      }
      rest = data.substring(bar + 1);
    } else if (strict) {
      return ParseResult.invalid("no #account| part");
    }
    if (strict && !STRICT_BODY.matcher(rest).matches()) {
      return ParseResult.invalid("expected QEEE GG CCC");
    }
    String digits = rest.replace(" ", "");
    if (digits.length() != 9) {
      return ParseResult.invalid("expected 9 digits QEEEGGCCC, found " + digits.length() + " characters");
    }
    int q = qualifier(digits.charAt(0));
    if (q < 0) {
      return ParseResult.invalid("qualifier must be 1, 3 or 6");
    }
    for (int i = 1; i < 9; i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return ParseResult.invalid("event, group and zone must be decimal digits");
      }
    }
    return ParseResult.ok(
        new ContactIdMessage(
            account,
            q,
            Integer.parseInt(digits.substring(1, 4)),
            Integer.parseInt(digits.substring(4, 6)),
            Integer.parseInt(digits.substring(6, 9))));
  }

  /**
   * Parses the 16-digit DTMF message {@code AAAA MT Q EEE GG CCC S} and checks its checksum.
   * Account digits may be 0-9 and B-F; the message type is 18 (or 98).
   *
   * @param message the 16 characters (spaces ignored)
   * @return the message, or why it is invalid
   */
  public static ParseResult<ContactIdMessage> parseDtmf(String message) {
    String m = message.replace(" ", "").toUpperCase(Locale.ROOT);
    if (m.length() != 16) {
      return ParseResult.invalid("a Contact ID message has 16 digits, found " + m.length());
    }
    for (int i = 0; i < 16; i++) {
      if (digitValue(m.charAt(i)) < 0) {
        return ParseResult.invalid("invalid digit '" + m.charAt(i) + "'");
      }
    }
    if (!m.startsWith("18", 4) && !m.startsWith("98", 4)) {
      return ParseResult.invalid("message type must be 18 or 98");
    }
    int sum = 0;
    for (int i = 0; i < 16; i++) {
      sum += digitValue(m.charAt(i));
    }
    if (sum % 15 != 0) {
      return ParseResult.invalid("checksum does not match");
    }
    int q = qualifier(m.charAt(6));
    String rest = m.substring(7, 15);
    if (q < 0 || !rest.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return ParseResult.invalid("qualifier, event, group and zone must be decimal");
    }
    return ParseResult.ok(
        new ContactIdMessage(
            m.substring(0, 4),
            q,
            Integer.parseInt(m.substring(7, 10)),
            Integer.parseInt(m.substring(10, 12)),
            Integer.parseInt(m.substring(12, 15))));
  }

  /**
   * The 16-digit DTMF form, message type 18, with its checksum.
   *
   * @return the message
   * @throws IllegalArgumentException if the account is not 4 digits of 0-9, B-F
   */
  public String toDtmf() {
    String a = account == null ? "" : account.toUpperCase(Locale.ROOT);
    if (a.length() != 4 || !a.chars().allMatch(c -> digitValue((char) c) >= 0)) {
      throw new IllegalArgumentException("the DTMF form needs a 4-digit account (0-9, B-F)");
    }
    String body = String.format(Locale.ROOT, "%s18%d%03d%02d%03d", a, qualifier, event, group, zoneOrUser);
    return body + checksumDigit(body);
  }

  /**
   * The checksum digit of the first 15 digits: the sum of all 16 digit values (0 counting as 10,
   * B-F as 11-15) must be a multiple of 15, and the checksum is never 0 (it is F instead).
   *
   * @param first15 the first 15 digits
   * @return the checksum digit, 1-9 or B-F
   */
  public static char checksumDigit(String first15) {
    int sum = 0;
    for (int i = 0; i < first15.length(); i++) {
      int v = digitValue(first15.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException("invalid digit '" + first15.charAt(i) + "'");
      }
      sum += v;
    }
    int s = 15 - sum % 15;
    // s is 1..15; 10 is written 0, 11..15 as B..F
    return s == 10 ? '0' : s < 10 ? (char) ('0' + s) : (char) ('A' + s - 10);
  }

  private static int qualifier(char c) {
    switch (c) {
      case '1':
      case 'E':
        return 1;
      case '3':
      case 'R':
        return 3;
      case '6':
      case 'P':
        return 6;
      default:
        return -1;
    }
  }

  private static int digitValue(char c) {
    if (c == '0') {
      return 10;
    }
    if (c >= '1' && c <= '9') {
      return c - '0';
    }
    if (c >= 'B' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static final java.util.regex.Pattern STRICT_BODY =
      java.util.regex.Pattern.compile("[136]\\d{3} \\d{2} \\d{3}");

  private static boolean asciiAlphanumeric(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    return true;
  }
}
