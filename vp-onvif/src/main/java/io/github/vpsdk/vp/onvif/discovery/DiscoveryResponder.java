package io.github.vpsdk.vp.onvif.discovery;

import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.TaskScheduler;
import io.github.vpsdk.vp.onvif.internal.discovery.DatagramEndpoint;
import io.github.vpsdk.vp.onvif.internal.discovery.ScopeMatcher;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdCodec;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdMessage;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of WS-Discovery, for simulators and gateways (vp-testkit's simulated camera
 * uses it): answers Probes that match its types and scopes with a ProbeMatch, and sends Hello and
 * Bye announcements. A console does not need it to find cameras; that is {@link OnvifDiscovery}.
 *
 * <pre>{@code
 * try (DiscoveryResponder r = DiscoveryResponder.start(ResponderConfig.create(b -> b
 *     .bind(new InetSocketAddress("127.0.0.1", 0)).joinGroup(false)
 *     .scopes(List.of("onvif://www.onvif.org/name/Sim"))
 *     .xAddrs(List.of(URI.create("http://127.0.0.1:8080/onvif/device_service")))))) {
 *   r.hello();
 *   ...
 *   r.bye();
 * }
 * }</pre>
 *
 * <p>Answers always go to the source address and port of the Probe datagram, never to a {@code
 * wsa:ReplyTo} taken from the message, so that a forged Probe cannot aim the answer at a third
 * party. Thread-safe.
 */
