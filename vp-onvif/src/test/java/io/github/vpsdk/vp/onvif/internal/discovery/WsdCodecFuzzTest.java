package io.github.vpsdk.vp.onvif.internal.discovery;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.onvif.discovery.DeviceScopes;
import java.util.List;
import javax.xml.namespace.QName;

class WsdCodecFuzzTest {
  /**
   * Any datagram a network peer sends decodes to a value, never an exception or a hang; what
   * comes out (scopes, probe rules) is then used without throwing either.
   */
  @FuzzTest(maxDuration = "30s")
  void anyDatagramDecodes(byte[] data) {
    WsdMessage m = WsdCodec.parse(data, data.length);
    if (m == null) {
      throw new AssertionError("null");
    }
    if (m instanceof WsdMessage.Probe) {
      ScopeMatcher.matches(
          (WsdMessage.Probe) m,
          List.of(new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter")),
          List.of("onvif://www.onvif.org/name/x", "onvif://www.onvif.org/location/city/a"));
    } else if (m instanceof WsdMessage.ProbeMatches) {
      for (WsdMessage.Target t : ((WsdMessage.ProbeMatches) m).matches()) {
        DeviceScopes.parse(t.scopes());
      }
    } else if (m instanceof WsdMessage.Hello) {
      DeviceScopes.parse(((WsdMessage.Hello) m).target().scopes());
    }
  }
}
