package io.github.vpsdk.vp.onvif.discovery;

import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.TaskScheduler;
import io.github.vpsdk.vp.onvif.internal.discovery.DatagramEndpoint;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdCodec;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdMessage;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WS-Discovery client for ONVIF devices (WS-Discovery 2005/04 over SOAP 1.2 and UDP, as ONVIF Core
 * requires).
 *
 * <ul>
 *   <li>{@link #probe(Consumer)} multicasts a Probe to {@code 239.255.255.250:3702} on each
 *       configured interface, one socket per interface, and collects the ProbeMatches that answer
 *       it (matched by {@code wsa:RelatesTo}).
 *   <li>{@link #probe(InetSocketAddress, Consumer)} sends the same Probe to one address: the
 *       workaround when multicast does not cross a router or a VPN.
 *   <li>{@link #listen(AnnouncementListener)} joins the group and reports Hello and Bye
 *       announcements.
 * </ul>
 *
 * <p>Matches are de-duplicated by endpoint reference: a device answering on two interfaces, or
 * answering each repeated Probe, is reported once, again only if its metadata version goes up.
 * Datagrams are parsed without DTDs or external entities and within {@link
 * DiscoveryConfig#maxDatagramBytes()}; anything unusable is logged at DEBUG and dropped.
 *
 * <pre>{@code
 * try (OnvifDiscovery discovery = OnvifDiscovery.create(DiscoveryConfig.defaults())) {
 *   for (DiscoveredDevice d : discovery.probe().join()) {
 *     System.out.println(d.scopes().name() + " " + d.deviceServiceAddress().orElse(null));
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe. Listeners run on the socket's reading thread and must return quickly.
 */
public final class OnvifDiscovery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OnvifDiscovery.class);
  private static final int SEEN_MESSAGES = 256;

  private final DiscoveryConfig config;
  private final TaskScheduler scheduler;
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final Set<ProbeRun> running = ConcurrentHashMap.newKeySet();
  private final Set<Listening> listening = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private OnvifDiscovery(DiscoveryConfig config) {
    this.config = config;
    if (config.scheduler() == null) {
      ownedScheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vp-onvif-discovery-timer");
                t.setDaemon(true);
                return t;
              });
      scheduler = TaskScheduler.of(ownedScheduler);
    } else {
      ownedScheduler = null;
      scheduler = config.scheduler();
    }
  }

  /**
   * Creates a discovery client. Sockets open only while a probe runs or a listener listens.
   *
   * @param config the settings
   * @return the client
   */
  public static OnvifDiscovery create(DiscoveryConfig config) {
    return new OnvifDiscovery(Objects.requireNonNull(config, "config"));
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public DiscoveryConfig config() {
    return config;
  }

  /**
   * Multicasts a Probe and collects the answers until the timeout.
   *
   * @return the devices found, in the order they answered
   */
  public CompletableFuture<List<DiscoveredDevice>> probe() {
    return probe(d -> {});
  }

  /**
   * Multicasts a Probe on each configured interface and collects the answers until the timeout.
   *
   * @param onDevice called as each new device (or new metadata version) arrives
   * @return the devices found, in the order they answered; fails with {@link OnvifException}
   *     ({@code UNREACHABLE}) only if no interface could send
   */
  public CompletableFuture<List<DiscoveredDevice>> probe(Consumer<DiscoveredDevice> onDevice) {
    Objects.requireNonNull(onDevice, "onDevice");
    ProbeRun run = new ProbeRun(onDevice, config.group());
    List<NetworkInterface> nifs;
    try {
      nifs = interfaces();
    } catch (SocketException e) {
      return failed("cannot list network interfaces", e);
    }
    for (NetworkInterface nif : nifs) {
      Inet4Address a = ipv4(nif);
      if (a == null) {
        continue;
      }
      try {
        run.endpoints.add(
            DatagramEndpoint.open(
                new InetSocketAddress(a, 0),
                false,
                nif,
                config.multicastTtl(),
                config.maxDatagramBytes(),
                run::received));
      } catch (IOException | RuntimeException e) {
        LOG.debug("cannot probe on {}: {}", nif.getName(), e.toString());
      }
    }
    if (run.endpoints.isEmpty()) {
      return failed("no network interface can send a multicast probe", null);
    }
    return run.start();
  }

  /**
   * Sends a Probe to one address (unicast) and collects the answers until the timeout.
   *
   * @param target the device's address and port (usually 3702)
   * @param onDevice called as each new device arrives
   * @return the devices found
   */
  public CompletableFuture<List<DiscoveredDevice>> probe(
      InetSocketAddress target, Consumer<DiscoveredDevice> onDevice) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(onDevice, "onDevice");
    if (target.isUnresolved()) {
      return failed("unresolved address " + target.getHostString(), null);
    }
    ProbeRun run = new ProbeRun(onDevice, target);
    InetAddress bind =
        target.getAddress().isLoopbackAddress()
            ? InetAddress.getLoopbackAddress()
            : anyLocal();
    try {
      run.endpoints.add(
          DatagramEndpoint.open(
              new InetSocketAddress(bind, 0),
              false,
              null,
              config.multicastTtl(),
              config.maxDatagramBytes(),
              run::received));
    } catch (IOException | RuntimeException e) {
      return failed("cannot open a socket", e);
    }
    return run.start();
  }

  /**
   * Listens for Hello and Bye announcements on the discovery port, joining the group on each
   * configured interface.
   *
   * @param listener receives the announcements
   * @return the subscription; close it to stop
   */
  public Subscription listen(AnnouncementListener listener) {
    return listen(new InetSocketAddress(anyLocal(), config.group().getPort()), listener);
  }

  /**
   * Listens for Hello and Bye announcements on a given local address (for example a test port,
   * or a gateway relaying announcements by unicast), joining the group on each configured
   * interface where it can.
   *
   * @param local the address to bind
   * @param listener receives the announcements
   * @return the subscription; close it to stop
   * @throws OnvifException ({@code UNREACHABLE}) if the socket cannot be bound
   */
  public Subscription listen(InetSocketAddress local, AnnouncementListener listener) {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(listener, "listener");
    Listening l = new Listening(listener);
    try {
      l.endpoint =
          DatagramEndpoint.open(
              local, true, null, config.multicastTtl(), config.maxDatagramBytes(), l::received);
    } catch (IOException | RuntimeException e) {
      throw new OnvifException(
          OnvifException.Kind.UNREACHABLE, "cannot listen on " + local, null, e);
    }
    try {
      for (NetworkInterface nif : interfaces()) {
        try {
          l.endpoint.join(config.group().getAddress(), nif);
        } catch (IOException | RuntimeException e) {
          LOG.debug("cannot join {} on {}: {}", config.group(), nif.getName(), e.toString());
        }
      }
    } catch (SocketException e) {
      LOG.debug("cannot list network interfaces: {}", e.toString());
    }
    listening.add(l);
    return l;
  }

  /** Completes running probes with what they found, stops listeners, stops the own timer. */
  @Override
  public void close() {
    closed = true;
    for (ProbeRun r : running) {
      r.finish();
    }
    for (Listening l : listening) {
      l.close();
    }
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
  }

  /** An active announcement listener. */
  public interface Subscription extends AutoCloseable {
    /**
     * The bound local address.
     *
     * @return the address
     */
    InetSocketAddress localAddress();

    /** Stops listening. */
    @Override
    void close();
  }

  // ------------------------------------------------------------------ plumbing

  private List<NetworkInterface> interfaces() throws SocketException {
    if (!config.interfaces().isEmpty()) {
      return config.interfaces();
    }
    List<NetworkInterface> out = new ArrayList<>();
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nif.isUp() && !nif.isLoopback() && nif.supportsMulticast() && ipv4(nif) != null) {
        out.add(nif);
      }
    }
    return out;
  }

  private static @Nullable Inet4Address ipv4(NetworkInterface nif) {
    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
      if (a instanceof Inet4Address) {
        return (Inet4Address) a;
      }
    }
    return null;
  }

  private static InetAddress anyLocal() {
    return new InetSocketAddress(0).getAddress();
  }

  private static <T> CompletableFuture<T> failed(String message, @Nullable Throwable cause) {
    return CompletableFuture.failedFuture(
        new OnvifException(OnvifException.Kind.UNREACHABLE, message, null, cause));
  }

  /**
   * Converts a decoded target; invalid XAddrs are left out.
   *
   * @param t the target
   * @param source the sender
   * @return the device
   */
  static DiscoveredDevice device(WsdMessage.Target t, InetSocketAddress source) {
    List<URI> xAddrs = new ArrayList<>();
    for (String x : t.xAddrs()) {
      try {
        URI u = new URI(x);
        if (u.isAbsolute()) {
          xAddrs.add(u);
        }
      } catch (URISyntaxException e) {
        LOG.debug("ignoring malformed XAddr from {}", source);
      }
    }
    return new DiscoveredDevice(
        t.endpointReference(),
        t.types(),
        xAddrs,
        DeviceScopes.parse(t.scopes()),
        t.metadataVersion(),
        source);
  }

  private final class ProbeRun {
    final String messageId = WsdCodec.newMessageId();
    final List<DatagramEndpoint> endpoints = new ArrayList<>();
    final Map<String, DiscoveredDevice> found = new LinkedHashMap<>();
    final List<TaskScheduler.Cancellable> timers = new ArrayList<>();
    final CompletableFuture<List<DiscoveredDevice>> future = new CompletableFuture<>();
    final Consumer<DiscoveredDevice> onDevice;
    final InetSocketAddress destination;
    final byte[] probe;

    ProbeRun(Consumer<DiscoveredDevice> onDevice, InetSocketAddress destination) {
      this.onDevice = onDevice;
      this.destination = destination;
      this.probe = WsdCodec.probe(messageId, config.types(), config.scopes());
    }

    CompletableFuture<List<DiscoveredDevice>> start() {
      if (closed) {
        finish();
        return future;
      }
      running.add(this);
      send();
      // SOAP-over-UDP: repeat after a random 50-250 ms, doubling, capped at 500 ms
      long delay = ThreadLocalRandom.current().nextLong(50, 251);
      long at = 0;
      synchronized (this) {
        for (int i = 0; i < config.repeats(); i++) {
          at += delay;
          timers.add(scheduler.schedule(Duration.ofMillis(at), this::send));
          delay = Math.min(delay * 2, 500);
        }
        timers.add(scheduler.schedule(config.timeout(), this::finish));
      }
      LOG.debug("probe {} sent to {} on {} socket(s)", messageId, destination, endpoints.size());
      return future;
    }

    void send() {
      if (future.isDone()) {
        return;
      }
      for (DatagramEndpoint e : endpoints) {
        e.send(probe, destination);
      }
    }

    void received(byte[] data, InetSocketAddress from) {
      WsdMessage m = WsdCodec.parse(data, data.length);
      if (!(m instanceof WsdMessage.ProbeMatches)) {
        LOG.debug("ignoring {} from {}", describe(m), from);
        return;
      }
      WsdMessage.ProbeMatches pm = (WsdMessage.ProbeMatches) m;
      if (!messageId.equals(pm.relatesTo())) {
        LOG.debug("ignoring ProbeMatches from {} for another probe", from);
        return;
      }
      for (WsdMessage.Target t : pm.matches()) {
        DiscoveredDevice d = device(t, from);
        boolean fresh;
        synchronized (this) {
          if (future.isDone()) {
            return;
          }
          DiscoveredDevice before = found.get(d.endpointReference());
          fresh = before == null || d.metadataVersion() > before.metadataVersion();
          if (fresh) {
            found.put(d.endpointReference(), d);
          }
        }
        if (fresh) {
          try {
            onDevice.accept(d);
          } catch (RuntimeException e) {
            LOG.warn("discovery listener failed", e);
          }
        }
      }
    }

    void finish() {
      List<DiscoveredDevice> result;
      synchronized (this) {
        if (future.isDone()) {
          return;
        }
        for (TaskScheduler.Cancellable c : timers) {
          c.cancel();
        }
        result = List.copyOf(found.values());
      }
      for (DatagramEndpoint e : endpoints) {
        e.close();
      }
      running.remove(this);
      LOG.debug("probe {} done: {} device(s)", messageId, result.size());
      future.complete(result);
    }
  }

  static String describe(WsdMessage m) {
    if (m instanceof WsdMessage.Malformed) {
      return "malformed datagram (" + ((WsdMessage.Malformed) m).reason() + ")";
    }
    return m.getClass().getSimpleName();
  }

  private final class Listening implements Subscription {
    final AnnouncementListener listener;
    final Set<String> seen =
        Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
              private static final long serialVersionUID = 1L;

              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > SEEN_MESSAGES;
              }
            });
    @Nullable DatagramEndpoint endpoint;

    Listening(AnnouncementListener listener) {
      this.listener = listener;
    }

    void received(byte[] data, InetSocketAddress from) {
      WsdMessage m = WsdCodec.parse(data, data.length);
      String id;
      WsdMessage.Target t;
      boolean hello;
      if (m instanceof WsdMessage.Hello) {
        id = ((WsdMessage.Hello) m).messageId();
        t = ((WsdMessage.Hello) m).target();
        hello = true;
      } else if (m instanceof WsdMessage.Bye) {
        id = ((WsdMessage.Bye) m).messageId();
        t = ((WsdMessage.Bye) m).target();
        hello = false;
      } else {
        LOG.debug("ignoring {} from {}", describe(m), from);
        return;
      }
      synchronized (seen) {
        if (!seen.add(id)) {
          return; // a repeated copy
        }
      }
      DiscoveredDevice d = device(t, from);
      try {
        if (hello) {
          listener.hello(d);
        } else {
          listener.bye(d);
        }
      } catch (RuntimeException e) {
        LOG.warn("announcement listener failed", e);
      }
    }

    @Override
    public InetSocketAddress localAddress() {
      DatagramEndpoint e = endpoint;
      return e == null ? new InetSocketAddress(0) : e.localAddress();
    }

    @Override
    public void close() {
      DatagramEndpoint e = endpoint;
      if (e != null) {
        e.close();
      }
      listening.remove(this);
    }
  }
}
