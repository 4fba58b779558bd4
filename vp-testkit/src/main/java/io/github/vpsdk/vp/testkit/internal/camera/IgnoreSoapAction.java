package io.github.vpsdk.vp.testkit.internal.camera;

import java.util.List;
import java.util.Map;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Drops the SOAP action (the {@code action} parameter of the SOAP 1.2 Content-Type and any
 * {@code SOAPAction} header) so that operations are chosen by the body element, as cameras do.
 * CXF otherwise refuses an action that differs from the WSDL's, and the official media.wsdl
 * declares {@code .../ver10/media/wsdlGetVideoSources/} where clients send {@code
 * .../ver10/media/wsdl/GetVideoSources} (the npm {@code onvif} client does).
 */
final class IgnoreSoapAction extends AbstractPhaseInterceptor<Message> {
  IgnoreSoapAction() {
    super(Phase.RECEIVE);
  }

  @Override
  public void handleMessage(Message message) {
    Object ct = message.get(Message.CONTENT_TYPE);
    if (ct instanceof String) {
      message.put(Message.CONTENT_TYPE, ((String) ct).replaceAll("(?i);\\s*action=(\"[^\"]*\"|[^;]*)", ""));
    }
    Object headers = message.get(Message.PROTOCOL_HEADERS);
    if (headers instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, List<String>> h = (Map<String, List<String>>) headers;
      h.keySet().removeIf(k -> k.equalsIgnoreCase("SOAPAction"));
    }
  }
}
