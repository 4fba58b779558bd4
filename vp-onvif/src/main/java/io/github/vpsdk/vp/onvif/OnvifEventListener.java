package io.github.vpsdk.vp.onvif;

/**
 * Receives what an {@link OnvifEventStream} pulls and what happens to its subscription. Methods
 * run on the client's executor, one at a time per stream, in order; they should return quickly.
 * An exception thrown by a method is logged and ignored.
 */
@FunctionalInterface
public interface OnvifEventListener {

  /**
   * A notification arrived.
   *
   * @param event the event
   */
  void onEvent(CameraEvent event);

  /**
   * A subscription was created: at start, and again after each loss. The camera then sends the
   * current state of its properties as {@link CameraEvent.Operation#INITIALIZED} events.
   *
   * @param subscription the new subscription
   */
  default void onSubscribed(PullPointSubscription subscription) {}

  /**
   * The camera no longer knows the subscription (it rebooted, or answered a pull or renew with a
   * fault): the stream subscribes again.
   *
   * @param cause what the camera answered
   */
  default void onSubscriptionLost(OnvifException cause) {}

  /**
   * A call failed (camera unreachable, timeout, refused subscription); the stream retries after a
   * back-off.
   *
   * @param error the failure
   */
  default void onError(OnvifException error) {}
}
