package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.EventMapping;
import io.github.vpsdk.vp.onvif.internal.Faults;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.CreatePullPointSubscription;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.EventPortType;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.GetEventProperties;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.ObjectFactory;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.FilterType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The event service of one camera (reach it with {@link OnvifCamera#events()}): the topics it
 * announces, low-level PullPoint subscriptions, and {@link OnvifEventStream}s that keep a
 * subscription alive on their own.
 */
public final class OnvifEvents {
  /** The ONVIF topic namespace, bound to {@code tns1} in topic filters. */
  public static final String TOPICS_NS = "http://www.onvif.org/ver10/topics";

  /** The topic expression dialect ONVIF defines ({@code ConcreteSet}: {@code |}, {@code //.}). */
  public static final String CONCRETE_SET =
      "http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet";

  private static final String WSNT = "http://docs.oasis-open.org/wsn/b-2";

  private final OnvifCamera camera;

  OnvifEvents(OnvifCamera camera) {
    this.camera = camera;
  }

  /**
   * Lists the topics the camera announces (GetEventProperties).
   *
   * @return the topics in the camera's order
   */
  public CompletableFuture<List<EventTopic>> topics() {
    return camera.invoke(
        "GetEventProperties",
        () -> List.copyOf(EventMapping.topics(port().getEventProperties(new GetEventProperties()))));
  }

  /**
   * Reads the event service capabilities (GetServiceCapabilities).
   *
   * @return the capabilities
   */
  public CompletableFuture<EventCapabilities> capabilities() {
    return camera.invoke(
        "GetServiceCapabilities",
        () ->
            EventMapping.capabilities(
                port()
                    .getServiceCapabilities(
                        new io.github.vpsdk.vp.onvif.internal.wsdl.events.GetServiceCapabilities())
                    .getCapabilities()));
  }

  /**
   * Creates a PullPoint subscription (CreatePullPointSubscription).
   *
   * @param initialTermination how long the subscription lives unless pulled or renewed, sent as a
   *     relative duration (for example {@code PT60S})
   * @param topicFilter a {@code ConcreteSet} topic expression such as {@code
   *     tns1:RuleEngine//.|tns1:VideoSource//.}, or {@code null} for every topic; the prefixes
   *     {@code tns1}, {@code tnsaxis}, {@code tnshik} and {@code tnsn} are declared for it
   * @return the subscription
   */
  public CompletableFuture<PullPointSubscription> subscribe(
      Duration initialTermination, @Nullable String topicFilter) {
    Objects.requireNonNull(initialTermination, "initialTermination");
    if (initialTermination.isNegative() || initialTermination.isZero()) {
      throw new IllegalArgumentException("initialTermination must be positive");
    }
    return camera.invoke("CreatePullPointSubscription", () -> subscribeBlocking(initialTermination, topicFilter));
  }

  PullPointSubscription subscribeBlocking(Duration initialTermination, @Nullable String topicFilter) {
    CreatePullPointSubscription req = new CreatePullPointSubscription();
    req.setInitialTerminationTime(
        new ObjectFactory()
            .createCreatePullPointSubscriptionInitialTerminationTime(initialTermination.toString()));
    if (topicFilter != null && !topicFilter.isBlank()) {
      FilterType filter = new FilterType();
      filter.getAny().add(topicExpression(topicFilter.trim()));
      req.setFilter(filter);
    }
    var r =
        Faults.declared(
            "CreatePullPointSubscription", () -> port().createPullPointSubscription(req));
    EventMapping.Endpoint ep = EventMapping.endpoint(r.getSubscriptionReference(), "CreatePullPointSubscription");
    URI address = ep.address();
    if (camera.client().config().rewriteServiceAddresses()) {
      address = io.github.vpsdk.vp.onvif.internal.Mapping.rewrite(address, camera.deviceAddress());
    }
    return new PullPointSubscription(
        camera,
        address,
        ep.referenceParameters(),
        EventMapping.instant(r.getCurrentTime()),
        EventMapping.instant(r.getTerminationTime()));
  }

  /**
   * Creates a self-healing event stream: it subscribes, pulls in a loop, renews before the
   * subscription ends, and subscribes again when the camera loses the subscription (reboot,
   * {@code ResourceUnknown}). Call {@link OnvifEventStream#start()} to begin.
   *
   * @param config the stream settings
   * @param listener receives events and state changes, on the client's executor
   * @return the stream, not yet started
   */
  public OnvifEventStream stream(EventStreamConfig config, OnvifEventListener listener) {
    return new OnvifEventStream(this, camera, config, listener);
  }

  /** The {@code wsnt:TopicExpression} element with the usual prefixes declared. */
  static Element topicExpression(String expression) {
    Document doc;
    try {
      var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      doc = f.newDocumentBuilder().newDocument();
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    Element e = doc.createElementNS(WSNT, "wsnt:TopicExpression");
    e.setAttribute("Dialect", CONCRETE_SET);
    // the expression is text: its prefixes need declarations in scope (fpompermaier/onvif#8)
    String xmlns = "http://www.w3.org/2000/xmlns/";
    e.setAttributeNS(xmlns, "xmlns:tns1", TOPICS_NS);
    e.setAttributeNS(xmlns, "xmlns:tnsaxis", "http://www.axis.com/2009/event/topics");
    e.setAttributeNS(xmlns, "xmlns:tnshik", "http://www.hikvision.com/2011/event/topics");
    e.setAttributeNS(xmlns, "xmlns:tnsn", "http://www.eventextension.com/2011/event/topics");
    e.setTextContent(expression);
    return e;
  }

  private EventPortType port() {
    URI a = camera.serviceAddress(ServiceAddresses.EVENTS, "event");
    return camera.session().addressedProxy(EventPortType.class, a, List.of(), true);
  }
}
