package io.github.vpsdk.vp.onvif.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class ScopeMatcherTest {
  static final String RFC = WsdCodec.MATCH_RFC3986;

  @Test
  void rfc3986MatchesWholeSegmentsWithSchemeAndAuthorityIgnoringCase() {
    String have = "onvif://www.onvif.org/location/city/Lyon";
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/location", have)).isTrue();
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/location/", have)).isTrue();
    assertThat(ScopeMatcher.matches(RFC, "ONVIF://WWW.ONVIF.ORG/location/city", have)).isTrue();
    assertThat(ScopeMatcher.matches(RFC, have, have)).isTrue();
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/loc", have)).isFalse(); // not a whole segment
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/location/city/lyon", have)).isFalse(); // path is case-sensitive
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/location/city/Lyon/x", have)).isFalse();
    assertThat(ScopeMatcher.matches(RFC, "onvif://other.org/location", have)).isFalse();
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/location/../name", have)).isFalse();
    assertThat(ScopeMatcher.matches(RFC, "onvif://www.onvif.org/name/A%20B", "onvif://www.onvif.org/name/A%20B/x"))
        .isTrue();
    assertThat(ScopeMatcher.matches(RFC, "not a uri", have)).isFalse();
  }

  @Test
  void strcmp0IsExactAndUnknownRulesNeverMatch() {
    String have = "onvif://www.onvif.org/name/x";
    assertThat(ScopeMatcher.matches(WsdCodec.MATCH_STRCMP0, have, have)).isTrue();
    assertThat(ScopeMatcher.matches(WsdCodec.MATCH_STRCMP0, "onvif://www.onvif.org/name", have)).isFalse();
    assertThat(ScopeMatcher.matches("urn:unknown-rule", have, have)).isFalse();
  }

  @Test
  void everyProbedTypeAndScopeMustBeMatched() {
    QName nvt = new QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter");
    QName tds = new QName("http://www.onvif.org/ver10/device/wsdl", "Device");
    List<String> scopes = List.of("onvif://www.onvif.org/name/x", "onvif://www.onvif.org/Profile/S");
    assertThat(ScopeMatcher.matches(new WsdMessage.Probe("m", List.of(), List.of(), null), List.of(nvt), scopes)).isTrue();
    assertThat(ScopeMatcher.matches(new WsdMessage.Probe("m", List.of(nvt, tds), List.of(), null), List.of(nvt), scopes)).isFalse();
    assertThat(ScopeMatcher.matches(
        new WsdMessage.Probe("m", List.of(nvt), List.of("onvif://www.onvif.org/Profile", "onvif://www.onvif.org/name"), null),
        List.of(nvt, tds), scopes)).isTrue();
    assertThat(ScopeMatcher.matches(
        new WsdMessage.Probe("m", List.of(nvt), List.of("onvif://www.onvif.org/Profile/T"), null), List.of(nvt), scopes)).isFalse();
  }
}
