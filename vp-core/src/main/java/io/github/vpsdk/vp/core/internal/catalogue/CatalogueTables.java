package io.github.vpsdk.vp.core.internal.catalogue;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.catalogue.AddressKind;
import io.github.vpsdk.vp.core.catalogue.ContactIdCodeInfo;
import io.github.vpsdk.vp.core.catalogue.SiaCodeInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalogue's tab-separated tables (format in {@code docs/catalogue.md}): lines starting
 * with {@code #} and blank lines are ignored; the first other line is a header naming the table
 * by its first column ({@code code} for SIA, {@code event} for Contact ID); every later line is a
 * row of exactly seven tab-separated fields, empty meaning absent.
 */
public final class CatalogueTables {
  /** Most rows one table may have: a guard against feeding a huge file by mistake. */
  public static final int MAX_ROWS = 10_000;

  static final String[] SIA_HEADER = {
    "code", "category", "restore", "address", "counterpart", "priority", "name"
  };
  static final String[] CID_HEADER = {
    "event", "category", "address", "sia_new", "sia_restore", "priority", "name"
  };

  /** The rows of one table: SIA or Contact ID, never both. */
  public static final class Table {
    public final List<SiaCodeInfo> sia = new ArrayList<>();
    public final List<ContactIdCodeInfo> contactId = new ArrayList<>();
  }

  private CatalogueTables() {}

  /**
   * Reads a table.
   *
   * @param in the UTF-8 text, not closed
   * @param source the name used in error messages
   * @return the rows
   * @throws VpException {@code MALFORMED} naming the source and line of the first bad row; {@code
   *     IO} if reading fails
   */
  public static Table read(InputStream in, String source) {
    Table table = new Table();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String[] header = null;
    int lineNumber = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (header == null) {
          header = fields;
          if (!java.util.Arrays.equals(header, SIA_HEADER)
              && !java.util.Arrays.equals(header, CID_HEADER)) {
            throw bad(source, lineNumber, "header must be '" + String.join("<TAB>", SIA_HEADER)
                + "' or '" + String.join("<TAB>", CID_HEADER) + "'");
          }
          continue;
        }
        if (table.sia.size() + table.contactId.size() >= MAX_ROWS) {
          throw bad(source, lineNumber, "more than " + MAX_ROWS + " rows");
        }
        if (fields.length != 7) {
          throw bad(source, lineNumber, "expected 7 tab-separated fields, found " + fields.length);
        }
        try {
          if (header[0].equals("code")) {
            table.sia.add(
                new SiaCodeInfo(
                    fields[0],
                    fields[6],
                    category(fields[1]),
                    bool(fields[2]),
                    address(fields[3]),
                    optional(fields[4]),
                    priority(fields[5])));
          } else {
            table.contactId.add(
                new ContactIdCodeInfo(
                    event(fields[0]),
                    fields[6],
                    category(fields[1]),
                    address(fields[2]),
                    optional(fields[3]),
                    optional(fields[4]),
                    priority(fields[5])));
          }
        } catch (IllegalArgumentException e) {
          throw bad(source, lineNumber, e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, source + ": " + e.getMessage(), e);
    }
    if (header == null) {
      throw bad(source, lineNumber, "no header line");
    }
    return table;
  }

  private static VpException bad(String source, int line, String message) {
    return new VpException(VpException.Reason.MALFORMED, source + " line " + line + ": " + message);
  }

  private static @Nullable String optional(String field) {
    return field.isBlank() ? null : field.trim();
  }

  private static EventCategory category(String field) {
    try {
      return EventCategory.valueOf(field.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown category '" + field + "'");
    }
  }

  private static AddressKind address(String field) {
    try {
      return AddressKind.valueOf(field.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown address kind '" + field + "'");
    }
  }

  private static @Nullable Priority priority(String field) {
    if (field.isBlank()) {
      return null;
    }
    try {
      return Priority.valueOf(field.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown priority '" + field + "'");
    }
  }

  private static boolean bool(String field) {
    switch (field.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("restore must be true or false, found '" + field + "'");
    }
  }

  private static int event(String field) {
    String f = field.trim();
    if (f.length() != 3 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("event must be three digits, found '" + field + "'");
    }
    return Integer.parseInt(f);
  }
}
