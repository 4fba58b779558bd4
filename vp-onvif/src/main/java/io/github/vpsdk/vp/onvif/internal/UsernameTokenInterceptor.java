package io.github.vpsdk.vp.onvif.internal;

import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.phase.Phase;

/** Adds a UsernameToken dated with the camera's clock to every outgoing request. */
final class UsernameTokenInterceptor extends AbstractSoapInterceptor {
  private static final QName SECURITY = new QName(UsernameToken.WSSE, "Security");

  private final String username;
  private final String password;
  private final Supplier<Instant> cameraNow;
  private final BooleanSupplier digest;

  UsernameTokenInterceptor(
      String username, String password, Supplier<Instant> cameraNow, BooleanSupplier digest) {
    super(Phase.PRE_PROTOCOL);
    this.username = username;
    this.password = password;
    this.cameraNow = cameraNow;
    this.digest = digest;
  }

  @Override
  public void handleMessage(SoapMessage message) {
    SoapHeader header =
        new SoapHeader(
            SECURITY,
            UsernameToken.securityHeader(
                username, password, cameraNow.get(), digest.getAsBoolean()));
    header.setMustUnderstand(true);
    message.getHeaders().add(header);
  }
}
