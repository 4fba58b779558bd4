package io.github.vpsdk.vp.onvif;

import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessagesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Renew;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.RenewResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.Unsubscribe;
import io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.UnsubscribeResponse;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlSeeAlso;

/**
 * The subscription manager of the fake camera: PullMessages (ONVIF PullPointSubscription) and
 * Renew/Unsubscribe (WS-BaseNotification SubscriptionManager) at one address, as real cameras
 * serve them. The generated interfaces split them in two port types; a CXF endpoint serves one
 * interface, so this test interface carries the three operations with the generated
 * annotations (bare style: the operation is chosen by the body element).
 */
@WebService(targetNamespace = "http://www.onvif.org/ver10/events/wsdl", name = "PullPointSubscription")
@XmlSeeAlso({
  io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.ObjectFactory.class,
  io.github.vpsdk.vp.onvif.internal.wsdl.events.ObjectFactory.class,
  io.github.vpsdk.vp.onvif.internal.wsdl.schema.ObjectFactory.class
})
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface FakeSubscriptionPort {

  @WebMethod(
      operationName = "PullMessages",
      action = "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/PullMessagesRequest")
  @WebResult(
      name = "PullMessagesResponse",
      targetNamespace = "http://www.onvif.org/ver10/events/wsdl",
      partName = "parameters")
  PullMessagesResponse pullMessages(
      @WebParam(
              partName = "parameters",
              name = "PullMessages",
              targetNamespace = "http://www.onvif.org/ver10/events/wsdl")
          PullMessages parameters);

  @WebMethod(
      operationName = "Renew",
      action = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest")
  @WebResult(
      name = "RenewResponse",
      targetNamespace = "http://docs.oasis-open.org/wsn/b-2",
      partName = "RenewResponse")
  RenewResponse renew(
      @WebParam(
              partName = "RenewRequest",
              name = "Renew",
              targetNamespace = "http://docs.oasis-open.org/wsn/b-2")
          Renew renewRequest);

  @WebMethod(
      operationName = "Unsubscribe",
      action = "http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest")
  @WebResult(
      name = "UnsubscribeResponse",
      targetNamespace = "http://docs.oasis-open.org/wsn/b-2",
      partName = "UnsubscribeResponse")
  UnsubscribeResponse unsubscribe(
      @WebParam(
              partName = "UnsubscribeRequest",
              name = "Unsubscribe",
              targetNamespace = "http://docs.oasis-open.org/wsn/b-2")
          Unsubscribe unsubscribeRequest);
}
