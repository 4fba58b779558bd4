package io.github.vpsdk.vp.onvif.internal;

import io.github.vpsdk.vp.onvif.Credentials;
import io.github.vpsdk.vp.onvif.OnvifConfig;
import jakarta.xml.ws.soap.SOAPBinding;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.http.auth.DigestAuthSupplier;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.w3c.dom.Element;

/**
 * One camera's SOAP state: credentials, clock offset, token mode and a cache of CXF proxies, one
 * per service address. The proxies' service models are shared by all the sessions of a client
 * ({@link ServiceModels}).
 */
public final class SoapSession {
  private final OnvifConfig config;
  private final Credentials credentials;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
  private final AtomicBoolean passwordText = new AtomicBoolean();
  private final Map<String, Object> proxies = new ConcurrentHashMap<>();
  private final ServiceModels models;

  /**
   * Creates a session with service models of its own.
   *
   * @param config client settings
   * @param credentials camera account
   */
  public SoapSession(OnvifConfig config, Credentials credentials) {
    this(config, credentials, new ServiceModels());
  }

  /**
   * Creates a session whose proxies share the service models of other sessions.
   *
   * @param config client settings
   * @param credentials camera account
   * @param models the shared service models (one set per client)
   */
  public SoapSession(OnvifConfig config, Credentials credentials, ServiceModels models) {
    this.config = config;
    this.credentials = credentials;
    this.models = models;
  }

  /**
   * The camera's current time: local clock plus the measured offset.
   *
   * @return camera time
   */
  public Instant cameraNow() {
    return config.clock().instant().plus(offset.get());
  }

  /**
   * The measured clock offset.
   *
   * @return camera minus local time
   */
  public Duration offset() {
    return offset.get();
  }

  /**
   * Records a newly measured clock offset.
   *
   * @param value camera minus local time
   */
  public void offset(Duration value) {
    offset.set(value);
  }

  /**
   * Switches to PasswordText tokens if the configuration allows it.
   *
   * @return true if the mode changed now
   */
  public boolean fallBackToPasswordText() {
    return config.passwordTextFallback() && passwordText.compareAndSet(false, true);
  }

  /**
   * A proxy of a service interface at an address.
   *
   * @param sei the generated service interface
   * @param address the service address
   * @param authenticated whether to add the UsernameToken and answer HTTP digest challenges
   * @param <T> the interface type
   * @return the proxy
   */
  public <T> T proxy(Class<T> sei, URI address, boolean authenticated) {
    String key = sei.getName() + '|' + address + '|' + authenticated;
    return sei.cast(proxies.computeIfAbsent(key, k -> create(sei, address, authenticated)));
  }

  /**
   * An authenticated proxy that also writes WS-Addressing headers ({@code wsa:Action}, {@code
   * MessageID}, {@code To}, {@code ReplyTo}) and echoes an endpoint reference's parameters as
   * headers marked {@code IsReferenceParameter}.
   *
   * @param sei the generated service interface
   * @param address the endpoint address
   * @param referenceParameters the {@code wsa:ReferenceParameters} children of the endpoint
   *     reference, possibly empty
   * @param cached whether to keep the proxy in this session's cache (a service port) or not (a
   *     subscription's port, built once per subscription by its owner: Hikvision gives every
   *     subscription its own address, so caching them would grow without end)
   * @param <T> the interface type
   * @return the proxy
   */
  public <T> T addressedProxy(
      Class<T> sei, URI address, List<Element> referenceParameters, boolean cached) {
    if (cached && referenceParameters.isEmpty()) {
      String key = sei.getName() + '|' + address + "|wsa";
      return sei.cast(
          proxies.computeIfAbsent(key, k -> create(sei, address, true, List.of(), true)));
    }
    return create(sei, address, true, referenceParameters, true);
  }

  /**
   * Releases the CXF client behind a proxy that is not cached (its conduit and interceptors).
   *
   * @param proxy the proxy
   */
  public static void release(Object proxy) {
    ClientProxy.getClient(proxy).destroy();
  }

  /**
   * Sets the HTTP receive timeout of a proxy made by this class (long polls need more than the
   * request timeout).
   *
   * @param proxy the proxy
   * @param timeout the receive timeout
   */
  public static void receiveTimeout(Object proxy, Duration timeout) {
    HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(proxy).getConduit();
    HTTPClientPolicy policy = conduit.getClient();
    if (policy.getReceiveTimeout() != timeout.toMillis()) {
      policy.setReceiveTimeout(timeout.toMillis());
    }
  }

  private <T> T create(Class<T> sei, URI address, boolean authenticated) {
    return create(sei, address, authenticated, List.of(), false);
  }

  private <T> T create(
      Class<T> sei,
      URI address,
      boolean authenticated,
      List<Element> referenceParameters,
      boolean addressing) {
    JaxWsProxyFactoryBean f = new JaxWsProxyFactoryBean();
    f.setServiceClass(sei);
    // no address on the factory: the shared service model has one endpoint description per
    // service, and an address set here would be written into it, where CXF's JAX-WS proxies
    // compare it after each call and copy it into their own request context when it changed
    // (calls to one camera then went to the camera whose proxy was built meanwhile). Each proxy
    // gets its address in its request context instead (configure), and its conduit is built
    // for that address.
    f.setTransportId(HTTPTransportFactory.DEFAULT_NAMESPACES.get(0));
    // the ONVIF WSDLs declare no wsdl:service: without this CXF would speak SOAP 1.1
    f.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    if (addressing) {
      f.getOutInterceptors()
          .add(new WsAddressing.Out(address.toString(), referenceParameters));
      f.getInInterceptors().add(new WsAddressing.In());
      f.getInFaultInterceptors().add(new WsAddressing.In());
    }
    if (authenticated) {
      f.getOutInterceptors()
          .add(
              new UsernameTokenInterceptor(
                  credentials.username(),
                  credentials.password(),
                  this::cameraNow,
                  () -> !passwordText.get()));
    }
    return models.build(
        sei,
        factory -> {
          f.setServiceFactory(factory);
          f.setServiceClass(sei); // onto the factory just set
          T proxy = sei.cast(f.create());
          configure(proxy, address, authenticated);
          return proxy;
        });
  }

  private void configure(Object proxy, URI address, boolean authenticated) {
    Client client = ClientProxy.getClient(proxy);
    // this proxy's own address (see create): every call, and the conduit built just below, use it
    client.getRequestContext().put(Message.ENDPOINT_ADDRESS, address.toString());
    // SOAP 1.2 sends Sender faults (ter:NotAuthorized, ter:InvalidArgVal) with HTTP 400; without
    // this CXF reads only 500 answers as faults and turns a 400 into a bare "HTTP 400" error
    client.getRequestContext().put(HTTPConduit.PROCESS_FAULT_ON_HTTP_400, Boolean.TRUE);
    HTTPConduit conduit = (HTTPConduit) client.getConduit();
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(config.connectTimeout().toMillis());
    policy.setReceiveTimeout(config.requestTimeout().toMillis());
    policy.setAllowChunking(false);
    conduit.setClient(policy);
    if (authenticated) {
      AuthorizationPolicy auth = new AuthorizationPolicy();
      auth.setUserName(credentials.username());
      auth.setPassword(credentials.password());
      auth.setAuthorizationType("Digest");
      conduit.setAuthorization(auth);
      conduit.setAuthSupplier(new DigestAuthSupplier());
    }
    if (config.sslContext() != null) {
      TLSClientParameters tls = new TLSClientParameters();
      tls.setSslContext(config.sslContext());
      conduit.setTlsClientParameters(tls);
    }
  }
}
