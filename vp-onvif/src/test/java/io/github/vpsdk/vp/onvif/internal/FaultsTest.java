package io.github.vpsdk.vp.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.OnvifException;
import io.github.vpsdk.vp.onvif.OnvifException.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final RuntimeException CAUSE = new RuntimeException("fault");

  private static OnvifException map(String reason, String... codes) {
    return Faults.fromCodes(List.of(codes), reason, "Op", CAUSE);
  }

  @Test
  void unknownInnermostSubcodeFallsBackToItsKnownParent() {
    OnvifException e = map("Preset exists", "InvalidArgVal", "PresetExist");
    assertThat(e.kind()).isEqualTo(Kind.BAD_ARGUMENT);
    assertThat(e.faultCode()).isEqualTo("PresetExist");
    assertThat(map("x", "ActionNotSupported", "PTZNotSupported").kind()).isEqualTo(Kind.NOT_SUPPORTED);
  }

  @Test
  void mostSpecificKnownSubcodeWins() {
    // ter:InvalidArgVal / ter:NoProfile: both known, the inner one decides (same kind here)
    assertThat(map("x", "InvalidArgVal", "NoProfile").kind()).isEqualTo(Kind.BAD_ARGUMENT);
    // a known inner subcode is not overridden by its parent
    assertThat(map("x", "Action", "ActionNotSupported").kind()).isEqualTo(Kind.NOT_SUPPORTED);
  }

  @Test
  void authenticationAnywhereInTheChainIsAnAuthenticationFailure() {
    assertThat(map("x", "NotAuthorized").kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(map("x", "InvalidSecurity", "Something").kind()).isEqualTo(Kind.AUTHENTICATION);
    assertThat(map("Sender not authorized").kind()).isEqualTo(Kind.AUTHENTICATION);
  }

  @Test
  void unknownChainIsADeviceFaultAndEmptyChainUsesTheReason() {
    assertThat(map("boom", "Action", "HardwareFailure").kind()).isEqualTo(Kind.DEVICE_FAULT);
    assertThat(map("boom").faultCode()).isNull();
    assertThat(map("Optional action not implemented").kind()).isEqualTo(Kind.NOT_SUPPORTED);
    assertThat(map("boom").kind()).isEqualTo(Kind.DEVICE_FAULT);
  }

  /** WS-BaseNotification faults name themselves by the detail element, without a subcode. */
  @Test
  void aFaultWithoutSubcodeIsNamedByItsDetailElement() throws Exception {
    var doc =
        javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance()
            .newDocumentBuilder()
            .newDocument();
    for (String[] c :
        new String[][] {
          {"TopicNotSupportedFault", "NOT_SUPPORTED"},
          {"InvalidFilterFault", "BAD_ARGUMENT"},
          {"UnacceptableInitialTerminationTimeFault", "BAD_ARGUMENT"},
          {"ResourceUnknownFault", "DEVICE_FAULT"}
        }) {
      var fault =
          new org.apache.cxf.binding.soap.SoapFault(
              "refused", org.apache.cxf.binding.soap.Soap12.getInstance().getReceiver());
      var detail = doc.createElementNS("http://www.w3.org/2003/05/soap-envelope", "env:Detail");
      detail.appendChild(doc.createTextNode("\n  "));
      detail.appendChild(doc.createElementNS("http://docs.oasis-open.org/wsn/b-2", "wsnt:" + c[0]));
      fault.setDetail(detail);
      OnvifException e = Faults.map(fault, "CreatePullPointSubscription");
      assertThat(e.faultCode()).isEqualTo(c[0]);
      assertThat(e.kind()).as(c[0]).isEqualTo(Kind.valueOf(c[1]));
    }
    assertThat(Faults.detailName(null)).isNull();
  }
}
