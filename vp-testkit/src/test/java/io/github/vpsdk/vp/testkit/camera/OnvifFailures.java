package io.github.vpsdk.vp.testkit.camera;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.onvif.OnvifException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The failure of an ONVIF call, for the camera tests. */
final class OnvifFailures {
  private OnvifFailures() {}

  /**
   * Waits for a call that must fail and returns its {@link OnvifException}.
   *
   * @param f the call's future
   * @return the exception it failed with
   * @throws AssertionError if the call succeeded or failed with something else
   */
  static OnvifException failure(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(OnvifException.class);
      return (OnvifException) e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}
