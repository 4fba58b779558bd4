package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.CameraEvent;
import io.github.vpsdk.vp.onvif.EventTopic;
import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetEventPropertiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ItemList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Message;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.NotificationMessageHolderType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.TopicExpressionType;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.wsaddressing.W3CEndpointReference;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.transform.dom.DOMResult;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Maps event-service bindings (WS-BaseNotification messages, topic sets, endpoint references) to
 * vp's model. Everything here faces what cameras send: absent parts are skipped, sizes are
 * bounded, nothing throws but {@link #endpoint} on a reference without an address.
 */
public final class EventMapping {
  /** Longest topic kept; longer ones are cut (a topic is a few path segments). */
  static final int MAX_TOPIC = 512;
  /** Most simple items kept per Source or Data list. */
  static final int MAX_ITEMS = 64;
  /** Longest item name or value kept. */
  static final int MAX_TEXT = 1024;
  /** Most topics read from one topic set, and the deepest nesting followed. */
  static final int MAX_TOPICS = 2048;

  static final int MAX_DEPTH = 16;
  static final String WSTOP = "http://docs.oasis-open.org/wsn/t-1";

  private EventMapping() {}

  /** A subscription endpoint: where to send and which reference parameters to echo. */
  public record Endpoint(URI address, List<Element> referenceParameters) {
    /**
     * Copies the list.
     *
     * @param address the address
     * @param referenceParameters the parameters
     */
    public Endpoint {
      referenceParameters = List.copyOf(referenceParameters);
    }
  }

  /**
   * Reads an endpoint reference.
   *
   * @param epr the reference, or {@code null}
   * @param operation the operation, for the error message
   * @return address and reference parameters
   * @throws OnvifException ({@code PROTOCOL}) without a usable address
   */
  public static Endpoint endpoint(@Nullable W3CEndpointReference epr, String operation) {
    if (epr == null) {
      throw new OnvifException(
          OnvifException.Kind.PROTOCOL, operation + ": no subscription reference", null, null);
    }
    Document doc = WsAddressing.newDocument();
    epr.writeTo(new DOMResult(doc));
    String address = null;
    List<Element> params = new ArrayList<>();
    Element root = doc.getDocumentElement();
    for (Element child : WsAddressing.children(root)) {
      if ("Address".equals(child.getLocalName())) {
        address = child.getTextContent();
      } else if ("ReferenceParameters".equals(child.getLocalName())) {
        for (Element p : WsAddressing.children(child)) {
          if (params.size() < MAX_ITEMS) {
            params.add(p);
          }
        }
      }
    }
    if (address == null || address.isBlank()) {
      throw new OnvifException(
          OnvifException.Kind.PROTOCOL, operation + ": subscription reference without address", null, null);
    }
    try {
      URI u = new URI(address.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        throw new java.net.URISyntaxException(address, "not an absolute http address");
      }
      return new Endpoint(u, params);
    } catch (java.net.URISyntaxException e) {
      throw new OnvifException(
          OnvifException.Kind.PROTOCOL, operation + ": malformed subscription address", null, e);
    }
  }

  /**
   * Maps the event service capabilities; {@code WSPullPointSupport} is an extension attribute in
   * the schema, read by local name.
   *
   * @param c the capabilities, or {@code null}
   * @return the model
   */
  public static io.github.vpsdk.vp.onvif.EventCapabilities capabilities(
      io.github.vpsdk.vp.onvif.internal.wsdl.events.@Nullable Capabilities c) {
    if (c == null) {
      return new io.github.vpsdk.vp.onvif.EventCapabilities(null, null, null, null, null);
    }
    Boolean pullPoint = null;
    for (Map.Entry<javax.xml.namespace.QName, String> a : c.getOtherAttributes().entrySet()) {
      if ("WSPullPointSupport".equals(a.getKey().getLocalPart()) && a.getValue() != null) {
        String v = a.getValue().trim();
        pullPoint = v.equalsIgnoreCase("true") || v.equals("1");
      }
    }
    return new io.github.vpsdk.vp.onvif.EventCapabilities(
        pullPoint,
        c.isWSSubscriptionPolicySupport(),
        c.getMaxPullPoints(),
        c.getMaxNotificationProducers(),
        c.isPersistentNotificationStorage());
  }

  /**
   * Maps the notifications of a PullMessages answer, skipping those without a topic.
   *
   * @param messages the notification holders
   * @return the events
   */
  public static List<CameraEvent> events(List<NotificationMessageHolderType> messages) {
    List<CameraEvent> out = new ArrayList<>(messages.size());
    for (NotificationMessageHolderType m : messages) {
      CameraEvent e = event(m);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Maps one notification.
   *
   * @param m the notification holder
   * @return the event, or {@code null} without a topic
   */
  public static @Nullable CameraEvent event(@Nullable NotificationMessageHolderType m) {
    if (m == null) {
      return null;
    }
    String topic = topic(m.getTopic());
    if (topic.isEmpty()) {
      return null;
    }
    Object body = m.getMessage() == null ? null : m.getMessage().getAny();
    if (body instanceof JAXBElement) {
      body = ((JAXBElement<?>) body).getValue();
    }
    if (body instanceof Message) {
      Message msg = (Message) body;
      return new CameraEvent(
          topic,
          operation(msg.getPropertyOperation() == null ? null : msg.getPropertyOperation().value()),
          instant(msg.getUtcTime()),
          items(msg.getSource()),
          items(msg.getData()));
    }
    if (body instanceof Element) {
      return fromDom(topic, (Element) body);
    }
    return new CameraEvent(topic, CameraEvent.Operation.NONE, null, Map.of(), Map.of());
  }

  static CameraEvent fromDom(String topic, Element message) {
    Map<String, String> source = Map.of();
    Map<String, String> data = Map.of();
    for (Element c : WsAddressing.children(message)) {
      if ("Source".equals(c.getLocalName())) {
        source = domItems(c);
      } else if ("Data".equals(c.getLocalName())) {
        data = domItems(c);
      }
    }
    Instant t = null;
    String utc = message.getAttribute("UtcTime");
    if (!utc.isEmpty()) {
      t = parseInstant(utc);
    }
    String op = message.getAttribute("PropertyOperation");
    return new CameraEvent(topic, operation(op.isEmpty() ? null : op), t, source, data);
  }

  private static Map<String, String> domItems(Element list) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Element c : WsAddressing.children(list)) {
      if ("SimpleItem".equals(c.getLocalName()) && out.size() < MAX_ITEMS) {
        String name = c.getAttribute("Name");
        if (!name.isEmpty()) {
          out.putIfAbsent(cut(name), cut(c.getAttribute("Value")));
        }
      }
    }
    return out;
  }

  private static Map<String, String> items(@Nullable ItemList list) {
    Map<String, String> out = new LinkedHashMap<>();
    if (list == null) {
      return out;
    }
    for (ItemList.SimpleItem i : list.getSimpleItem()) {
      if (out.size() >= MAX_ITEMS) {
        break;
      }
      if (i.getName() != null && !i.getName().isBlank()) {
        out.putIfAbsent(cut(i.getName().trim()), i.getValue() == null ? "" : cut(i.getValue().trim()));
      }
    }
    return out;
  }

  private static String topic(@Nullable TopicExpressionType t) {
    if (t == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Object o : t.getContent()) {
      if (o instanceof String) {
        b.append((String) o);
      }
      if (b.length() > MAX_TOPIC) {
        break;
      }
    }
    String s = b.toString().trim();
    return s.length() > MAX_TOPIC ? s.substring(0, MAX_TOPIC) : s;
  }

  static CameraEvent.Operation operation(@Nullable String op) {
    if (op == null) {
      return CameraEvent.Operation.NONE;
    }
    switch (op.trim().toLowerCase(Locale.ROOT)) {
      case "initialized":
        return CameraEvent.Operation.INITIALIZED;
      case "changed":
        return CameraEvent.Operation.CHANGED;
      case "deleted":
        return CameraEvent.Operation.DELETED;
      default:
        return CameraEvent.Operation.NONE;
    }
  }

  /**
   * Converts an XML date-time to an instant (no zone: taken as UTC).
   *
   * @param c the value or {@code null}
   * @return the instant, or {@code null} if absent or out of range
   */
  public static @Nullable Instant instant(@Nullable XMLGregorianCalendar c) {
    if (c == null) {
      return null;
    }
    try {
      if (c.getTimezone() == javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED) {
        c = (XMLGregorianCalendar) c.clone();
        c.setTimezone(0);
      }
      return c.toGregorianCalendar().toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static @Nullable Instant parseInstant(String text) {
    try {
      return java.time.OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(text.trim()).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String cut(String s) {
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  /**
   * Lists the topics of a GetEventProperties answer: every element marked {@code
   * wstop:topic="true"} that describes messages, as a path of element names.
   *
   * @param r the answer
   * @return the topics in document order
   */
  public static List<EventTopic> topics(GetEventPropertiesResponse r) {
    return r.getTopicSet() == null ? new ArrayList<>() : topics(r.getTopicSet().getAny());
  }

  /**
   * Lists the topics under the children of a {@code wstop:TopicSet}.
   *
   * @param topicSet the children (DOM elements; anything else is skipped)
   * @return the topics in document order
   */
  static List<EventTopic> topics(List<?> topicSet) {
    List<EventTopic> out = new ArrayList<>();
    for (Object o : topicSet) {
      if (o instanceof Element) {
        walk((Element) o, "", 0, out);
      }
    }
    return out;
  }

  private static void walk(Element e, String parent, int depth, List<EventTopic> out) {
    if (depth > MAX_DEPTH || out.size() >= MAX_TOPICS) {
      return;
    }
    String local = e.getLocalName();
    if (local == null || "MessageDescription".equals(local)) {
      return;
    }
    String seg = e.getPrefix() != null && !e.getPrefix().isEmpty() ? e.getPrefix() + ":" + local : local;
    String path = parent.isEmpty() ? seg : parent + "/" + seg;
    Element description = null;
    for (Element c : WsAddressing.children(e)) {
      if ("MessageDescription".equals(c.getLocalName())) {
        description = c;
      }
    }
    boolean topic = "true".equalsIgnoreCase(e.getAttributeNS(WSTOP, "topic").trim());
    if (description != null || (topic && WsAddressing.children(e).isEmpty())) {
      List<String> source = new ArrayList<>();
      List<String> data = new ArrayList<>();
      boolean property = false;
      if (description != null) {
        property = "true".equalsIgnoreCase(description.getAttribute("IsProperty").trim());
        for (Element part : WsAddressing.children(description)) {
          List<String> target =
              "Source".equals(part.getLocalName())
                  ? source
                  : "Data".equals(part.getLocalName()) ? data : null;
          if (target == null) {
            continue;
          }
          for (Element item : WsAddressing.children(part)) {
            String name = item.getAttribute("Name");
            if ("SimpleItemDescription".equals(item.getLocalName())
                && !name.isEmpty()
                && target.size() < MAX_ITEMS) {
              target.add(cut(name));
            }
          }
        }
      }
      out.add(new EventTopic(cut(path), property, source, data));
    }
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        walk((Element) n, path, depth + 1, out);
      }
    }
  }
}
