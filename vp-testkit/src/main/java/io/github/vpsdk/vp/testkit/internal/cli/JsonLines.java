package io.github.vpsdk.vp.testkit.internal.cli;

import java.io.PrintWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes values as JSON lines: one compact JSON document per line, for {@code jq} and scripts. */
public final class JsonLines {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonLines() {}

  /**
   * The JSON text of a value on one line (JSON escapes any line break inside strings).
   *
   * @param value a map, list, record, string, number or boolean
   * @return the JSON text, without a line terminator
   */
  public static String toLine(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  /**
   * Writes a value as one line of JSON and flushes.
   *
   * @param out where to write
   * @param value the value
   */
  public static void write(PrintWriter out, Object value) {
    out.print(toLine(value));
    out.print('\n');
    out.flush();
  }
}
