package io.github.vpsdk.vp.onvif.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class WsdCodecTest {
  static final QName NVT = new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter");
  static final QName TDS = new QName("http://www.onvif.org/ver10/device/wsdl", "Device");

  static byte[] vector(String name) throws IOException {
    try (InputStream in = WsdCodecTest.class.getResourceAsStream("/vectors/wsdiscovery/" + name)) {
      return in.readAllBytes();
    }
  }

  static WsdMessage parse(byte[] b) {
    return WsdCodec.parse(b, b.length);
  }

  static WsdMessage parse(String s) {
    return parse(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAProbeMatchWithPrefixesWhitespaceAndTwoAddresses() throws IOException {
    WsdMessage m = parse(vector("probematch-soap12.xml"));
    assertThat(m).isInstanceOf(WsdMessage.ProbeMatches.class);
    WsdMessage.ProbeMatches pm = (WsdMessage.ProbeMatches) m;
    assertThat(pm.relatesTo()).isEqualTo("urn:uuid:0a6dc791-2be6-4991-9af1-454778a1917a");
    assertThat(pm.matches()).hasSize(1);
    WsdMessage.Target t = pm.matches().get(0);
    assertThat(t.endpointReference()).isEqualTo("urn:uuid:4d454930-0000-1000-8000-bcbac2d2e4f1");
    assertThat(t.types()).containsExactly(NVT, TDS);
    assertThat(t.scopes()).hasSize(7).contains("onvif://www.onvif.org/name/HIKVISION%20DS-2CD2143G0-I");
    assertThat(t.xAddrs())
        .containsExactly("http://192.0.2.64/onvif/device_service", "http://[fd00::64]/onvif/device_service");
    assertThat(t.metadataVersion()).isEqualTo(10);
  }

  @Test
  void toleratesSoap11AndWsAddressing10() throws IOException {
    WsdMessage.ProbeMatches pm = (WsdMessage.ProbeMatches) parse(vector("probematch-soap11-wsa10.xml"));
    assertThat(pm.relatesTo()).isEqualTo("urn:uuid:0a6dc791-2be6-4991-9af1-454778a1917a");
    assertThat(pm.matches().get(0).types()).containsExactly(NVT);
    assertThat(pm.matches().get(0).xAddrs()).containsExactly("http://192.0.2.65:8000/onvif/device_service");
  }

  @Test
  void readsHelloAndBye() throws IOException {
    WsdMessage.Hello h = (WsdMessage.Hello) parse(vector("hello.xml"));
    assertThat(h.messageId()).isEqualTo("urn:uuid:2d5c3a36-0001-4000-8000-000000000003");
    assertThat(h.target().metadataVersion()).isEqualTo(2);
    WsdMessage.Bye b = (WsdMessage.Bye) parse(vector("bye.xml"));
    assertThat(b.target().endpointReference()).isEqualTo("urn:uuid:4d454930-0000-1000-8000-bcbac2d2e4f2");
    assertThat(b.target().types()).isEmpty();
  }

  @Test
  void writtenMessagesReadBack() {
    WsdMessage.Target t =
        new WsdMessage.Target(
            "urn:uuid:a&b<c>",
            List.of(NVT, TDS, new QName("urn:x", "Thing"), new QName("", "Bare")),
            List.of("onvif://www.onvif.org/name/A%20B", "http://x/\"q\""),
            List.of("http://127.0.0.1:80/onvif/device_service"),
            42);
    WsdCodec.AppSequence seq = new WsdCodec.AppSequence(7, 9);
    WsdMessage.ProbeMatches pm = (WsdMessage.ProbeMatches) parse(WsdCodec.probeMatches("urn:uuid:m", "urn:uuid:p", seq, t));
    assertThat(pm.messageId()).isEqualTo("urn:uuid:m");
    assertThat(pm.relatesTo()).isEqualTo("urn:uuid:p");
    assertThat(pm.matches()).containsExactly(t);
    assertThat(((WsdMessage.Hello) parse(WsdCodec.hello("urn:uuid:h", seq, t))).target()).isEqualTo(t);
    assertThat(((WsdMessage.Bye) parse(WsdCodec.bye("urn:uuid:b", seq, t))).target().endpointReference())
        .isEqualTo(t.endpointReference());
    WsdMessage.Probe p = (WsdMessage.Probe) parse(WsdCodec.probe("urn:uuid:p", List.of(NVT), List.of("onvif://www.onvif.org/")));
    assertThat(p.types()).containsExactly(NVT);
    assertThat(p.scopes()).containsExactly("onvif://www.onvif.org/");
    assertThat(p.matchBy()).isNull();
    WsdMessage.Probe any = (WsdMessage.Probe) parse(WsdCodec.probe("urn:uuid:q", List.of(), List.of()));
    assertThat(any.types()).isEmpty();
    assertThat(any.scopes()).isEmpty();
  }

  @Test
  void refusesDoctypesEntitiesAndDepth() {
    String ok = new String(WsdCodec.probe("urn:uuid:p", List.of(NVT), List.of()), StandardCharsets.UTF_8);
    String body = ok.substring(ok.indexOf("?>") + 2);
    assertThat(parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]>" + body))
        .isInstanceOf(WsdMessage.Malformed.class);
    assertThat(parse("<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://192.0.2.1/x.dtd\">" + body))
        .isInstanceOf(WsdMessage.Malformed.class);
    String deep = body.replace("<d:Probe>", "<d:Probe>" + "<x>".repeat(2000) + "</x>".repeat(2000));
    assertThat(parse(deep)).isInstanceOf(WsdMessage.Malformed.class);
    assertThat(parse(body)).isInstanceOf(WsdMessage.Probe.class);
  }

  @Test
  void namesWhatIsWrong() {
    assertThat(parse("<a/>")).isEqualTo(new WsdMessage.Malformed("not a SOAP envelope"));
    assertThat(parse(new byte[0])).isEqualTo(new WsdMessage.Malformed("empty datagram"));
    String env = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">%s</s:Envelope>";
    assertThat(parse(String.format(env, ""))).isEqualTo(new WsdMessage.Malformed("no SOAP body"));
    assertThat(parse(String.format(env, "<s:Body/>"))).isEqualTo(new WsdMessage.Malformed("empty SOAP body"));
    assertThat(parse(String.format(env, "<s:Body><d:Probe xmlns:d=\"" + WsdCodec.WSD + "\"/></s:Body>")))
        .isEqualTo(new WsdMessage.Malformed("no wsa:MessageID"));
    assertThat(parse(String.format(env, "<s:Body><r:Resolve xmlns:r=\"urn:other\"/></s:Body>")))
        .isEqualTo(new WsdMessage.Other(new QName("urn:other", "Resolve")));
  }

  /** Seeded mutations of valid messages: every result is a value, never an exception. */
  @Test
  void mutatedDatagramsNeverThrow() throws IOException {
    long seed = Long.getLong("vp.seed", new SplittableRandom().nextLong());
    System.out.println("WsdCodecTest.mutatedDatagramsNeverThrow seed " + seed);
    SplittableRandom r = new SplittableRandom(seed);
    List<byte[]> seeds =
        List.of(vector("probematch-soap12.xml"), vector("hello.xml"), vector("bye.xml"),
            WsdCodec.probe("urn:uuid:p", List.of(NVT), List.of("onvif://www.onvif.org/name/x")));
    int valid = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
      int edits = 1 + r.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int at = r.nextInt(b.length);
        switch (r.nextInt(3)) {
          case 0:
            b[at] = (byte) r.nextInt(256);
            break;
          case 1:
            b[at] = (byte) "<>&\"':/ xmlns=\u0000".charAt(r.nextInt(15));
            break;
          default:
            b = java.util.Arrays.copyOf(b, at + 1);
        }
      }
      WsdMessage m = parse(b);
      assertThat(m).as("seed %d try %d", seed, i).isNotNull();
      if (!(m instanceof WsdMessage.Malformed)) {
        valid++;
      }
    }
    assertThat(valid).as("some mutations stay readable (seed %d)", seed).isPositive();
  }
}
