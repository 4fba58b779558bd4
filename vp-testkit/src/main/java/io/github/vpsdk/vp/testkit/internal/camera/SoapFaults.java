package io.github.vpsdk.vp.testkit.internal.camera;

import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;

/** SOAP 1.2 faults shaped as ONVIF devices send them (ONVIF Core, 5.11.2 and its fault table). */
public final class SoapFaults {
  /** Namespace of ONVIF fault subcodes. */
  public static final String TER = "http://www.onvif.org/ver10/error";

  private SoapFaults() {}

  /**
   * Sets HTTP 400 on a Sender fault, as SOAP 1.2 Part 2 (7.5.2.2) asks; CXF answers every fault
   * with 500 otherwise, as many cameras do.
   *
   * @param fault the fault
   * @return the fault
   */
  public static SoapFault strict(SoapFault fault) {
    if (Soap12.getInstance().getSender().equals(fault.getFaultCode())) {
      fault.setStatusCode(400);
    }
    return fault;
  }

  /**
   * {@code env:Sender / ter:NotAuthorized}: a missing or wrong UsernameToken.
   *
   * @return the fault
   */
  public static SoapFault notAuthorized() {
    SoapFault f = new SoapFault("Sender not Authorized", Soap12.getInstance().getSender());
    f.addSubCode(new QName(TER, "NotAuthorized"));
    return f;
  }

  /**
   * {@code env:Sender / ter:InvalidArgVal / ter:<detail>}: an argument the device
   * refuses, such as an unknown profile token ({@code NoProfile}).
   *
   * @param detail the second-level subcode, for example {@code NoProfile}
   * @param text the reason text
   * @return the fault
   */
  public static SoapFault invalidArg(String detail, String text) {
    SoapFault f = new SoapFault(text, Soap12.getInstance().getSender());
    f.addSubCode(new QName(TER, "InvalidArgVal"));
    f.addSubCode(new QName(TER, detail));
    return f;
  }

  /**
   * {@code env:Receiver / ter:Action / ter:<detail>}, HTTP 500: the device cannot do it now, such
   * as storing a preset when full ({@code TooManyPresets}).
   *
   * @param detail the second-level subcode
   * @param text the reason text
   * @return the fault
   */
  public static SoapFault action(String detail, String text) {
    SoapFault f = new SoapFault(text, Soap12.getInstance().getReceiver());
    f.addSubCode(new QName(TER, "Action"));
    f.addSubCode(new QName(TER, detail));
    return f;
  }

  /**
   * {@code env:Receiver / ter:ActionNotSupported}, HTTP 500: an operation the simulator does not
   * implement.
   *
   * @param operation the operation name
   * @return the fault
   */
  public static SoapFault actionNotSupported(String operation) {
    SoapFault f =
        new SoapFault("Optional Action Not Implemented: " + operation, Soap12.getInstance().getReceiver());
    f.addSubCode(new QName(TER, "ActionNotSupported"));
    return f;
  }
}
