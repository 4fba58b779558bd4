package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.EventMapping;
import io.github.vpsdk.vp.onvif.internal.Faults;
import io.github.vpsdk.vp.onvif.internal.SoapSession;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Renew;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Unsubscribe;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.bw2.SubscriptionManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * One PullPoint subscription on a camera, made by {@link OnvifEvents#subscribe}. Every request to
 * it carries {@code wsa:Action}, {@code wsa:MessageID} and {@code wsa:To}, and echoes the
 * reference parameters of the subscription reference as SOAP headers marked {@code
 * wsa:IsReferenceParameter} (Axis refuses requests without them). Thread-safe; pulls should not
 * overlap (cameras answer one PullMessages per subscription at a time).
 *
 * <p>For a subscription that renews and re-creates itself, use {@link OnvifEventStream}.
 */
public final class PullPointSubscription {
  /** Slack added to the HTTP and future timeouts of a pull over the pull timeout. */
  static final Duration PULL_SLACK = Duration.ofSeconds(5);

  private final OnvifCamera camera;
  private final URI address;
  private final List<Element> referenceParameters;
  private final Map<String, String> referenceView;
  private final @Nullable Instant createdAt;
  private volatile @Nullable Instant terminationTime;
  private volatile io.github.vpsdk.vp.onvif.internal.wsdl.events.@Nullable PullPointSubscription pullPort;
  private volatile @Nullable SubscriptionManager managerPort;

  PullPointSubscription(
      OnvifCamera camera,
      URI address,
      List<Element> referenceParameters,
      @Nullable Instant createdAt,
      @Nullable Instant terminationTime) {
    this.camera = camera;
    this.address = address;
    this.referenceParameters = List.copyOf(referenceParameters);
    Map<String, String> view = new LinkedHashMap<>();
    for (Element e : referenceParameters) {
      String ns = e.getNamespaceURI();
      view.put((ns == null ? "" : "{" + ns + "}") + e.getLocalName(), e.getTextContent().trim());
    }
    this.referenceView = java.util.Collections.unmodifiableMap(view);
    this.createdAt = createdAt;
    this.terminationTime = terminationTime;
  }

  /**
   * The subscription manager address (rewritten to the given host when rewriting is on).
   *
   * @return the address
   */
  public URI address() {
    return address;
  }

  /**
   * The reference parameters vp echoes on every request, as {@code {namespace}name} to text.
   *
   * @return the parameters, empty for most cameras
   */
  public Map<String, String> referenceParameters() {
    return referenceView;
  }

  /**
   * The camera's time when it created the subscription.
   *
   * @return the time, or {@code null} if the camera did not say
   */
  public @Nullable Instant createdAt() {
    return createdAt;
  }

  /**
   * When the subscription ends by the camera's clock, as last reported (creation, pull, renew).
   *
   * @return the termination time, or {@code null} if the camera did not say
   */
  public @Nullable Instant terminationTime() {
    return terminationTime;
  }

  /**
   * Pulls messages (PullMessages). The camera answers as soon as one message is there, or after
   * {@code timeout} with none. The future's timeout is {@code timeout} plus 5 s.
   *
   * @param timeout how long the camera may wait for a message (ONVIF devices support at least one
   *     minute)
   * @param messageLimit the most messages wanted, at least 1
   * @return the messages and the camera's times
   */
  public CompletableFuture<PullResult> pull(Duration timeout, int messageLimit) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (messageLimit < 1) {
      throw new IllegalArgumentException("messageLimit must be at least 1");
    }
    return camera.invoke("PullMessages", timeout.plus(PULL_SLACK), () -> pullBlocking(timeout, messageLimit));
  }

  PullResult pullBlocking(Duration timeout, int messageLimit) {
    PullMessages req = new PullMessages();
    req.setTimeout(OnvifCamera.toXml(timeout));
    req.setMessageLimit(messageLimit);
    var r = Faults.declared("PullMessages", () -> pullPort(timeout).pullMessages(req));
    Instant termination = EventMapping.instant(r.getTerminationTime());
    if (termination != null) {
      terminationTime = termination;
    }
    return new PullResult(
        EventMapping.events(r.getNotificationMessage()),
        EventMapping.instant(r.getCurrentTime()),
        termination);
  }

  /**
   * Extends the subscription (Renew) by a duration from now, sent as a relative {@code
   * TerminationTime} such as {@code PT60S}.
   *
   * @param duration the new lifetime
   * @return the new termination time by the camera's clock (estimated from vp's view of the
   *     camera clock if the camera does not say)
   */
  public CompletableFuture<Instant> renew(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive");
    }
    return camera.invoke("Renew", () -> renewBlocking(duration));
  }

  Instant renewBlocking(Duration duration) {
    Renew req = new Renew();
    req.setTerminationTime(duration.toString());
    var r = Faults.declared("Renew", () -> managerPort().renew(req));
    Instant t = r == null ? null : EventMapping.instant(r.getTerminationTime());
    if (t == null) {
      t = camera.session().cameraNow().plus(duration);
    }
    terminationTime = t;
    return t;
  }

  /**
   * Asks the camera to send the current state of every property again, as {@code Initialized}
   * messages on the next pulls (SetSynchronizationPoint): useful after a console restart.
   *
   * @return completion
   */
  public CompletableFuture<Void> synchronize() {
    return camera.invoke(
        "SetSynchronizationPoint",
        () -> {
          pullPort(Duration.ZERO)
              .setSynchronizationPoint(
                  new io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPoint());
          return null;
        });
  }

  /**
   * Ends the subscription (Unsubscribe). Some cameras drop every subscription on it, others do not
   * implement it; failing here is harmless since a subscription also ends at its termination
   * time.
   *
   * @return completion
   */
  public CompletableFuture<Void> unsubscribe() {
    return camera.invoke(
        "Unsubscribe",
        () -> {
          unsubscribeBlocking();
          return null;
        });
  }

  void unsubscribeBlocking() {
    Faults.declared("Unsubscribe", () -> pullPort(Duration.ZERO).unsubscribe(new Unsubscribe()));
  }

  private io.github.vpsdk.vp.onvif.internal.wsdl.events.PullPointSubscription pullPort(
      Duration pullTimeout) {
    var p = pullPort;
    if (p == null) {
      p =
          camera
              .session()
              .addressedProxy(
                  io.github.vpsdk.vp.onvif.internal.wsdl.events.PullPointSubscription.class,
                  address,
                  referenceParameters,
                  false);
      pullPort = p;
    }
    Duration needed = pullTimeout.plus(PULL_SLACK);
    Duration configured = camera.client().config().requestTimeout();
    SoapSession.receiveTimeout(p, needed.compareTo(configured) > 0 ? needed : configured);
    return p;
  }

  private SubscriptionManager managerPort() {
    var p = managerPort;
    if (p == null) {
      p = camera.session().addressedProxy(SubscriptionManager.class, address, referenceParameters, false);
      managerPort = p;
    }
    return p;
  }

  /** Releases the proxies of a subscription the stream dropped (lost, or closed after Unsubscribe). */
  void release() {
    var p = pullPort;
    var m = managerPort;
    pullPort = null;
    managerPort = null;
    try {
      if (p != null) {
        SoapSession.release(p);
      }
      if (m != null) {
        SoapSession.release(m);
      }
    } catch (RuntimeException e) {
      // nothing left to do with a dropped subscription
    }
  }

  @Override
  public String toString() {
    return "PullPointSubscription[" + address + ", until " + terminationTime + "]";
  }
}
