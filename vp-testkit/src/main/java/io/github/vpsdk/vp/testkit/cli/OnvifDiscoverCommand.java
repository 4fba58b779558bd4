package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.discovery.DeviceScopes;
import io.github.vpsdk.vp.onvif.discovery.DiscoveredDevice;
import io.github.vpsdk.vp.onvif.discovery.DiscoveryConfig;
import io.github.vpsdk.vp.onvif.discovery.OnvifDiscovery;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.xml.namespace.QName;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vp onvif discover}: WS-Discovery probe, multicast or to one address. */
@Command(
    name = "discover",
    description = {
      "Send a WS-Discovery Probe for ONVIF video transmitters, by multicast on every suitable"
          + " interface (or the --interface ones), or to one address with --probe when multicast"
          + " does not get through (routers, VPNs). Prints one JSON line per device as it answers:"
          + " uuid, endpoint, xaddrs, name, hardware, location, profiles, scopes, types,"
          + " metadataVersion, from. No credentials are needed: a probe is not authenticated."
    },
    mixinStandardHelpOptions = true)
final class OnvifDiscoverCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "3s",
      converter = OnvifSupport.DurationConverter.class,
      description = "how long to collect answers (default: ${DEFAULT-VALUE})")
  Duration timeout = Duration.ofSeconds(3);

  @Option(names = "--interface", paramLabel = "NAME", description = "send the multicast probe from this interface (repeatable; default: every suitable one)")
  List<String> interfaces = new ArrayList<>();

  @Option(names = "--probe", paramLabel = "HOST[:PORT]", description = "probe this address by unicast instead (port default 3702)")
  @Nullable String probe;

  @Override
  public Integer call() {
    CommandSpec s = Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    InetSocketAddress target = null;
    if (probe != null) {
      if (!interfaces.isEmpty()) {
        return OnvifSupport.usage(err, "discover", "--interface and --probe do not go together");
      }
      try {
        target = OnvifSupport.hostPort(probe, OnvifSupport.DISCOVERY_PORT);
      } catch (IllegalArgumentException e) {
        return OnvifSupport.usage(err, "discover", e.getMessage());
      }
    }
    List<NetworkInterface> nifs = new ArrayList<>();
    for (String name : interfaces) {
      NetworkInterface nif;
      try {
        nif = NetworkInterface.getByName(name);
      } catch (SocketException e) {
        nif = null;
      }
      if (nif == null) {
        return OnvifSupport.usage(err, "discover", "no network interface named " + name);
      }
      nifs.add(nif);
    }
    DiscoveryConfig config =
        DiscoveryConfig.create(
            b -> {
              b.timeout(timeout);
              if (!nifs.isEmpty()) {
                b.interfaces(nifs);
              }
            });
    Consumer<DiscoveredDevice> print =
        d -> {
          synchronized (out) {
            JsonLines.write(out, line(d));
          }
        };
    try (OnvifDiscovery discovery = OnvifDiscovery.create(config)) {
      if (target != null) {
        OnvifSupport.await(discovery.probe(target, print));
      } else {
        OnvifSupport.await(discovery.probe(print));
      }
    } catch (OnvifException e) {
      return OnvifSupport.fail(err, "discover", e);
    }
    return VpCli.EXIT_OK;
  }

  static Map<String, Object> line(DiscoveredDevice d) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("uuid", d.uuid().map(Object::toString).orElse(null));
    line.put("endpoint", d.endpointReference());
    List<String> xaddrs = new ArrayList<>();
    for (URI u : d.xAddrs()) {
      xaddrs.add(u.toString());
    }
    line.put("xaddrs", xaddrs);
    DeviceScopes sc = d.scopes();
    line.put("name", sc.name());
    line.put("hardware", sc.hardware());
    line.put("location", sc.locations().isEmpty() ? null : String.join(", ", sc.locations()));
    line.put("profiles", sc.profiles());
    line.put("scopes", sc.raw());
    List<String> types = new ArrayList<>();
    for (QName q : d.types()) {
      types.add(q.getLocalPart());
    }
    line.put("types", types);
    line.put("metadataVersion", d.metadataVersion());
    InetSocketAddress from = d.source();
    line.put("from", from.getHostString() + ":" + from.getPort());
    return line;
  }
}
