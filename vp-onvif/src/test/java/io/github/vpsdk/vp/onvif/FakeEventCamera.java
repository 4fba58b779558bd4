package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServicesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Service;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscription;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscriptionResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessagesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.ItemList;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.Message;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.PropertyOperation;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.NotificationMessageHolderType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.RenewResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.TopicExpressionType;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.UnsubscribeResponse;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.wsaddressing.W3CEndpointReferenceBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * A {@link FakeCamera} with an event service that behaves like an Axis camera: subscriptions are
 * told apart by an {@code aev:SubscriptionId} reference parameter (same address for all), requests
 * without it are refused, subscriptions end at their termination time unless renewed (pulls do not
 * extend them unless {@link #extendOnPull}), and {@link #reboot()} forgets them all.
 */
final class FakeEventCamera implements AutoCloseable {
  static final String AXIS_EVENT = "http://www.axis.com/2009/event";
  static final String WSA = "http://www.w3.org/2005/08/addressing";

  final FakeCamera cam;
  final Map<String, Instant> subscriptions = new ConcurrentHashMap<>();
  final BlockingQueue<NotificationMessageHolderType> pending = new LinkedBlockingQueue<>();
  final AtomicInteger nextId = new AtomicInteger(1);
  final List<String> subscriptionLog = new CopyOnWriteArrayList<>();
  final List<Object> createRequests = new CopyOnWriteArrayList<>();
  volatile boolean extendOnPull;
  /** Whether pulls wait (up to their timeout, at most 2 s) for a message, as real cameras do. */
  volatile boolean holdPulls;
  volatile boolean refuseCreate;
  volatile boolean useReferenceParameters = true;

  FakeEventCamera(Clock clock) {
    cam = new FakeCamera("operator", "pw", clock);
    cam.handlers.put("Device.getSystemDateAndTime", r -> OnvifClientTest.time(cam.clock.instant()));
    cam.handlers.put(
        "Device.getServices",
        r -> {
          var out = new GetServicesResponse();
          for (String[] s :
              new String[][] {
                {ServiceAddresses.DEVICE, "/onvif/device_service"},
                {ServiceAddresses.MEDIA, "/onvif/media"},
                {ServiceAddresses.EVENTS, "/onvif/events"},
                {ServiceAddresses.IMAGING, "/onvif/imaging"},
                {ServiceAddresses.RECORDING, "/onvif/recording"},
                {ServiceAddresses.SEARCH, "/onvif/search"},
                {ServiceAddresses.REPLAY, "/onvif/replay"},
                {ServiceAddresses.DEVICE_IO, "/onvif/deviceio"}
              }) {
            Service svc = new Service();
            svc.setNamespace(s[0]);
            svc.setXAddr("http://" + cam.announcedHost + s[1]);
            out.getService().add(svc);
          }
          return out;
        });
    cam.handlers.put("EventPortType.createPullPointSubscription", this::create);
    cam.handlers.put(
        "FakeSubscriptionPort.pullMessages",
        r -> pull((io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages) r));
    cam.handlers.put("FakeSubscriptionPort.renew", r -> renew((io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Renew) r));
    cam.handlers.put("FakeSubscriptionPort.unsubscribe", r -> unsubscribe());
  }

  FakeEventCamera start() {
    cam.start();
    return this;
  }

  /** Forgets every subscription, as a camera does when it restarts. */
  void reboot() {
    subscriptions.clear();
  }

  void queue(String topic, PropertyOperation op, Map<String, String> source, Map<String, String> data) {
    pending.add(notification(topic, op, cam.clock.instant(), source, data));
  }

  private Object create(Object request) {
    createRequests.add(request);
    if (refuseCreate) {
      throw FakeCamera.fault("ResourceUnknown", "cannot create subscriptions now");
    }
    CreatePullPointSubscription req = (CreatePullPointSubscription) request;
    Duration life = Duration.parse(req.getInitialTerminationTime().getValue());
    String id = Integer.toString(nextId.getAndIncrement());
    Instant now = cam.clock.instant();
    subscriptions.put(id, now.plus(life));
    subscriptionLog.add("create " + id);
    W3CEndpointReferenceBuilder b =
        new W3CEndpointReferenceBuilder()
            .address("http://" + cam.announcedHost + "/onvif/subscription");
    if (useReferenceParameters) {
      b.referenceParameter(subscriptionId(id));
    }
    CreatePullPointSubscriptionResponse out = new CreatePullPointSubscriptionResponse();
    out.setSubscriptionReference(b.build());
    out.setCurrentTime(xml(now));
    out.setTerminationTime(xml(now.plus(life)));
    return out;
  }

  /** Which subscription a request is for, from the echoed reference parameter. */
  private String current(String op) {
    if (!useReferenceParameters) {
      return subscriptions.keySet().stream().findFirst().orElseThrow(() -> unknown());
    }
    for (Element h : cam.currentHeaders.get()) {
      if (AXIS_EVENT.equals(h.getNamespaceURI())
          && "SubscriptionId".equals(h.getLocalName())
          && "true".equals(h.getAttributeNS(WSA, "IsReferenceParameter"))) {
        String id = h.getTextContent().trim();
        Instant end = subscriptions.get(id);
        if (end == null || !cam.clock.instant().isBefore(end)) {
          subscriptions.remove(id);
          throw unknown();
        }
        return id;
      }
    }
    // Axis: a request without the reference parameter does not reach any subscription
    throw FakeCamera.fault("InvalidArgs", "no subscription id");
  }

  private static RuntimeException unknown() {
    org.apache.cxf.binding.soap.SoapFault f =
        new org.apache.cxf.binding.soap.SoapFault(
            "unknown subscription",
            org.apache.cxf.binding.soap.Soap12.getInstance().getReceiver());
    f.addSubCode(new javax.xml.namespace.QName("http://docs.oasis-open.org/wsrf/rw-2", "ResourceUnknownFault"));
    return f;
  }

  private Object pull(io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages req) {
    String id = current("PullMessages");
    NotificationMessageHolderType first = null;
    if (holdPulls) {
      // a real camera holds the request until a message comes or the timeout passes
      long ms = Math.min(2000, req.getTimeout().getTimeInMillis(new java.util.Date(0)));
      try {
        first = pending.poll(ms, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Instant now = cam.clock.instant();
    if (extendOnPull) {
      subscriptions.put(id, now.plus(Duration.ofSeconds(60)));
    }
    subscriptionLog.add("pull " + id);
    PullMessagesResponse out = new PullMessagesResponse();
    out.setCurrentTime(xml(now));
    out.setTerminationTime(xml(subscriptions.getOrDefault(id, now)));
    if (first != null) {
      out.getNotificationMessage().add(first);
    }
    NotificationMessageHolderType n;
    while (out.getNotificationMessage().size() < req.getMessageLimit() && (n = pending.poll()) != null) {
      out.getNotificationMessage().add(n);
    }
    return out;
  }

  private Object renew(io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Renew req) {
    String id = current("Renew");
    Instant now = cam.clock.instant();
    Instant end = now.plus(Duration.parse(req.getTerminationTime()));
    subscriptions.put(id, end);
    subscriptionLog.add("renew " + id + " " + req.getTerminationTime());
    RenewResponse out = new RenewResponse();
    out.setCurrentTime(xml(now));
    out.setTerminationTime(xml(end));
    return out;
  }

  private Object unsubscribe() {
    String id = current("Unsubscribe");
    subscriptions.remove(id);
    subscriptionLog.add("unsubscribe " + id);
    return new UnsubscribeResponse();
  }

  static Element subscriptionId(String id) {
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      var doc = f.newDocumentBuilder().newDocument();
      Element e = doc.createElementNS(AXIS_EVENT, "dom0:SubscriptionId");
      e.setTextContent(id);
      return e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static NotificationMessageHolderType notification(
      String topic, PropertyOperation op, Instant at, Map<String, String> source, Map<String, String> data) {
    NotificationMessageHolderType n = new NotificationMessageHolderType();
    TopicExpressionType t = new TopicExpressionType();
    t.setDialect("http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet");
    t.getContent().add(topic);
    n.setTopic(t);
    Message m = new Message();
    m.setUtcTime(xml(at));
    m.setPropertyOperation(op);
    m.setSource(items(source));
    m.setData(items(data));
    NotificationMessageHolderType.Message holder = new NotificationMessageHolderType.Message();
    holder.setAny(m);
    n.setMessage(holder);
    return n;
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

  static XMLGregorianCalendar xml(Instant t) {
    try {
      GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      c.setTimeInMillis(t.toEpochMilli());
      return DatatypeFactory.newInstance().newXMLGregorianCalendar(c);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String unwrap(Object o) {
    return o instanceof JAXBElement ? String.valueOf(((JAXBElement<?>) o).getValue()) : String.valueOf(o);
  }

  @Override
  public void close() {
    cam.close();
  }
}
