package io.github.vpsdk.vp.core;

import io.github.vpsdk.vp.core.internal.json.CoreJson;

/**
 * The stable JSON form of alarm events, for consoles that store, forward or display them. The
 * format is documented in {@code docs/json.md}; fields are written in a fixed order and absent
 * values are left out, so an event has exactly one JSON text. Reading ignores unknown fields, so
 * a reader keeps working when a later vp adds one.
 */
public final class EventJson {
  private EventJson() {}

  /**
   * The JSON text of an event, on one line.
   *
   * @param event the event
   * @return compact JSON
   */
  public static String write(AlarmEvent event) {
    return CoreJson.write(CoreJson.toJson(event));
  }

  /**
   * Reads an event from its JSON text.
   *
   * @param json the JSON text
   * @return the event
   * @throws VpException with {@link VpException.Reason#MALFORMED} if the text is not a valid
   *     event
   */
  public static AlarmEvent read(String json) {
    return CoreJson.alarmEventFromJson(CoreJson.parse(json));
  }
}
