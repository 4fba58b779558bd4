package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.events.Capabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscription;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscriptionResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetEventProperties;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetEventPropertiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetServiceCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetServiceCapabilitiesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessagesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPoint;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPointResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ItemList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Message;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PropertyOperation;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.FilterType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.NotificationMessageHolderType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Renew;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.RenewResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.TopicExpressionType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Unsubscribe;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.UnsubscribeResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.t1.TopicSetType;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.wsaddressing.W3CEndpointReferenceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The event service (ver10 events): GetServiceCapabilities, GetEventProperties and
 * CreatePullPointSubscription on the service address, and PullMessages, SetSynchronizationPoint,
 * Renew and Unsubscribe on each subscription's address {@code /onvif/subscription?Idx=N}. The
 * subscription is named by the query of its address, not by reference parameters.
 */
final class EventService {
  static final String NS_EVENTS = "http://www.onvif.org/ver10/events/wsdl";
  static final String TOPICS = "http://www.onvif.org/ver10/topics";
  static final String CONCRETE_SET = "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet";
  static final String WSTOP = "http://docs.oasis-open.org/wsn/t-1";
  static final String TT = "http://www.onvif.org/ver10/schema";
  static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";
  static final String WSRF_RW = "http://docs.oasis-open.org/wsrf/rw-2";
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  private final CameraState state;

  EventService(CameraState state) {
    this.state = state;
  }

  Handlers service() {
    return new Handlers(state)
        .on("getServiceCapabilities", GetServiceCapabilities.class, r -> capabilities())
        .on("getEventProperties", GetEventProperties.class, r -> properties())
        .on("createPullPointSubscription", CreatePullPointSubscription.class, this::create);
  }

  Handlers subscription() {
    return new Handlers(state)
        .on("pullMessages", PullMessages.class, this::pull)
        .on("setSynchronizationPoint", SetSynchronizationPoint.class, this::synchronize)
        .on("renew", Renew.class, this::renew)
        .on("unsubscribe", Unsubscribe.class, this::unsubscribe);
  }

  static Capabilities eventCapabilities() {
    Capabilities c = new Capabilities();
    c.setWSSubscriptionPolicySupport(false);
    c.setWSPausableSubscriptionManagerInterfaceSupport(false);
    c.setMaxNotificationProducers(0);
    c.setMaxPullPoints(EventBroker.MAX_SUBSCRIPTIONS);
    c.setPersistentNotificationStorage(false);
    c.getOtherAttributes().put(new QName("WSPullPointSupport"), "true");
    return c;
  }

  private GetServiceCapabilitiesResponse capabilities() {
    GetServiceCapabilitiesResponse r = new GetServiceCapabilitiesResponse();
    r.setCapabilities(eventCapabilities());
    return r;
  }

