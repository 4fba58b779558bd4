package io.github.vpsdk.vp.onvif.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.cxf.jaxws.support.JaxWsServiceFactoryBean;
import org.apache.cxf.wsdl.service.factory.ReflectionServiceFactoryBean;
import org.jspecify.annotations.Nullable;

/**
 * The CXF service models of one {@code OnvifClient}, one per generated service interface, shared
 * by the proxies of all its cameras.
 *
 * <p>CXF builds a service model (the ONVIF schemas as DOM and XmlSchema objects, the operations,
 * the JAXB bindings) for every proxy it creates unless the proxy's factory is handed one already
 * built. Built per proxy, that cost about 9 MB of heap and 0.4 s per connected camera (device
 * and media services), 2.5 MB more for PTZ and 2 MB for every event subscription: hundreds of
 * cameras did not fit. Shared, a camera costs its proxies' clients and conduits only.
 *
 * <p>A shared model has one endpoint description per service: {@link SoapSession} never writes a
 * camera's address into it (each proxy keeps its address in its own request context), and
 * creates the proxies of one interface one at a time ({@link #build}).
 */
public final class ServiceModels {
  private final Map<Class<?>, Entry> models = new ConcurrentHashMap<>();

  private static final class Entry {
    @Nullable ReflectionServiceFactoryBean factory;
  }

  /** Creates an empty set of models. */
  public ServiceModels() {}

  /**
   * Runs a proxy creation for a service interface, serialised with the other creations for the
   * same interface, handing it the shared model once one was built.
   *
   * @param sei the generated service interface
   * @param creation builds the proxy with the given service factory (to pass to the proxy
   *     factory), whose model is built by the first creation and reused by the next ones
   * @param <T> the result type
   * @return what the creation returned
   */
  public <T> T build(Class<?> sei, Creation<T> creation) {
    Entry e = models.computeIfAbsent(sei, k -> new Entry());
    synchronized (e) {
      ReflectionServiceFactoryBean factory = e.factory != null ? e.factory : new Reusable();
      T result = creation.create(factory);
      if (factory.getService() != null) {
        e.factory = factory;
      }
      return result;
    }
  }

  /**
   * A service factory that keeps the service it built: CXF's client factory resets its service
   * factory (dropping the model) at the start of every creation.
   */
  private static final class Reusable extends JaxWsServiceFactoryBean {
    @Override
    public void reset() {
      if (getService() == null) {
        super.reset();
      }
    }
  }

  /**
   * How many service models were built (tests).
   *
   * @return the number of interfaces with a model
   */
  public int size() {
    return (int) models.values().stream().filter(e -> e.factory != null).count();
  }

  /**
   * A proxy creation.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface Creation<T> {
    /**
     * Creates.
     *
     * @param factory the service factory to use
     * @return the result
     */
    T create(ReflectionServiceFactoryBean factory);
  }

}
