package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessages;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.PullMessagesResponse;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPoint;
import io.github.vpsdk.vp.onvif.internal.wsdl.events.SetSynchronizationPointResponse;
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
 * The subscription manager a camera serves at each PullPoint address: PullMessages and
 * SetSynchronizationPoint (ONVIF PullPointSubscription) with Renew and Unsubscribe
 * (WS-BaseNotification SubscriptionManager). The generated interfaces split these over two port
 * types while cameras answer all of them at one address, and a CXF endpoint serves one interface:
 * this one carries the four operations with the generated element names (bare style, so the
 * operation is chosen by the body element).
 */
@WebService(targetNamespace = "http://www.onvif.org/ver10/events/wsdl", name = "PullPointSubscription")
@XmlSeeAlso({
  io.github.vpsdk.vp.onvif.internal.wsdl.wsn.b2.ObjectFactory.class,
  io.github.vpsdk.vp.onvif.internal.wsdl.events.ObjectFactory.class,
  io.github.vpsdk.vp.onvif.internal.wsdl.schema.ObjectFactory.class
})
@SOAPBinding(parameterStyle = SOAPBinding.ParameterStyle.BARE)
public interface SubscriptionPort {

  /**
   * PullMessages.
   *
   * @param parameters the request
   * @return the messages
   */
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

  /**
   * SetSynchronizationPoint.
   *
   * @param parameters the request
   * @return the empty answer
   */
  @WebMethod(
      operationName = "SetSynchronizationPoint",
      action =
          "http://www.onvif.org/ver10/events/wsdl/PullPointSubscription/SetSynchronizationPointRequest")
  @WebResult(
      name = "SetSynchronizationPointResponse",
      targetNamespace = "http://www.onvif.org/ver10/events/wsdl",
      partName = "parameters")
  SetSynchronizationPointResponse setSynchronizationPoint(
      @WebParam(
              partName = "parameters",
              name = "SetSynchronizationPoint",
              targetNamespace = "http://www.onvif.org/ver10/events/wsdl")
          SetSynchronizationPoint parameters);

  /**
   * Renew.
   *
   * @param renewRequest the request
   * @return the new termination time
   */
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

  /**
   * Unsubscribe.
   *
   * @param unsubscribeRequest the request
   * @return the empty answer
   */
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