  private GetEventPropertiesResponse properties() {
    GetEventPropertiesResponse r = new GetEventPropertiesResponse();
    r.getTopicNamespaceLocation().add("http://www.onvif.org/onvif/ver10/topics/topicns.xml");
    r.setFixedTopicSet(true);
    TopicSetType set = new TopicSetType();
    Document doc = newDocument();
    Map<String, Element> roots = new HashMap<>();
    for (EventBroker.Emission e : EventBroker.allEmissions()) {
      String[] segs = e.topic().split("/");
      String rootName = segs[0].substring(segs[0].indexOf(':') + 1);
      Element node = roots.get(rootName);
      if (node == null) {
        node = doc.createElementNS(TOPICS, "tns1:" + rootName);
        roots.put(rootName, node);
        set.getAny().add(node);
      }
      for (int i = 1; i < segs.length; i++) {
        Element child = null;
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (n instanceof Element && segs[i].equals(n.getLocalName())) {
            child = (Element) n;
          }
        }
        if (child == null) {
          child = doc.createElementNS(null, segs[i]);
          node.appendChild(child);
        }
        node = child;
      }
      node.setAttributeNS(WSTOP, "wstop:topic", "true");
      node.appendChild(description(doc, e));
    }
    r.setTopicSet(set);
    r.getTopicExpressionDialect().add(CONCRETE_SET);
    r.getTopicExpressionDialect().add("http://docs.oasis-open.org/wsn/t-1/TopicExpression/Concrete");
    r.getMessageContentFilterDialect().add("http://www.onvif.org/ver10/tev/messageContentFilter/ItemFilter");
    r.getMessageContentSchemaLocation().add("http://www.onvif.org/onvif/ver10/schema/onvif.xsd");
    return r;
  }

  private static Element description(Document doc, EventBroker.Emission e) {
    Element d = doc.createElementNS(TT, "tt:MessageDescription");
    d.setAttribute("IsProperty", Boolean.toString(e.property()));
    Element source = doc.createElementNS(TT, "tt:Source");
    for (String name : e.source().keySet()) {
      Element item = doc.createElementNS(TT, "tt:SimpleItemDescription");
      item.setAttribute("Name", name);
      item.setAttribute("Type", "tt:ReferenceToken");
      source.appendChild(item);
    }
    d.appendChild(source);
    Element data = doc.createElementNS(TT, "tt:Data");
    Element item = doc.createElementNS(TT, "tt:SimpleItemDescription");
    item.setAttribute("Name", e.dataItem());
    item.setAttribute("Type", e.dataType());
    data.appendChild(item);
    d.appendChild(data);
    return d;
  }

  private CreatePullPointSubscriptionResponse create(CreatePullPointSubscription req) {
    Instant now = state.cameraNow();
    Duration life = DEFAULT_LIFETIME;
    if (req != null && req.getInitialTerminationTime() != null && req.getInitialTerminationTime().getValue() != null) {
      life = lifetime(req.getInitialTerminationTime().getValue(), now, "UnacceptableInitialTerminationTimeFault");
    }
    TopicFilter filter = req == null ? null : filter(req.getFilter());
    var created = state.events().subscribe(life, filter);
    if (created.isEmpty()) {
      SoapFault f =
          new SoapFault("Too many subscriptions", Soap12.getInstance().getReceiver());
      f.addSubCode(new QName(WSNT, "SubscribeCreationFailedFault"));
      throw f;
    }
    CreatePullPointSubscriptionResponse r = new CreatePullPointSubscriptionResponse();
    r.setSubscriptionReference(
        new W3CEndpointReferenceBuilder()
            .address(state.url(CameraServer.SUBSCRIPTION_PATH + "?Idx=" + created.get().getKey()))
            .build());
    r.setCurrentTime(Xml.calendar(now));
    r.setTerminationTime(Xml.calendar(created.get().getValue()));
    return r;
  }

  private static @Nullable TopicFilter filter(@Nullable FilterType f) {
    if (f == null) {
      return null;
    }
    StringBuilder expr = new StringBuilder();
    for (Object o : f.getAny()) {
      String text = null;
      if (o instanceof JAXBElement && ((JAXBElement<?>) o).getValue() instanceof TopicExpressionType) {
        StringBuilder b = new StringBuilder();
        for (Object c : ((TopicExpressionType) ((JAXBElement<?>) o).getValue()).getContent()) {
          if (c instanceof String) {
            b.append((String) c);
          }
        }
        text = b.toString();
      } else if (o instanceof Element && "TopicExpression".equals(((Element) o).getLocalName())) {
        text = ((Element) o).getTextContent();
      }
      if (text != null && !text.isBlank()) {
        expr.append(expr.length() == 0 ? "" : "|").append(text.trim());
      }
    }
    if (expr.length() == 0) {
      return null; // a message-content filter alone: ignored, every topic passes
    }
    try {
      return TopicFilter.parse(expr.toString());
    } catch (IllegalArgumentException e) {
      SoapFault fault = new SoapFault("Invalid topic expression", Soap12.getInstance().getSender());
      fault.addSubCode(new QName(WSNT, "InvalidTopicExpressionFault"));
      throw fault;
    }
  }

  /** A relative (xs:duration) or absolute (xs:dateTime) termination time as a lifetime from now. */
  static Duration lifetime(String text, Instant now, String faultName) {
    String t = text.trim();
    Duration d;
    try {
      if (t.startsWith("P") || t.startsWith("-P")) {
        d = Xml.duration(javax.xml.datatype.DatatypeFactory.newInstance().newDuration(t));
      } else {
        boolean zoned = t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$");
        d = Duration.between(now, OffsetDateTime.parse(zoned ? t : t + "Z").toInstant());
      }
    } catch (IllegalArgumentException
        | java.time.DateTimeException
        | javax.xml.datatype.DatatypeConfigurationException
        | ArithmeticException e) {
      d = null;
    }
    if (d == null || d.isNegative() || d.isZero()) {
      SoapFault f = new SoapFault("Unacceptable termination time", Soap12.getInstance().getSender());
      f.addSubCode(new QName(WSNT, faultName));
      throw f;
    }
    return d;
  }

  private PullMessagesResponse pull(PullMessages req) {
    String id = subscriptionId();
    Duration timeout = Duration.ofSeconds(1);
    int limit = 1;
    if (req != null) {
      if (req.getTimeout() != null) {
        try {
          timeout = Xml.duration(req.getTimeout());
        } catch (ArithmeticException | java.time.DateTimeException e) {
          timeout = EventBroker.MAX_HOLD;
        }
      }
      limit = Math.max(1, Math.min(req.getMessageLimit(), EventBroker.MAX_QUEUE));
    }
    if (timeout.isNegative()) {
      timeout = Duration.ZERO;
    }
    EventBroker.Pulled p = state.events().pull(id, timeout, limit).orElseThrow(EventService::unknown);
    PullMessagesResponse r = new PullMessagesResponse();
    r.setCurrentTime(Xml.calendar(p.now()));
    r.setTerminationTime(Xml.calendar(p.termination()));
    for (EventBroker.Note n : p.notes()) {
      r.getNotificationMessage().add(notification(n));
    }
    return r;
  }

  private SetSynchronizationPointResponse synchronize(SetSynchronizationPoint req) {
    if (!state.events().synchronize(subscriptionId())) {
      throw unknown();
    }
    return new SetSynchronizationPointResponse();
  }

  private RenewResponse renew(Renew req) {
    Instant now = state.cameraNow();
    Duration life =
        req == null || req.getTerminationTime() == null
            ? DEFAULT_LIFETIME
            : lifetime(req.getTerminationTime(), now, "UnacceptableTerminationTimeFault");
    Instant end = state.events().renew(subscriptionId(), life).orElseThrow(EventService::unknown);
    RenewResponse r = new RenewResponse();
    r.setCurrentTime(Xml.calendar(now));
    r.setTerminationTime(Xml.calendar(end));
    return r;
  }

  private UnsubscribeResponse unsubscribe(Unsubscribe req) {
    if (!state.events().unsubscribe(subscriptionId())) {
      throw unknown();
    }
    return new UnsubscribeResponse();
  }

  static NotificationMessageHolderType notification(EventBroker.Note n) {
    NotificationMessageHolderType h = new NotificationMessageHolderType();
    TopicExpressionType t = new TopicExpressionType();
    t.setDialect(CONCRETE_SET);
    t.getContent().add(n.topic());
    h.setTopic(t);
    Message m = new Message();
    m.setUtcTime(Xml.calendar(n.at()));
    if (n.operation() != null) {
      m.setPropertyOperation(PropertyOperation.fromValue(n.operation()));
    }
    m.setSource(items(n.source()));
    m.setData(items(n.data()));
    NotificationMessageHolderType.Message holder = new NotificationMessageHolderType.Message();
    holder.setAny(m);
    h.setMessage(holder);
    return h;
  }

  private static ItemList items(Map<String, String> values) {
    ItemList l = new ItemList();
    for (Map.Entry<String, String> e : values.entrySet()) {
      ItemList.SimpleItem i = new ItemList.SimpleItem();
      i.setName(e.getKey());
      i.setValue(e.getValue());
      l.getSimpleItem().add(i);
    }
    return l;
  }

  /** The subscription named by the {@code Idx} query parameter of the request address. */
  private static String subscriptionId() {
    org.apache.cxf.message.Message m = PhaseInterceptorChain.getCurrentMessage();
    Object q = m == null ? null : m.get(org.apache.cxf.message.Message.QUERY_STRING);
    if (q instanceof String) {
      for (String kv : ((String) q).split("&")) {
        if (kv.startsWith("Idx=") && kv.length() <= 24) {
          return kv.substring(4);
        }
      }
    }
    throw unknown();
  }

  private static SoapFault unknown() {
    SoapFault f = new SoapFault("Unknown or ended subscription", Soap12.getInstance().getSender());
    f.addSubCode(new QName(WSRF_RW, "ResourceUnknownFault"));
    return f;
  }

  private static Document newDocument() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
