package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.Faults;
import io.github.vpsdk.vp.onvif.internal.Mapping;
import io.github.vpsdk.vp.onvif.internal.ServiceModels;
import io.github.vpsdk.vp.onvif.internal.SoapSession;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.Device;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetCapabilities;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetServices;
import io.github.vpsdk.vp.onvif.internal.wsdl.device.GetSystemDateAndTime;
import io.github.vpsdk.vp.onvif.internal.wsdl.schema.CapabilityCategory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: connects to ONVIF cameras. One client serves many cameras and shares its
 * executor and HTTP client between them; close it when done.
 *
 * <pre>{@code
 * try (OnvifClient client = OnvifClient.create(OnvifConfig.defaults())) {
 *   OnvifCamera cam = client.connect(URI.create("http://192.0.2.10/onvif/device_service"),
 *       Credentials.of("operator", secret)).join();
 *   String rtsp = cam.streamUri(cam.profiles().join().get(0).token()).join().uri().toString();
 * }
 * }</pre>
 */
public final class OnvifClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnvifClient.class);

  private final OnvifConfig config;
  private final Executor executor;
  private final @Nullable ExecutorService ownedExecutor;
  private final HttpClient http;
  /** The CXF service models, built once per service for all the cameras of this client. */
  private final ServiceModels models = new ServiceModels();

  private OnvifClient(OnvifConfig config) {
    this.config = config;
    if (config.executor() == null) {
      AtomicInteger n = new AtomicInteger();
      ThreadFactory tf =
          r -> {
            Thread t = new Thread(r, "vp-onvif-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      this.ownedExecutor = Executors.newCachedThreadPool(tf);
      this.executor = ownedExecutor;
    } else {
      this.ownedExecutor = null;
      this.executor = config.executor();
    }
    HttpClient.Builder hb =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    // not the calls' executor: snapshots are fetched with a blocking send from a task of that
    // executor, and the HTTP client needs threads of its own to complete the exchange; sharing
    // one pool deadlocked as soon as every thread of it waited in a send (16 concurrent snapshots
    // all timed out). The JDK's default is a cached pool of daemon threads.
    if (config.sslContext() != null) {
      hb.sslContext(config.sslContext());
    }
    this.http = hb.build();
  }

  /**
   * Creates a client.
   *
   * @param config the settings
   * @return the client
   */
  public static OnvifClient create(OnvifConfig config) {
    return new OnvifClient(Objects.requireNonNull(config, "config"));
  }

  /**
   * The settings of this client.
   *
   * @return the settings
   */
  public OnvifConfig config() {
    return config;
  }

  /**
   * Connects to a camera: reads its clock without credentials (GetSystemDateAndTime) to correct
   * WS-Security token times, then finds its services (GetServices, or GetCapabilities for older
   * cameras).
   *
   * @param deviceAddress the device service address, for example {@code
   *     http://192.0.2.10/onvif/device_service}
   * @param credentials the camera account
   * @return the connected camera, or a failure with {@link OnvifException}
   */
  public CompletableFuture<OnvifCamera> connect(URI deviceAddress, Credentials credentials) {
    Objects.requireNonNull(deviceAddress, "deviceAddress");
    Objects.requireNonNull(credentials, "credentials");
    if (deviceAddress.getScheme() == null
        || !(deviceAddress.getScheme().equals("http") || deviceAddress.getScheme().equals("https"))
        || deviceAddress.getHost() == null) {
      return CompletableFuture.failedFuture(
          new OnvifException(
              OnvifException.Kind.BAD_ARGUMENT,
              "device address must be an http(s) URL: " + deviceAddress,
              null,
              null));
    }
    SoapSession session = new SoapSession(config, credentials, models);
    return call(
        "Connect",
        () -> {
          CameraTime time;
          try {
            time = readTime(session, deviceAddress);
          } catch (RuntimeException e) {
            OnvifException mapped = Faults.map(e, "GetSystemDateAndTime");
            if (mapped.kind() == OnvifException.Kind.UNREACHABLE
                || mapped.kind() == OnvifException.Kind.TIMEOUT) {
              throw mapped;
            }
            // some cameras want credentials even for the clock: go on without an offset
            LOG.debug("GetSystemDateAndTime refused ({}): no clock offset", mapped.kind());
            time = new CameraTime(null, java.time.Duration.ZERO, false, false, null);
          }
          ServiceAddresses services = discoverServices(session, deviceAddress);
          LOG.debug(
              "connected to {} (clock offset {}, {} services)",
              deviceAddress,
              time.offset(),
              services.byNamespace().size());
          return new OnvifCamera(this, session, deviceAddress, credentials, services, time);
        });
  }

  static CameraTime readTime(SoapSession session, URI deviceAddress) {
    Device pre = session.proxy(Device.class, deviceAddress, false);
    Instant before = session.cameraNow().minus(session.offset());
    var r = pre.getSystemDateAndTime(new GetSystemDateAndTime());
    Instant after = session.cameraNow().minus(session.offset());
    Instant mid = before.plus(java.time.Duration.between(before, after).dividedBy(2));
    CameraTime t = Mapping.cameraTime(r == null ? null : r.getSystemDateAndTime(), mid);
    session.offset(t.offset());
    return t;
  }

  private ServiceAddresses discoverServices(SoapSession session, URI deviceAddress) {
    Device device = session.proxy(Device.class, deviceAddress, true);
    Map<String, String> raw;
    boolean fromServices = true;
    try {
      GetServices req = new GetServices();
      req.setIncludeCapability(false);
      raw = Mapping.services(device.getServices(req).getService());
    } catch (RuntimeException e) {
      OnvifException mapped = Faults.map(e, "GetServices");
      if (mapped.kind() == OnvifException.Kind.AUTHENTICATION
          || mapped.kind() == OnvifException.Kind.TIMEOUT
          || mapped.kind() == OnvifException.Kind.UNREACHABLE) {
        throw mapped;
      }
      LOG.debug("GetServices failed ({}), falling back to GetCapabilities", mapped.kind());
      GetCapabilities req = new GetCapabilities();
      req.getCategory().add(CapabilityCategory.ALL);
      raw = Mapping.capabilities(device.getCapabilities(req).getCapabilities());
      fromServices = false;
    }
    Map<String, URI> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      try {
        URI announced = URI.create(e.getValue());
        out.put(
            e.getKey(),
            config.rewriteServiceAddresses() ? Mapping.rewrite(announced, deviceAddress) : announced);
      } catch (IllegalArgumentException bad) {
        LOG.debug("ignoring malformed service address for {}", e.getKey());
      }
    }
    out.put(ServiceAddresses.DEVICE, deviceAddress);
    return new ServiceAddresses(out, fromServices);
  }

  HttpClient http() {
    return http;
  }

  <T> CompletableFuture<T> call(String operation, Supplier<T> body) {
    return call(operation, config.requestTimeout(), body);
  }

  Executor executor() {
    return executor;
  }

  <T> CompletableFuture<T> call(String operation, java.time.Duration timeout, Supplier<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture.supplyAsync(body, executor)
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (v, e) -> {
              if (e == null) {
                result.complete(v);
              } else {
                result.completeExceptionally(Faults.map(e, operation));
              }
            });
    return result;
  }

  /** Shuts down the executor if the client created it. Connected cameras stop working. */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdownNow();
    }
  }
}
