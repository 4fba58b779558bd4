package io.github.vpsdk.vp.testkit.internal.camera;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * The operations one simulated service answers, and the dynamic proxy that serves them as the
 * generated service interface (which declares far more operations than a camera implements: the
 * others answer {@code ter:ActionNotSupported}, as a real camera does).
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

  <T> T proxy(Class<T> sei) {
    InvocationHandler h =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            switch (method.getName()) {
              case "hashCode":
                return System.identityHashCode(proxy);
              case "equals":
                return proxy == args[0];
              default:
                return "Simulated" + sei.getSimpleName() + "[" + state.config().name() + "]";
            }
          }
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
        };
    return sei.cast(Proxy.newProxyInstance(sei.getClassLoader(), new Class<?>[] {sei}, h));
  }
}
