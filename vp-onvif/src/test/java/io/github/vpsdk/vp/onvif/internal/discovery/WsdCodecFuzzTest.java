package io.github.vpsdk.vp.onvif.internal.discovery;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import javax.xml.namespace.QName;

class WsdCodecFuzzTest {
  /** Any datagram a network peer sends decodes to a value, never an exception or a hang. */
  @FuzzTest(maxDuration = "30s")
  void anyDatagramDecodes(byte[] data) {
    WsdMessage m = WsdCodec.parse(data, data.length);
    if (m == null) {
      throw new AssertionError("null");
    }
    if (m instanceof WsdMessage.Probe) {
      // whatever a probe asks, matching it never throws either
      ScopeMatcher.matches(
          (WsdMessage.Probe) m,
          List.of(new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter")),
          List.of("onvif://www.onvif.org/name/x", "onvif://www.onvif.org/location/city/a"));
    }
  }
}
