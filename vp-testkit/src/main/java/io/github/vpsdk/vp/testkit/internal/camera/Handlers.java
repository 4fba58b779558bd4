package io.github.vpsdk.vp.testkit.internal.camera;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.cxf.binding.soap.SoapFault;
import org.jspecify.annotations.Nullable;

/**
 * The operations one simulated service answers, and the dynamic proxy that serves them as the
 * generated service interface (which declares far more operations than a camera implements: the
 * others answer {@code ter:ActionNotSupported}, as a real camera does). The endpoint shared by
 * all cameras ({@link CameraRuntime}) calls {@link #invoke} on the handlers of the camera that
 * received the request.
 */
final class Handlers {
  private final CameraState state;
  private final Map<String, Function<Object, Object>> byMethod = new HashMap<>();

  Handlers(CameraState state) {
    this.state = state;
  }

  /**
   * Registers an operation.
   *
   * @param method the Java method name of the generated interface, such as {@code getProfiles}
   * @param request the request type
   * @param body computes the response
   * @param <Q> the request type
   * @return this
   */
  <Q> Handlers on(String method, Class<Q> request, Function<Q, Object> body) {
    byMethod.put(method, arg -> body.apply(request.cast(arg)));
    return this;
  }

  /**
   * Answers one call of the generated interface.
   *
   * @param method the method called
   * @param args its arguments
   * @return the response
   */
  @Nullable Object invoke(Method method, Object @Nullable [] args) {
    String op = Character.toUpperCase(method.getName().charAt(0)) + method.getName().substring(1);
    state.count(op);
    Function<Object, Object> f = byMethod.get(method.getName());
    if (f == null) {
      throw SoapFaults.actionNotSupported(op);
    }
    try {
      return f.apply(args == null || args.length == 0 ? null : args[0]);
    } catch (SoapFault fault) {
      throw state.config().strictFaultStatus() ? SoapFaults.strict(fault) : fault;
    }
  }
}
