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
import io.github.vpsdk.vp.testkit.camera.OfflineMode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera's HTTP server: an embedded Jetty on its own port serving the ONVIF services and the
 * snapshot servlet, behind a filter that applies the offline and reboot faults and marks each
 * request with this camera. The CXF endpoints, the bus and the threads are the JVM's {@link
 * CameraRuntime}, shared by all cameras; the service implementations ({@link Handlers}), the
 * WS-Security check, the state and the port are this camera's.
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
  private static final Duration MAX_SILENCE = Duration.ofMinutes(10);

  private final CameraState state;
  private final Object lock = new Object();
  private Map<Class<?>, Handlers> services = Map.of();
  private @Nullable WsSecurityCheck security;
  private org.eclipse.jetty.server.@Nullable Server jetty;
  private @Nullable ServerConnector connector;
  private @Nullable CameraRuntime runtime;
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
   * Takes a reference on the JVM's shared runtime (creating it for the first camera), binds the
   * port and starts serving.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public void start() {
    CameraConfig c = state.config();
    this.security = new WsSecurityCheck(state);
    PtzService ptz = new PtzService(state);
    MediaService media = new MediaService(state, ptz);
    EventService events = new EventService(state);
    RecordingService recordings = new RecordingService(state);
    Map<Class<?>, Handlers> h = new HashMap<>();
    h.put(Device.class, new DeviceService(state).handlers());
    h.put(Media.class, media.media1());
    h.put(Media2.class, media.media2());
    h.put(EventPortType.class, events.service());
    h.put(SubscriptionPort.class, events.subscription());
    h.put(ImagingPort.class, new ImagingService(state).handlers());
    h.put(RecordingPort.class, recordings.recording());
    h.put(SearchPort.class, recordings.search());
    h.put(ReplayPort.class, recordings.replay());
    if (state.ptz().isPresent()) {
      h.put(PTZ.class, ptz.handlers());
    }
    this.services = Map.copyOf(h);

    CameraRuntime rt = CameraRuntime.acquire();
    org.eclipse.jetty.server.Server server = new org.eclipse.jetty.server.Server(rt.pool(), rt.scheduler(), rt.buffers());
    // shared with the other cameras: stopping this server must leave them running
    server.unmanage(rt.pool());
    server.unmanage(rt.scheduler());
    server.unmanage(rt.buffers());
    server.setStopTimeout(1000);
    ServerConnector conn = new CameraConnector(server, rt.selectors());
    conn.setHost(c.host());
    conn.setPort(c.port());
    server.addConnector(conn);
    ServletContextHandler ctx = new ServletContextHandler("/");
    ServletHolder cxfHolder = new ServletHolder(rt.servlet());
    cxfHolder.setInitParameter("hide-service-list-page", "true");
    // the endpoints serve every camera: each request's own address, never a shared mutable one
    cxfHolder.setInitParameter("disable-address-updates", "true");
    cxfHolder.setInitOrder(1);
    ctx.addServlet(cxfHolder, "/onvif/*");
    HttpAuth auth = new HttpAuth(c.snapshotAuth(), c.name(), c.user(), c.password(), c.clock());
    ctx.addServlet(new ServletHolder(new SnapshotServlet(state, auth, this)), SNAPSHOT_PATH);
    ctx.addFilter(new FilterHolder(new FaultFilter(rt)), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(ctx);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      rt.release();
      if (e instanceof IOException) {
        throw new UncheckedIOException("cannot bind " + c.host() + ":" + c.port(), (IOException) e);
      }
      throw new IllegalStateException("camera server did not start", e);
    }
    this.runtime = rt;
    this.jetty = server;
    this.connector = conn;
    this.port = conn.getLocalPort();
    String announced = c.host().equals("0.0.0.0") ? "127.0.0.1" : c.host();
    state.address("http", announced, port);
    LOG.debug("camera {} serving on {}:{}", c.name(), c.host(), port);
  }

  /**
   * The operations of one service of this camera.
   *
   * @param sei the generated service interface
   * @return its handlers
   * @throws IllegalStateException when the camera does not serve it (the filter answers 404 first)
   */
  Handlers handlers(Class<?> sei) {
    Handlers h = services.get(sei);
    if (h == null) {
      throw new IllegalStateException(state.config().name() + " has no " + sei.getSimpleName() + " service");
    }
    return h;
  }

  /**
   * The WS-Security check of this camera.
   *
   * @return the check
   */
  WsSecurityCheck security() {
    WsSecurityCheck s = security;
    if (s == null) {
      throw new IllegalStateException("camera not started");
    }
    return s;
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
    org.eclipse.jetty.server.Server j = jetty;
    if (j != null) {
      stopQuietly(j);
    }
    CameraRuntime rt = runtime;
    runtime = null;
    if (rt != null) {
      rt.release();
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
    private final transient CameraRuntime runtime;

    FaultFilter(CameraRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
      req.setAttribute(CameraRuntime.CAMERA, CameraServer.this);
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
      if (!services.containsKey(PTZ.class) && req.getRequestURI().startsWith(PTZ_PATH)) {
        // what CXF answers for an address without an endpoint, as before the endpoints were shared
        resp.setStatus(404);
        resp.setContentType("text/html");
        resp.getWriter().write("<html><body>No service was found.</body></html>");
        return;
      }
      runtime.publishOnDemand(req.getRequestURI());
      chain.doFilter(req, resp);
    }
  }
}
