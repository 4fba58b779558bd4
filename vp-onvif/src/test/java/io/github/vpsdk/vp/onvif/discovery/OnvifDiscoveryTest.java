package io.github.vpsdk.vp.onvif.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.vpsdk.vp.onvif.ManualScheduler;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdCodec;
import io.github.vpsdk.vp.onvif.internal.discovery.WsdMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** WS-Discovery client and responder talking over 127.0.0.1, with time driven by hand. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OnvifDiscoveryTest {
  static final InetAddress LO = InetAddress.getLoopbackAddress();
  static final String EPR = "urn:uuid:5f5a69c2-e0ae-504f-829b-00408c9d4b21";
  static final List<String> SCOPES =
      List.of(
          "onvif://www.onvif.org/type/video_encoder",
          "onvif://www.onvif.org/Profile/Streaming",
          "onvif://www.onvif.org/Profile/T",
          "onvif://www.onvif.org/name/Hall%20Dome%20%C3%A9t%C3%A9",
          "onvif://www.onvif.org/hardware/P3245-LVE",
          "onvif://www.onvif.org/location/country/france",
          "onvif://www.onvif.org/location/city/Lyon",
          "http://vendor.example/extra");

  final ManualScheduler time = new ManualScheduler(Instant.parse("2026-11-23T06:00:00Z"));
  final List<AutoCloseable> closeMe = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    Collections.reverse(closeMe);
    for (AutoCloseable c : closeMe) {
      c.close();
    }
  }

  DiscoveryResponder responder(java.util.function.Consumer<ResponderConfig.Builder> more) {
    DiscoveryResponder r =
        DiscoveryResponder.start(
            ResponderConfig.create(
                b -> {
                  b.endpointReference(EPR)
                      .bind(new InetSocketAddress(LO, 0))
                      .joinGroup(false)
                      .maxResponseDelay(Duration.ZERO)
                      .scopes(SCOPES)
                      .xAddrs(
                          List.of(
                              URI.create("http://127.0.0.1:8080/onvif/device_service"),
                              URI.create("http://[fe80::1]/onvif/device_service")));
                  more.accept(b);
                }));
    closeMe.add(r);
    return r;
  }

  OnvifDiscovery discovery(java.util.function.Consumer<DiscoveryConfig.Builder> more) {
    OnvifDiscovery d =
        OnvifDiscovery.create(
            DiscoveryConfig.create(
                b -> {
                  b.scheduler(time).timeout(Duration.ofSeconds(3));
                  more.accept(b);
                }));
    closeMe.add(d);
    return d;
  }

  @Test
  void unicastProbeFindsTheResponderOnceDespiteRepeats() {
    DiscoveryResponder r = responder(b -> {});
    OnvifDiscovery d = discovery(b -> b.repeats(2));
    List<DiscoveredDevice> streamed = new CopyOnWriteArrayList<>();

    CompletableFuture<List<DiscoveredDevice>> result = d.probe(r.localAddress(), streamed::add);

    await().atMost(Duration.ofSeconds(10)).until(() -> streamed.size() == 1);
    assertThat(result).isNotDone(); // collects until the timeout
    // the two repeats leave after 50-250 ms then twice that (capped at 500 ms)
    List<Duration> delays = time.requestedDelays();
    assertThat(delays).hasSize(3);
    long first = delays.get(0).toMillis();
    assertThat(first).isBetween(50L, 250L);
    assertThat(delays.get(1).toMillis()).isEqualTo(first + Math.min(2 * first, 500));
    assertThat(delays.get(2)).isEqualTo(Duration.ofSeconds(3));
    time.advance(Duration.ofMillis(1000));
    await().atMost(Duration.ofSeconds(10)).until(() -> r.probesAnswered() == 3);

    time.advance(Duration.ofSeconds(2));
    List<DiscoveredDevice> found = result.join();
    assertThat(found).hasSize(1).isEqualTo(streamed);
    DiscoveredDevice dev = found.get(0);
    assertThat(dev.endpointReference()).isEqualTo(EPR);
    assertThat(dev.uuid()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo(EPR.substring(9)));
    assertThat(dev.types())
        .containsExactly(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER, DiscoveredDevice.DEVICE);
    assertThat(dev.hasType(new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter")))
        .isTrue();
    assertThat(dev.xAddrs()).hasSize(2);
    assertThat(dev.deviceServiceAddress())
        .contains(URI.create("http://127.0.0.1:8080/onvif/device_service"));
    assertThat(dev.scopes().raw()).isEqualTo(SCOPES);
    assertThat(dev.scopes().name()).isEqualTo("Hall Dome été");
    assertThat(dev.scopes().hardware()).isEqualTo("P3245-LVE");
    assertThat(dev.scopes().locations()).containsExactly("country/france", "city/Lyon");
    assertThat(dev.scopes().profiles()).containsExactly("Streaming", "T");
    assertThat(dev.metadataVersion()).isEqualTo(1);
    assertThat(dev.source()).isEqualTo(r.localAddress());
    assertThat(time.pending()).isZero();
  }

  @Test
  void probesForOtherTypesOrScopesGetNoAnswer() {
    DiscoveryResponder r = responder(b -> {});
    OnvifDiscovery otherType =
        discovery(b -> b.repeats(0).types(List.of(new QName("urn:example", "Printer"))));
    OnvifDiscovery otherScope =
        discovery(b -> b.repeats(0).scopes(List.of("onvif://www.onvif.org/location/city/Paris")));
    OnvifDiscovery scopePrefix =
        discovery(
            b -> b.repeats(0).types(List.of()).scopes(List.of("ONVIF://www.onvif.org/location/")));

    var none1 = otherType.probe(r.localAddress(), x -> {});
    var none2 = otherScope.probe(r.localAddress(), x -> {});
    var one = scopePrefix.probe(r.localAddress(), x -> {});
    await().atMost(Duration.ofSeconds(10)).until(() -> r.probesReceived() == 3);
    assertThat(r.probesAnswered()).isEqualTo(1);
    time.advance(Duration.ofSeconds(3));
    assertThat(none1.join()).isEmpty();
    assertThat(none2.join()).isEmpty();
    assertThat(one.join()).extracting(DiscoveredDevice::endpointReference).containsExactly(EPR);
  }

  @Test
  void nonDiscoverableDeviceStaysSilent() {
    DiscoveryResponder r = responder(b -> {});
    r.discoverable(false);
    OnvifDiscovery d = discovery(b -> b.repeats(0));
    var silent = d.probe(r.localAddress(), x -> {});
    await().atMost(Duration.ofSeconds(10)).until(() -> r.probesReceived() == 1);
    r.discoverable(true);
    var heard = d.probe(r.localAddress(), x -> {});
    await().atMost(Duration.ofSeconds(10)).until(() -> r.probesAnswered() == 1);
    time.advance(Duration.ofSeconds(3));
    assertThat(silent.join()).isEmpty();
    assertThat(heard.join()).hasSize(1);
  }

  /** A fake device that answers a probe with hostile datagrams, then a valid match. */
  @Test
  void hostileAnswersAreDroppedAndTheValidOneKept() throws Exception {
    DatagramChannel fake = DatagramChannel.open().bind(new InetSocketAddress(LO, 0));
    closeMe.add(fake);
    OnvifDiscovery d = discovery(b -> b.repeats(0).maxDatagramBytes(4096));
    List<DiscoveredDevice> streamed = new CopyOnWriteArrayList<>();
    var result = d.probe((InetSocketAddress) fake.getLocalAddress(), streamed::add);

    ByteBuffer buf = ByteBuffer.allocate(65_536);
    InetSocketAddress client = (InetSocketAddress) fake.receive(buf);
    WsdMessage.Probe probe =
        (WsdMessage.Probe) WsdCodec.parse(buf.array(), buf.position());
    assertThat(probe.types()).containsExactly(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER);
    String id = probe.messageId();

    List<byte[]> hostile = new ArrayList<>();
    hostile.add(new byte[0]);
    hostile.add("not xml at all".getBytes(StandardCharsets.UTF_8));
    hostile.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x3c});
    hostile.add(match(id, "urn:uuid:billion", "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>")
        .replace("urn:uuid:billion", "&b;").getBytes(StandardCharsets.UTF_8));
    hostile.add(match(id, "urn:uuid:xxe", "").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        .replace("urn:uuid:xxe", "&x;").getBytes(StandardCharsets.UTF_8));
    hostile.add(match("urn:uuid:someone-else", "urn:uuid:wrong-relates-to", "").getBytes(StandardCharsets.UTF_8));
    hostile.add(match(id, "urn:uuid:oversized", "x".repeat(5000)).getBytes(StandardCharsets.UTF_8));
    hostile.add(match(id, "", "").getBytes(StandardCharsets.UTF_8)); // no endpoint reference
    hostile.add(match(id, "urn:uuid:deep", "").replace("<d:MetadataVersion>",
        "<x>".repeat(5000) + "</x>".repeat(5000) + "<d:MetadataVersion>").getBytes(StandardCharsets.UTF_8));
    hostile.add(match(id, "urn:uuid:undeclared", "").replace("dn:NetworkVideoTransmitter", "zz:Cam")
        .getBytes(StandardCharsets.UTF_8));
    hostile.add(match(id, "urn:uuid:many", "").replace("<d:XAddrs>", "<d:XAddrs>" + "http://a/ ".repeat(200))
        .getBytes(StandardCharsets.UTF_8));
    for (byte[] h : hostile) {
      fake.send(ByteBuffer.wrap(h), client);
    }
    fake.send(ByteBuffer.wrap(match(id, EPR, "").getBytes(StandardCharsets.UTF_8)), client);
    fake.send(ByteBuffer.wrap(match(id, EPR, "").getBytes(StandardCharsets.UTF_8)), client); // duplicate

    await().atMost(Duration.ofSeconds(10)).until(() -> !streamed.isEmpty());
    time.advance(Duration.ofSeconds(3));
    assertThat(result.join()).extracting(DiscoveredDevice::endpointReference).containsExactly(EPR);
    assertThat(streamed).hasSize(1);
    assertThat(streamed.get(0).xAddrs()).containsExactly(URI.create("http://192.0.2.7/onvif/device_service"));
  }

  @Test
  void responderSurvivesGarbageAndAnswersOnlyTheSourceOfTheProbe() throws Exception {
    DiscoveryResponder r = responder(b -> b.maxDatagramBytes(1024));
    try (DatagramChannel attacker = DatagramChannel.open().bind(new InetSocketAddress(LO, 0));
        DatagramChannel victim = DatagramChannel.open().bind(new InetSocketAddress(LO, 0))) {
      String probe =
          new String(
              WsdCodec.probe("urn:uuid:p1", List.of(DiscoveredDevice.NETWORK_VIDEO_TRANSMITTER), List.of()),
              StandardCharsets.UTF_8);
      // a ReplyTo pointing at a third party is ignored: the answer goes to the datagram's source
      String forged =
          probe.replace(
              WsdCodec.ANONYMOUS, "soap.udp://127.0.0.1:" + ((InetSocketAddress) victim.getLocalAddress()).getPort());
      for (String junk : List.of("", "<", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/hostname\">]><a>&e;</a>",
          probe.replace("urn:uuid:p1", ""), probe + "x".repeat(2000), forged)) {
        attacker.send(ByteBuffer.wrap(junk.getBytes(StandardCharsets.UTF_8)), r.localAddress());
      }
      ByteBuffer buf = ByteBuffer.allocate(65_536);
      attacker.receive(buf); // blocking: the answer to the forged probe
      WsdMessage.ProbeMatches pm = (WsdMessage.ProbeMatches) WsdCodec.parse(buf.array(), buf.position());
      assertThat(pm.relatesTo()).isEqualTo("urn:uuid:p1");
      assertThat(pm.matches()).extracting(WsdMessage.Target::endpointReference).containsExactly(EPR);
      assertThat(r.probesReceived()).isEqualTo(1);
      victim.configureBlocking(false);
      assertThat(victim.receive(ByteBuffer.allocate(16))).isNull();
    }
  }

  static String match(String relatesTo, String epr, String padding) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
        + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
        + " xmlns:d=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\""
        + " xmlns:dn=\"http://www.onvif.org/ver10/network/wsdl\">"
        + "<s:Header><a:MessageID>urn:uuid:" + java.util.UUID.randomUUID() + "</a:MessageID>"
        + "<a:RelatesTo>" + relatesTo + "</a:RelatesTo>"
        + "<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
        + "<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action>"
        + "<d:AppSequence InstanceId=\"1\" MessageNumber=\"2\"/></s:Header>"
        + "<s:Body><d:ProbeMatches><d:ProbeMatch>"
        + "<a:EndpointReference><a:Address>" + epr + "</a:Address></a:EndpointReference>"
        + "<d:Types>dn:NetworkVideoTransmitter</d:Types>"
        + "<d:Scopes>onvif://www.onvif.org/name/Fake" + padding + "</d:Scopes>"
        + "<d:XAddrs>http://192.0.2.7/onvif/device_service not%a%uri</d:XAddrs>"
        + "<d:MetadataVersion>3</d:MetadataVersion>"
        + "</d:ProbeMatch></d:ProbeMatches></s:Body></s:Envelope>";
  }

  @Test
  void helloAndByeReachAListenerOnceEach() throws Exception {
    OnvifDiscovery d = discovery(b -> b.interfaces(List.of()));
    List<String> heard = new CopyOnWriteArrayList<>();
    OnvifDiscovery.Subscription sub =
        d.listen(
            new InetSocketAddress(LO, 0),
            new AnnouncementListener() {
              @Override
              public void hello(DiscoveredDevice device) {
                heard.add("hello " + device.endpointReference() + " v" + device.metadataVersion()
                    + " " + device.scopes().name() + " " + device.deviceServiceAddress().orElse(null));
              }

              @Override
              public void bye(DiscoveredDevice device) {
                heard.add("bye " + device.endpointReference());
              }
            });
    closeMe.add(sub);
    DiscoveryResponder r = responder(b -> b.announceTo(sub.localAddress()));

    r.hello();
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
    r.update(
        List.of("onvif://www.onvif.org/name/Renamed"),
        List.of(URI.create("http://127.0.0.1:9090/onvif/device_service")));
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 2);
    // the same Hello datagram twice (a SOAP-over-UDP repeat) is reported once
    byte[] hello =
        WsdCodec.hello(
            "urn:uuid:00000000-0000-0000-0000-000000000001",
            new WsdCodec.AppSequence(1, 1),
            new WsdMessage.Target("urn:uuid:other", List.of(), List.of(), List.of(), 1));
    try (DatagramChannel raw = DatagramChannel.open()) {
      raw.send(ByteBuffer.wrap(hello), sub.localAddress());
      raw.send(ByteBuffer.wrap(hello), sub.localAddress());
      raw.send(ByteBuffer.wrap("<junk/>".getBytes(StandardCharsets.UTF_8)), sub.localAddress());
    }
    r.bye();
    await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 4);
    assertThat(heard)
        .containsExactly(
            "hello " + EPR + " v1 Hall Dome été http://127.0.0.1:8080/onvif/device_service",
            "hello " + EPR + " v2 Renamed http://127.0.0.1:9090/onvif/device_service",
            "hello urn:uuid:other v1 null null",
            "bye " + EPR);
  }

  /**
   * The real multicast path: a probe sent to a group on the loopback interface, answered by a
   * responder that joined the group there. Containers often give "lo" no MULTICAST flag, or no
   * route for multicast: the test checks that a datagram sent to the group comes back, and is
   * skipped (with the reason) when it does not.
   */
  @Test
  void multicastProbeOnLoopbackWhenTheHostAllowsIt() throws Exception {
    java.net.NetworkInterface lo = java.net.NetworkInterface.getByInetAddress(LO);
    org.junit.jupiter.api.Assumptions.assumeTrue(
        lo != null && lo.supportsMulticast(), "the loopback interface has no MULTICAST flag here");
    int port;
    try (DatagramChannel probePort = DatagramChannel.open().bind(new InetSocketAddress(LO, 0))) {
      port = ((InetSocketAddress) probePort.getLocalAddress()).getPort();
    }
    InetSocketAddress group = new InetSocketAddress("239.255.255.250", port);
    boolean works;
    try (DatagramChannel rx = DatagramChannel.open(java.net.StandardProtocolFamily.INET)
            .setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true)
            .bind(new InetSocketAddress(port));
        DatagramChannel tx = DatagramChannel.open(java.net.StandardProtocolFamily.INET)
            .setOption(java.net.StandardSocketOptions.IP_MULTICAST_IF, lo)) {
      rx.join(group.getAddress(), lo);
      rx.configureBlocking(false);
      tx.send(ByteBuffer.wrap(new byte[] {1}), group);
      long until = System.nanoTime() + 2_000_000_000L;
      SocketAddressHolder got = new SocketAddressHolder();
      await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
          .until(() -> got.set(rx.receive(ByteBuffer.allocate(16))) || System.nanoTime() > until);
      works = got.value != null;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(works, "multicast on the loopback interface does not loop back here");

    DiscoveryResponder r =
        responder(b -> b.bind(new InetSocketAddress(port)).joinGroup(true).interfaces(List.of(lo)).group(group));
    OnvifDiscovery d = discovery(b -> b.repeats(1).interfaces(List.of(lo)).group(group));
    List<DiscoveredDevice> streamed = new CopyOnWriteArrayList<>();
    var result = d.probe(streamed::add);
    await().atMost(Duration.ofSeconds(10)).until(() -> streamed.size() == 1);
    time.advance(Duration.ofSeconds(3));
    assertThat(result.join()).extracting(DiscoveredDevice::endpointReference).containsExactly(EPR);
    assertThat(r.probesReceived()).isPositive();
  }

  static final class SocketAddressHolder {
    volatile java.net.SocketAddress value;

    boolean set(java.net.SocketAddress a) {
      if (a != null) {
        value = a;
      }
      return value != null;
    }
  }

  @Test
  void closingCompletesRunningProbesWithWhatTheyFound() {
    DiscoveryResponder r = responder(b -> {});
    OnvifDiscovery d = discovery(b -> b.repeats(0));
    List<DiscoveredDevice> streamed = new CopyOnWriteArrayList<>();
    var result = d.probe(r.localAddress(), streamed::add);
    await().atMost(Duration.ofSeconds(10)).until(() -> streamed.size() == 1);
    d.close();
    assertThat(result.join()).hasSize(1);
    assertThat(d.probe(r.localAddress(), x -> {}).join()).isEmpty();
  }
}
