package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.EventPortType;
import io.github.vpsdk.vp.onvif.internal.wsdl.imaging.ImagingPort;
import io.github.vpsdk.vp.onvif.internal.wsdl.media.Media;
import io.github.vpsdk.vp.onvif.internal.wsdl.media2.Media2;
import io.github.vpsdk.vp.onvif.internal.wsdl.ptz.PTZ;
import io.github.vpsdk.vp.testkit.camera.OfflineMode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's HTTP server: an embedded Jetty on one port serving the CXF endpoints (through a
 * {@link CXFNonSpringServlet} with its own bus, so cameras never share an engine) and the snapshot
 * servlet, behind a filter that applies the offline and reboot faults.
 */
public final class CameraServer implements AutoCloseable {
  /** Path of the device service. */
  public static final String DEVICE_PATH = "/onvif/device_service";
  /** Path of the Media1 service. */
  public static final String MEDIA_PATH = "/onvif/media_service";
  /** Path of the Media2 service. */
  public static final String MEDIA2_PATH = "/onvif/media2_service";
  /** Path of the PTZ service. */
  public static final String PTZ_PATH = "/onvif/ptz_service";
  /** Path of the recording service. */
  public static final String RECORDING_PATH = "/onvif/recording_service";
  /** Path of the search service. */
  public static final String SEARCH_PATH = "/onvif/search_service";
  /** Path of the replay service. */
  public static final String REPLAY_PATH = "/onvif/replay_service";
  /** Path of the imaging service. */
  public static final String IMAGING_PATH = "/onvif/imaging_service";
  /** Path of the event service. */
  public static final String EVENTS_PATH = "/onvif/event_service";
  /** Path of the PullPoint subscriptions (each is {@code ?Idx=N} on it). */
  public static final String SUBSCRIPTION_PATH = "/onvif/subscription";
  /** Path of the snapshot servlet. */
  public static final String SNAPSHOT_PATH = "/onvif/snapshot";

  private static final Logger LOG = LoggerFactory.getLogger(CameraServer.class);
  /** Prefixes declared on every answer's envelope, as cameras do (topics name {@code tns1}). */
  private static final java.util.Map<String, String> NAMESPACES =
      java.util.Map.of(
          "tns1", EventService.TOPICS,
          "tt", EventService.TT,
          "wsnt", EventService.WSNT,
          "tev", EventService.NS_EVENTS);

  private static final Duration MAX_SILENCE = Duration.ofMinutes(10);

  private final CameraState state;
  private final Object lock = new Object();
  private final List<Server> endpoints = new ArrayList<>();
  private org.eclipse.jetty.server.@org.jspecify.annotations.Nullable Server jetty;
  private @org.jspecify.annotations.Nullable ServerConnector connector;
  private @org.jspecify.annotations.Nullable Bus bus;
  private volatile boolean closed;
  private int port;

  /**
   * Creates the server of a camera (not started).
   *
   * @param state the camera
   */
  public CameraServer(CameraState state) {
    this.state = state;
  }

