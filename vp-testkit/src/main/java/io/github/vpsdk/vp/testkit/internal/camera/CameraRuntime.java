package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.EventPortType;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.ImagingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.Media2;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.PTZ;
import io.github.vpsdk.vp.onvif.internal.wsdl.recording.RecordingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.replay.ReplayPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.search.SearchPort;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.soap.SOAPBinding;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulated cameras of one JVM share: one CXF bus on which each ONVIF service is
 * published once, and the threads of their HTTP servers (one Jetty thread pool, one scheduler, one
 * buffer pool, and the {@link SharedSelectors selector}). Reference counted: the first camera to
 * start creates it, the last one to close shuts it down, so a JVM without cameras holds nothing.
 *
 * <p>Each camera keeps its own port, Jetty server, state, credentials and service implementations:
 * its servlet filter marks each request with the camera ({@link #CAMERA}), and the shared endpoints
 * hand the call, and the WS-Security check, to the {@link CameraServer} that received it. Building
 * a CXF endpoint (service model, generated schemas, JAXB bindings) costs about 1 MB of heap and
 * 0.3 s per service (6 to 8 MB with the generated schemas), which ten services per camera
 * multiplied by every camera; now it is paid once per JVM, and for the imaging and Profile G
 * services only when a client first calls them.
 */
final class CameraRuntime {
  /** Request attribute naming the {@link CameraServer} that received a request. */
  static final String CAMERA = CameraRuntime.class.getName() + ".camera";

  private static final Logger LOG = LoggerFactory.getLogger(CameraRuntime.class);
  /** Held requests (event pulls, silent cameras, slow snapshots) each take a thread. */
  private static final int MAX_THREADS = 1024;
  private static final int MIN_THREADS = 4;
  /** Prefixes declared on every answer's envelope, as cameras do (topics name {@code tns1}). */
  private static final Map<String, String> NAMESPACES =
      Map.of(
          "tns1", EventService.TOPICS,
          "tt", EventService.TT,
          "wsnt", EventService.WSNT,
          "tev", EventService.NS_EVENTS);

  /**
   * Services published on their first request instead: an endpoint costs 6 to 8 MB of heap and
   * about 0.3 s to build, and most clients never call these.
   */
  private static final Map<String, Class<?>> ON_DEMAND =
      Map.of(
          CameraServer.IMAGING_PATH, ImagingPort.class,
          CameraServer.RECORDING_PATH, RecordingPort.class,
          CameraServer.SEARCH_PATH, SearchPort.class,
          CameraServer.REPLAY_PATH, ReplayPort.class);

  private static @Nullable CameraRuntime shared;
  private static int users;

  private final Bus bus;
  private final List<Server> endpoints = new ArrayList<>();
  private final Set<String> published = ConcurrentHashMap.newKeySet();
  private boolean down;
  private final QueuedThreadPool pool;
  private final ScheduledExecutorScheduler scheduler;
  private final ByteBufferPool buffers = new ArrayByteBufferPool();
  private final SharedSelectors selectors;

  private CameraRuntime() {
    Bus previous = BusFactory.getThreadDefaultBus(false);
    BusFactory.getDefaultBus(true); // so that the cameras' bus never becomes the process default
    Bus b = BusFactory.newInstance().createBus();
    BusFactory.setThreadDefaultBus(previous);
    this.bus = b;
    QueuedThreadPool p = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    p.setDaemon(true);
    p.setName("vp-camera");
    ScheduledExecutorScheduler s = new ScheduledExecutorScheduler("vp-camera-scheduler", true);
    this.pool = p;
    this.scheduler = s;
    this.selectors = new SharedSelectors(p, s);
    try {
      publish(Device.class, CameraServer.DEVICE_PATH);
      publish(Media.class, CameraServer.MEDIA_PATH);
      publish(Media2.class, CameraServer.MEDIA2_PATH);
      publish(EventPortType.class, CameraServer.EVENTS_PATH);
      publish(SubscriptionPort.class, CameraServer.SUBSCRIPTION_PATH);
      publish(PTZ.class, CameraServer.PTZ_PATH);
      p.start();
      s.start();
      selectors.start();
    } catch (Exception e) {
      shutdown();
      throw new IllegalStateException("cannot start the cameras' shared runtime", e);
    }
  }

  /**
   * Takes a reference on the runtime of this JVM, creating it when no camera runs.
   *
   * @return the runtime, to {@link #release} once
   */
  static synchronized CameraRuntime acquire() {
    CameraRuntime r = shared;
    if (r == null) {
      r = new CameraRuntime();
      shared = r;
      LOG.debug("cameras' shared runtime started");
    }
    users++;
    return r;
  }

  /** Gives back a reference taken by {@link #acquire}; the last one shuts the runtime down. */
  void release() {
    synchronized (CameraRuntime.class) {
      if (shared != this) {
        return;
      }
      users--;
      if (users > 0) {
        return;
      }
      shared = null;
      shutdown();
      LOG.debug("cameras' shared runtime stopped");
    }
  }

  /**
   * How many cameras hold the runtime of this JVM (tests).
   *
   * @return the number of references, 0 when none runs
   */
  static synchronized int users() {
    return shared == null ? 0 : users;
  }

  private void shutdown() {
    synchronized (endpoints) {
      down = true;
      for (Server s : endpoints) {
        try {
          s.destroy();
        } catch (RuntimeException e) {
          LOG.debug("endpoint did not stop cleanly", e);
        }
      }
      endpoints.clear();
    }
    bus.shutdown(false);
    for (org.eclipse.jetty.util.component.LifeCycle l : List.of(selectors, scheduler, pool)) {
      try {
        l.stop();
      } catch (Exception e) {
        LOG.debug("{} did not stop cleanly", l, e);
      }
    }
  }

  Bus bus() {
    return bus;
  }

  QueuedThreadPool pool() {
    return pool;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  ByteBufferPool buffers() {
    return buffers;
  }

  SharedSelectors selectors() {
    return selectors;
  }

  /**
   * A servlet serving the shared endpoints. Unlike a plain {@link CXFNonSpringServlet}, stopping it
   * (when its camera closes) leaves the bus and the endpoints of the other cameras alone.
   *
   * @return a new servlet
   */
  CXFNonSpringServlet servlet() {
    SharedBusServlet s = new SharedBusServlet();
    s.setBus(bus);
    return s;
  }

  /**
   * The camera that received a message.
   *
   * @param message a message received by a shared endpoint, or null
   * @return the camera
   * @throws IllegalStateException when the message did not come through a camera's servlet
   */
  static CameraServer camera(@Nullable Message message) {
    Object req = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
    Object cam = req instanceof HttpServletRequest ? ((HttpServletRequest) req).getAttribute(CAMERA) : null;
    if (!(cam instanceof CameraServer)) {
      throw new IllegalStateException("request not received through a simulated camera");
    }
    return (CameraServer) cam;
  }

  /**
   * Publishes the service at a request's path if it is one published on demand and not yet
   * published; called by each camera's filter before the request reaches CXF.
   *
   * @param path the request path, such as {@code /onvif/recording_service}
   */
  void publishOnDemand(String path) {
    Class<?> sei = ON_DEMAND.get(path);
    if (sei == null || published.contains(path)) {
      return;
    }
    synchronized (endpoints) {
      if (!down && !published.contains(path)) {
        publish(sei, path);
      }
    }
  }

  private void publish(Class<?> sei, String path) {
    JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
    f.setBus(bus);
    f.setServiceClass(sei);
    f.setServiceBean(dispatcher(sei));
    f.setAddress(path.substring("/onvif".length()));
    f.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    f.getInInterceptors().add(new IgnoreSoapAction());
    f.getInInterceptors().add(Security.INSTANCE);
    f.getInInterceptors().add(UnderstoodAddressing.INSTANCE);
    f.setProperties(new HashMap<>(Map.of("soap.env.ns.map", NAMESPACES)));
    synchronized (endpoints) {
      endpoints.add(f.create());
      published.add(path);
    }
  }

  /** The service bean of a shared endpoint: hands each call to the receiving camera's handlers. */
  private static <T> T dispatcher(Class<T> sei) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
              case "hashCode":
                return System.identityHashCode(proxy);
              case "equals":
                return proxy == args[0];
              default:
                return "Simulated" + sei.getSimpleName();
            }
          }
          return camera(PhaseInterceptorChain.getCurrentMessage()).handlers(sei).invoke(method, args);
        };
    return sei.cast(Proxy.newProxyInstance(sei.getClassLoader(), new Class<?>[] {sei}, h));
  }

  /** Applies the receiving camera's WS-Security check. */
  private static final class Security extends AbstractSoapInterceptor {
    static final Security INSTANCE = new Security();
    private static final Set<QName> UNDERSTOOD = Set.of(WsSecurityCheck.SECURITY);

    private Security() {
      super(Phase.PRE_INVOKE);
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
      return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
      camera(message).security().verify(message);
    }
  }

  /** Leaves the shared bus and its endpoints alone when its camera's server stops. */
  private static final class SharedBusServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;

    @Override
    public void destroy() {
      // the plain servlet removes every destination of the bus and shuts the bus down
    }
  }
}