public final class DiscoveryResponder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryResponder.class);

  private final ResponderConfig config;
  private final TaskScheduler scheduler;
  private final @Nullable ScheduledExecutorService ownedScheduler;
  private final AtomicLong messageNumber = new AtomicLong();
  private final AtomicLong probesAnswered = new AtomicLong();
  private final AtomicLong probesReceived = new AtomicLong();
  private final List<NetworkInterface> interfaces;
  private final DatagramEndpoint endpoint;
  private volatile List<String> scopes;
  private volatile List<URI> xAddrs;
  private volatile long metadataVersion;
  private volatile boolean discoverable = true;

  private DiscoveryResponder(ResponderConfig config) throws IOException {
    this.config = config;
    this.scopes = config.scopes();
    this.xAddrs = config.xAddrs();
    this.metadataVersion = config.metadataVersion();
    this.interfaces = interfaces(config);
    if (config.scheduler() == null) {
      ownedScheduler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "vp-onvif-responder-timer");
                t.setDaemon(true);
                return t;
              });
      scheduler = TaskScheduler.of(ownedScheduler);
    } else {
      ownedScheduler = null;
      scheduler = config.scheduler();
    }
    DatagramEndpoint ep;
    try {
      ep =
          DatagramEndpoint.open(
              config.bind(),
              true,
              interfaces.isEmpty() ? null : interfaces.get(0),
              1,
              config.maxDatagramBytes(),
              this::received);
    } catch (IOException | RuntimeException e) {
      if (ownedScheduler != null) {
        ownedScheduler.shutdownNow();
      }
      throw e;
    }
    this.endpoint = ep;
    if (config.joinGroup()) {
      for (NetworkInterface nif : interfaces) {
        try {
          endpoint.join(config.group().getAddress(), nif);
        } catch (IOException | RuntimeException e) {
          LOG.debug("cannot join {} on {}: {}", config.group(), nif.getName(), e.toString());
        }
      }
    }
  }

  /**
   * Binds the socket, joins the group and starts answering Probes. Sends no Hello: call {@link
   * #hello()}.
   *
   * @param config the settings
   * @return the running responder
   * @throws OnvifException ({@code UNREACHABLE}) if the socket cannot be bound
   */
  public static DiscoveryResponder start(ResponderConfig config) {
    Objects.requireNonNull(config, "config");
    try {
      return new DiscoveryResponder(config);
    } catch (IOException | RuntimeException e) {
      throw new OnvifException(
          OnvifException.Kind.UNREACHABLE, "cannot bind " + config.bind(), null, e);
    }
  }

  /**
   * The bound address (its port, when bound to port 0).
   *
   * @return the address
   */
  public InetSocketAddress localAddress() {
    return endpoint.localAddress();
  }

  /**
   * The endpoint reference this responder answers with.
   *
   * @return the endpoint reference
   */
  public String endpointReference() {
    return config.endpointReference();
  }

  /**
   * The current metadata version.
   *
   * @return the version
   */
  public long metadataVersion() {
    return metadataVersion;
  }

  /**
   * How many well-formed Probes have been read, answered or not.
   *
   * @return the count
   */
  public long probesReceived() {
    return probesReceived.get();
  }

  /**
   * How many Probes have been answered.
   *
   * @return the count
   */
  public long probesAnswered() {
    return probesAnswered.get();
  }

  /**
   * Sets the ONVIF discovery mode: a non-discoverable device answers no Probe and sends no Hello.
   *
   * @param value false for {@code NonDiscoverable}
   */
  public void discoverable(boolean value) {
    this.discoverable = value;
  }

  /**
   * Changes the scopes and addresses, increments the metadata version and announces the change
   * with a Hello (as ONVIF Core asks when scopes change).
   *
   * @param newScopes the scopes
   * @param newXAddrs the device service addresses
   */
  public synchronized void update(List<String> newScopes, List<URI> newXAddrs) {
    this.scopes = List.copyOf(newScopes);
    this.xAddrs = List.copyOf(newXAddrs);
    this.metadataVersion++;
    hello();
  }

  /** Announces the device (Hello) to the group, or to {@link ResponderConfig#announceTo()}. */
  public void hello() {
    if (!discoverable) {
      return;
    }
    announce(WsdCodec.hello(WsdCodec.newMessageId(), sequence(), target()));
  }

  /** Announces that the device leaves (Bye). */
  public void bye() {
    announce(WsdCodec.bye(WsdCodec.newMessageId(), sequence(), target()));
  }

  /** Stops answering and closes the socket (without a Bye). */
  @Override
  public void close() {
    endpoint.close();
    if (ownedScheduler != null) {
      ownedScheduler.shutdownNow();
    }
  }

  private void announce(byte[] message) {
    InetSocketAddress to = config.announceTo();
    if (to != null) {
      endpoint.send(message, to);
      return;
    }
    if (interfaces.isEmpty()) {
      endpoint.send(message, config.group());
      return;
    }
    for (NetworkInterface nif : interfaces) {
      endpoint.send(message, config.group(), nif);
    }
  }

  private WsdMessage.Target target() {
    List<String> x = new ArrayList<>();
    for (URI u : xAddrs) {
      x.add(u.toString());
    }
    return new WsdMessage.Target(
        config.endpointReference(), config.types(), scopes, x, metadataVersion);
  }

  private WsdCodec.AppSequence sequence() {
    return new WsdCodec.AppSequence(config.instanceId(), messageNumber.incrementAndGet());
  }

  private void received(byte[] data, InetSocketAddress from) {
    WsdMessage m = WsdCodec.parse(data, data.length);
    if (!(m instanceof WsdMessage.Probe)) {
      LOG.debug("ignoring {} from {}", OnvifDiscovery.describe(m), from);
      return;
    }
    WsdMessage.Probe probe = (WsdMessage.Probe) m;
    probesReceived.incrementAndGet();
    if (!discoverable || !ScopeMatcher.matches(probe, config.types(), scopes)) {
      return;
    }
    Runnable answer =
        () -> {
          byte[] reply =
              WsdCodec.probeMatches(
                  WsdCodec.newMessageId(), probe.messageId(), sequence(), target());
          if (endpoint.send(reply, from)) {
            probesAnswered.incrementAndGet();
          }
        };
    long maxMs = config.maxResponseDelay().toMillis();
    if (maxMs <= 0) {
      answer.run();
    } else {
      scheduler.schedule(
          Duration.ofMillis(ThreadLocalRandom.current().nextLong(maxMs + 1)), answer);
    }
  }

  private static List<NetworkInterface> interfaces(ResponderConfig config) throws SocketException {
    if (!config.interfaces().isEmpty()) {
      return config.interfaces();
    }
    if (!config.joinGroup() && config.announceTo() != null) {
      return List.of();
    }
    List<NetworkInterface> out = new ArrayList<>();
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nif.isUp() && !nif.isLoopback() && nif.supportsMulticast() && hasIpv4(nif)) {
        out.add(nif);
      }
    }
    return out;
  }

  private static boolean hasIpv4(NetworkInterface nif) {
    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
      if (a instanceof Inet4Address) {
        return true;
      }
    }
    return false;
  }
}