  /**
   * Binds the port, publishes the endpoints and starts serving.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public void start() {
    CameraConfig c = state.config();
    Bus previous = BusFactory.getThreadDefaultBus(false);
    BusFactory.getDefaultBus(true); // so that this camera's bus never becomes the process default
    Bus b = BusFactory.newInstance().createBus();
    BusFactory.setThreadDefaultBus(previous);
    this.bus = b;
    WsSecurityCheck wss = new WsSecurityCheck(state);
    PtzService ptz = new PtzService(state);
    MediaService media = new MediaService(state, ptz);
    publish(b, Device.class, new DeviceService(state).handlers().proxy(Device.class), DEVICE_PATH, wss);
    publish(b, Media.class, media.media1().proxy(Media.class), MEDIA_PATH, wss);
    publish(b, Media2.class, media.media2().proxy(Media2.class), MEDIA2_PATH, wss);
    EventService events = new EventService(state);
    publish(b, EventPortType.class, events.service().proxy(EventPortType.class), EVENTS_PATH, wss);
    publish(b, SubscriptionPort.class, events.subscription().proxy(SubscriptionPort.class), SUBSCRIPTION_PATH, wss);
    publish(b, ImagingPort.class, new ImagingService(state).handlers().proxy(ImagingPort.class), IMAGING_PATH, wss);
    RecordingService recordings = new RecordingService(state);
    publish(b, io.github.vpsdk.vp.onvif.internal.wsdl.recording.RecordingPort.class,
        recordings.recording().proxy(io.github.vpsdk.vp.onvif.internal.wsdl.recording.RecordingPort.class), RECORDING_PATH, wss);
    publish(b, io.github.vpsdk.vp.onvif.internal.wsdl.search.SearchPort.class,
        recordings.search().proxy(io.github.vpsdk.vp.onvif.internal.wsdl.search.SearchPort.class), SEARCH_PATH, wss);
    publish(b, io.github.vpsdk.vp.onvif.internal.wsdl.replay.ReplayPort.class,
        recordings.replay().proxy(io.github.vpsdk.vp.onvif.internal.wsdl.replay.ReplayPort.class), REPLAY_PATH, wss);
    if (state.ptz().isPresent()) {
      publish(b, PTZ.class, ptz.handlers().proxy(PTZ.class), PTZ_PATH, wss);
    }

    QueuedThreadPool pool = new QueuedThreadPool(32, 2);
    pool.setDaemon(true);
    pool.setName("vp-camera-" + DeviceService.hostnameOf(c.name()));
    org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(pool);
    server.setStopTimeout(1000);
    ServerConnector conn = new ServerConnector(server, 1, 1);
    conn.setHost(c.host());
    conn.setPort(c.port());
    server.addConnector(conn);
    ServletContextHandler ctx = new ServletContextHandler("/");
    CXFNonSpringServlet cxf = new CXFNonSpringServlet();
    cxf.setBus(b);
    ServletHolder cxfHolder = new ServletHolder(cxf);
    cxfHolder.setInitParameter("hide-service-list-page", "true");
    cxfHolder.setInitOrder(1);
    ctx.addServlet(cxfHolder, "/onvif/*");
    HttpAuth auth = new HttpAuth(c.snapshotAuth(), c.name(), c.user(), c.password(), c.clock());
    ctx.addServlet(new ServletHolder(new SnapshotServlet(state, auth, this)), SNAPSHOT_PATH);
    ctx.addFilter(new FilterHolder(new FaultFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(ctx);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      b.shutdown(false);
      if (e instanceof IOException) {
        throw new UncheckedIOException("cannot bind " + c.host() + ":" + c.port(), (IOException) e);
      }
      throw new IllegalStateException("camera server did not start", e);
    }
    this.jetty = server;
    this.connector = conn;
    this.port = conn.getLocalPort();
    String announced = c.host().equals("0.0.0.0") ? "127.0.0.1" : c.host();
    state.address("http", announced, port);
    LOG.debug("camera {} serving on {}:{}", c.name(), c.host(), port);
  }

  private void publish(Bus b, Class<?> sei, Object impl, String path, WsSecurityCheck wss) {
    JaxWsServerFactoryBean f = new JaxWsServerFactoryBean();
    f.setBus(b);
    f.setServiceClass(sei);
    f.setServiceBean(impl);
    f.setAddress(path.substring("/onvif".length()));
    f.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
    f.getInInterceptors().add(new IgnoreSoapAction());
    f.getInInterceptors().add(wss);
    f.getInInterceptors().add(UnderstoodAddressing.INSTANCE);
    f.setProperties(new java.util.HashMap<>(java.util.Map.of("soap.env.ns.map", NAMESPACES)));
    endpoints.add(f.create());
  }

  /**
   * The scopes the camera announces (GetScopes, WS-Discovery).
   *
   * @return the scope URIs
   */
  public List<String> scopes() {
    return DeviceService.scopeItems(state);
  }

  /**
   * The bound port.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Goes offline.
   *
   * @param mode how
   */
  public void offline(OfflineMode mode) {
    synchronized (lock) {
      state.offline(mode);
      if (mode == OfflineMode.REFUSE && connector != null && connector.isStarted()) {
        try {
          // a camera without power also drops the connections clients keep alive: without this, a
          // request on a pooled connection was still served (or cut halfway) after going offline
          java.util.List<org.eclipse.jetty.io.EndPoint> open = new java.util.ArrayList<>(connector.getConnectedEndPoints());
          connector.stop();
          for (org.eclipse.jetty.io.EndPoint e : open) {
            e.close();
          }
        } catch (Exception e) {
          throw new IllegalStateException("cannot close the listening socket", e);
        }
      }
      lock.notifyAll();
    }
  }

  /** Comes back online on the same port. */
  public void online() {
    synchronized (lock) {
      state.offline(null);
      if (connector != null && !connector.isStarted() && !closed) {
        connector.setPort(port);
        try {
          connector.start();
        } catch (BindException e) {
          throw new UncheckedIOException("port " + port + " taken while offline", e);
        } catch (Exception e) {
          throw new IllegalStateException("cannot reopen port " + port, e);
        }
      }
      lock.notifyAll();
    }
  }

  /**
   * Waits (wall clock) unless the camera closes first: the slow-snapshot fault.
   *
   * @param d how long
   */
  void pause(Duration d) {
    long end = System.nanoTime() + d.toNanos();
    synchronized (lock) {
      long left;
      while (!closed && (left = end - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Holds a request while the camera is silently offline (bounded). */
  private void holdWhileSilent() {
    long end = System.nanoTime() + MAX_SILENCE.toNanos();
    synchronized (lock) {
      long left;
      while (!closed && state.offline() == OfflineMode.SILENT && (left = end - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Stops serving and frees the port. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    state.events().close();
    for (Server s : endpoints) {
      try {
        s.destroy();
      } catch (RuntimeException e) {
        LOG.debug("endpoint did not stop cleanly", e);
      }
    }
    endpoints.clear();
    if (jetty != null) {
      stopQuietly(jetty);
    }
    if (bus != null) {
      bus.shutdown(false);
    }
  }

  private static void stopQuietly(org.eclipse.jetty.server.Server s) {
    try {
      s.stop();
    } catch (Exception e) {
      LOG.debug("jetty did not stop cleanly", e);
    }
  }

  /** Applies the offline (silent) and rebooting faults before any servlet runs. */
  private final class FaultFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      if (state.offline() == OfflineMode.SILENT) {
        holdWhileSilent();
        if (closed || state.offline() != null) {
          resp.setStatus(503);
          return;
        }
      }
      if (state.booting()) {
        resp.setStatus(503);
        resp.setHeader("Retry-After", "5");
        return;
      }
      chain.doFilter(req, resp);
    }
  }
}
