package io.github.vpsdk.vp.protocols.internal.dc09;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/** The DC-09 timestamp {@code _HH:MM:SS,MM-DD-YYYY}, always UTC. */
public final class Dc09Time {
  /** Length of the timestamp with its underscore. */
  public static final int LENGTH = 20;

  private Dc09Time() {}

  /**
   * Writes a timestamp, underscore included.
   *
   * @param instant the time
   * @return {@code _HH:MM:SS,MM-DD-YYYY}
   */
  public static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    char[] c = new char[LENGTH];
    c[0] = '_';
    two(c, 1, t.getHour());
    c[3] = ':';
    two(c, 4, t.getMinute());
    c[6] = ':';
    two(c, 7, t.getSecond());
    c[9] = ',';
    two(c, 10, t.getMonthValue());
    c[12] = '-';
    two(c, 13, t.getDayOfMonth());
    c[15] = '-';
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new io.github.vpsdk.vp.core.VpException(io.github.vpsdk.vp.core.VpException.Reason.INVALID_ARGUMENT,
          "a DC-09 timestamp holds the years 0000 to 9999, not " + year);
    }
    two(c, 16, year / 100);
    two(c, 18, year % 100);
    return new String(c);
  }

  private static void two(char[] c, int at, int value) {
    c[at] = (char) ('0' + value / 10);
    c[at + 1] = (char) ('0' + value % 10);
  }

  /**
   * Reads a timestamp.
   *
   * @param s the text, starting with the underscore
   * @return the time, or {@code null} if the text is not a valid timestamp
   */
  public static @Nullable Instant parse(CharSequence s) {
    if (s.length() != LENGTH || s.charAt(0) != '_' || s.charAt(3) != ':' || s.charAt(6) != ':'
        || s.charAt(9) != ',' || s.charAt(12) != '-' || s.charAt(15) != '-') {
      return null;
    }
    int hour = digits(s, 1, 2);
    int minute = digits(s, 4, 2);
    int second = digits(s, 7, 2);
    int month = digits(s, 10, 2);
    int day = digits(s, 13, 2);
    int year = digits(s, 16, 4);
    if (hour < 0 || minute < 0 || second < 0 || month < 0 || day < 0 || year < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int digits(CharSequence s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
