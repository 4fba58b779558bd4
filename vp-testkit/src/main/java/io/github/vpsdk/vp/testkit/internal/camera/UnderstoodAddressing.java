package io.github.vpsdk.vp.testkit.internal.camera;

import java.util.HashSet;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Declares the WS-Addressing headers understood: clients send {@code wsa:To} and {@code
 * wsa:Action} with {@code mustUnderstand="1"} (on subscription calls especially). The simulator
 * reads none of them: operations are chosen by the body element and subscriptions by their
 * address.
 */
final class UnderstoodAddressing extends AbstractSoapInterceptor {
  static final UnderstoodAddressing INSTANCE = new UnderstoodAddressing();
  private static final Set<QName> HEADERS = headers();

  private UnderstoodAddressing() {
    super(Phase.PRE_PROTOCOL);
  }

  private static Set<QName> headers() {
    Set<QName> out = new HashSet<>();
    for (String ns :
        new String[] {"http://www.w3.org/2005/08/addressing", "http://schemas.xmlsoap.org/ws/2004/08/addressing"}) {
      for (String name : new String[] {"To", "Action", "MessageID", "ReplyTo", "From", "FaultTo", "RelatesTo"}) {
        out.add(new QName(ns, name));
      }
    }
    return Set.copyOf(out);
  }

  @Override
  public Set<QName> getUnderstoodHeaders() {
    return HEADERS;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    // nothing to do: declaring the headers understood is the point
  }
}
