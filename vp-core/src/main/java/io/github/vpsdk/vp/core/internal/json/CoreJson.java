package io.github.vpsdk.vp.core.internal.json;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of the core model (documented in {@code docs/json.md}). Fields are written in a
 * fixed order and absent values are left out, so a value always has exactly one JSON text. Unknown
 * fields are ignored on reading (forward compatibility); missing or mistyped required fields are
 * {@link VpException.Reason#MALFORMED}.
 */
public final class CoreJson {

  /** Longest JSON document vp reads (1 MiB of text); larger input is malformed. */
  public static final int MAX_DOCUMENT_CHARS = 1 << 20;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(MAX_DOCUMENT_CHARS)
                          .maxDocumentLength(MAX_DOCUMENT_CHARS)
                          .build())
                  .build())
          .build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CoreJson() {}

  /**
   * The shared mapper, configured with vp's input limits.
   *
   * @return the mapper
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a JSON document into a tree.
   *
   * @param json the text
   * @return the tree
   * @throws VpException {@code MALFORMED} if it is not JSON or exceeds the limits
   */
  public static JsonNode parse(String json) {
    if (json.length() > MAX_DOCUMENT_CHARS) {
      throw malformed("JSON document longer than " + MAX_DOCUMENT_CHARS + " characters");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new VpException(VpException.Reason.MALFORMED, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a tree as compact JSON text.
   *
   * @param node the tree
   * @return the text
   */
  public static String write(JsonNode node) {
    return MAPPER.writeValueAsString(node);
  }

  // ---------------------------------------------------------------- alarm events

  /**
   * The JSON form of an alarm event.
   *
   * @param event the event
   * @return the JSON object
   */
  public static ObjectNode toJson(AlarmEvent event) {
    ObjectNode o = NODES.objectNode();
    if (event instanceof PanelEvent) {
      PanelEvent e = (PanelEvent) event;
      o.put("type", "panel");
      o.put("id", e.id());
      o.set("account", toJson(e.account()));
      o.set("code", toJson(e.code()));
      o.put("category", lower(e.category()));
      o.put("priority", lower(e.priority()));
      o.put("restore", e.restore());
      putIfNotNull(o, "partition", e.partition());
      putIfNotNull(o, "zone", e.zone());
      putIfNotNull(o, "user", e.user());
      if (e.occurredAt() != null) {
        o.put("occurredAt", e.occurredAt().toString());
      }
      o.put("receivedAt", e.receivedAt().toString());
      o.put("text", e.text());
      o.set("extended", extendedToJson(e.extended()));
      o.put("transport", e.transport());
    } else {
      SystemEvent e = (SystemEvent) event;
      o.put("type", "system");
      o.put("id", e.id());
      if (e.account() != null) {
        o.set("account", toJson(e.account()));
      }
      if (e.siteId() != null) {
        o.put("siteId", e.siteId());
      }
      o.put("source", e.source());
      o.set("code", toJson(e.code()));
      o.put("category", lower(e.category()));
      o.put("priority", lower(e.priority()));
      o.put("restore", e.restore());
      o.put("occurredAt", e.occurredAt().toString());
      o.put("text", e.text());
      o.set("extended", extendedToJson(e.extended()));
    }
    return o;
  }

  /**
   * Reads an alarm event from its JSON form.
   *
   * @param node the JSON object
   * @return the event
   * @throws VpException {@code MALFORMED} if the object is not a valid event
   */
  public static AlarmEvent alarmEventFromJson(JsonNode node) {
    requireObject(node, "event");
    String type = str(node, "type");
    try {
      if (type.equals("panel")) {
        return new PanelEvent(
            str(node, "id"),
            accountFromJson(field(node, "account")),
            codeFromJson(field(node, "code")),
            enumValue(EventCategory.class, str(node, "category")),
            enumValue(Priority.class, str(node, "priority")),
            bool(node, "restore"),
            optInt(node, "partition"),
            optInt(node, "zone"),
            optInt(node, "user"),
            optInstant(node, "occurredAt"),
            instant(node, "receivedAt"),
            optStr(node, "text", ""),
            extendedFromJson(node.get("extended")),
            optStr(node, "transport", ""));
      }
      if (type.equals("system")) {
        EventCode code = codeFromJson(field(node, "code"));
        if (!(code instanceof EventCode.Internal)) {
          throw malformed("a system event has an internal code");
        }
        JsonNode account = node.get("account");
        return new SystemEvent(
            str(node, "id"),
            account == null || account.isNull() ? null : accountFromJson(account),
            optStr(node, "siteId", null),
            str(node, "source"),
            (EventCode.Internal) code,
            enumValue(EventCategory.class, str(node, "category")),
            enumValue(Priority.class, str(node, "priority")),
            bool(node, "restore"),
            instant(node, "occurredAt"),
            optStr(node, "text", ""),
            extendedFromJson(node.get("extended")));
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      throw malformed("invalid event: " + e.getMessage());
    }
    throw malformed("unknown event type '" + type + "'");
  }

  /**
   * The JSON form of an account.
   *
   * @param account the account
   * @return the JSON object
   */
  public static ObjectNode toJson(AccountId account) {
    ObjectNode o = NODES.objectNode();
    if (account.receiver() != null) {
      o.put("receiver", account.receiver());
    }
    if (account.prefix() != null) {
      o.put("prefix", account.prefix());
    }
    o.put("account", account.account());
    return o;
  }

  /**
   * Reads an account.
   *
   * @param node the JSON object
   * @return the account
   */
  public static AccountId accountFromJson(JsonNode node) {
    requireObject(node, "account");
    try {
      return new AccountId(
          optStr(node, "receiver", null), optStr(node, "prefix", null), str(node, "account"));
    } catch (IllegalArgumentException e) {
      throw malformed("invalid account: " + e.getMessage());
    }
  }

  /**
   * The JSON form of an event code.
   *
   * @param code the code
   * @return the JSON object
   */
  public static ObjectNode toJson(EventCode code) {
    ObjectNode o = NODES.objectNode();
    if (code instanceof EventCode.Sia) {
      o.put("protocol", "sia");
      o.put("code", ((EventCode.Sia) code).code());
    } else if (code instanceof EventCode.ContactId) {
      EventCode.ContactId cid = (EventCode.ContactId) code;
      o.put("protocol", "contact-id");
      o.put("qualifier", cid.qualifier());
      o.put("event", cid.event());
    } else {
      o.put("protocol", "internal");
      o.put("name", ((EventCode.Internal) code).name());
    }
    return o;
  }

  /**
   * Reads an event code.
   *
   * @param node the JSON object
   * @return the code
   */
  public static EventCode codeFromJson(JsonNode node) {
    requireObject(node, "code");
    String protocol = str(node, "protocol");
    try {
      switch (protocol) {
        case "sia":
          return new EventCode.Sia(str(node, "code"));
        case "contact-id":
          return new EventCode.ContactId(integer(node, "qualifier"), integer(node, "event"));
        case "internal":
          return new EventCode.Internal(str(node, "name"));
        default:
          throw malformed("unknown code protocol '" + protocol + "'");
      }
    } catch (IllegalArgumentException e) {
      throw malformed("invalid code: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- journal records

  /**
   * The JSON form of a journal record.
   *
   * @param record the record
   * @return the JSON object
   */
  public static ObjectNode toJson(JournalRecord record) {
    ObjectNode o = NODES.objectNode();
    o.put("kind", record.kind());
    if (record.siteId() != null) {
      o.put("site", record.siteId());
    }
    if (record.incidentId() != null) {
      o.put("incident", record.incidentId());
    }
    if (record.actor() != null) {
      o.put("actor", record.actor());
    }
    o.put("text", record.text());
    if (!record.attributes().isEmpty()) {
      ObjectNode attributes = o.putObject("attributes");
      record.attributes().forEach(attributes::put);
    }
    if (record.event() != null) {
      o.set("event", toJson(record.event()));
    }
    return o;
  }

  /**
   * Reads a journal record.
   *
   * @param node the JSON object
   * @return the record
   */
  public static JournalRecord journalRecordFromJson(JsonNode node) {
    requireObject(node, "record");
    Map<String, String> attributes = new LinkedHashMap<>();
    JsonNode a = node.get("attributes");
    if (a != null && !a.isNull()) {
      requireObject(a, "attributes");
      for (Map.Entry<String, JsonNode> entry : a.properties()) {
        if (!entry.getValue().isString()) {
          throw malformed("attribute '" + entry.getKey() + "' is not a string");
        }
        attributes.put(entry.getKey(), entry.getValue().stringValue());
      }
    }
    JsonNode event = node.get("event");
    try {
      return new JournalRecord(
          str(node, "kind"),
          optStr(node, "site", null),
          optStr(node, "incident", null),
          optStr(node, "actor", null),
          optStr(node, "text", ""),
          attributes,
          event == null || event.isNull() ? null : alarmEventFromJson(event));
    } catch (IllegalArgumentException e) {
      throw malformed("invalid journal record: " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static ArrayNode extendedToJson(List<ExtendedField> fields) {
    ArrayNode array = NODES.arrayNode();
    for (ExtendedField f : fields) {
      ObjectNode item = array.addObject();
      item.put("tag", f.tag());
      item.put("value", f.value());
    }
    return array;
  }

  private static List<ExtendedField> extendedFromJson(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw malformed("'extended' is not an array");
    }
    List<ExtendedField> fields = new ArrayList<>();
    for (JsonNode item : node) {
      requireObject(item, "extended item");
      try {
        fields.add(new ExtendedField(str(item, "tag"), str(item, "value")));
      } catch (IllegalArgumentException e) {
        throw malformed("invalid extended field: " + e.getMessage());
      }
    }
    return fields;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw malformed("unknown " + type.getSimpleName() + " '" + text + "'");
    }
  }

  private static void putIfNotNull(ObjectNode o, String name, @Nullable Integer value) {
    if (value != null) {
      o.put(name, value.intValue());
    }
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw malformed("missing '" + name + "'");
    }
    return value;
  }

  private static void requireObject(JsonNode node, String what) {
    if (!node.isObject()) {
      throw malformed(what + " is not a JSON object");
    }
  }

  private static String str(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isString()) {
      throw malformed("'" + name + "' is not a string");
    }
    return value.stringValue();
  }

  private static @Nullable String optStr(JsonNode node, String name, @Nullable String fallback) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isString()) {
      throw malformed("'" + name + "' is not a string");
    }
    return value.stringValue();
  }

  private static boolean bool(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw malformed("'" + name + "' is not a boolean");
    }
    return value.booleanValue();
  }

  private static int integer(JsonNode node, String name) {
    JsonNode value = field(node, name);
    if (!value.isInt()) {
      throw malformed("'" + name + "' is not an integer");
    }
    return value.intValue();
  }

  private static @Nullable Integer optInt(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return integer(node, name);
  }

  private static Instant instant(JsonNode node, String name) {
    String text = str(node, name);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw malformed("'" + name + "' is not an ISO-8601 instant");
    }
  }

  private static @Nullable Instant optInstant(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : instant(node, name);
  }

  private static VpException malformed(String message) {
    return new VpException(VpException.Reason.MALFORMED, message);
  }
}
