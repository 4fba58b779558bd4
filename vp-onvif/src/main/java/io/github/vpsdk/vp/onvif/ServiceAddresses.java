package io.github.vpsdk.vp.onvif;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The services a camera offers, by ONVIF namespace, with the address vp uses for each (after
 * rewriting, see {@link OnvifConfig#rewriteServiceAddresses()}).
 *
 * @param byNamespace service address by namespace, for example {@code
 *     http://www.onvif.org/ver20/ptz/wsdl}
 * @param fromGetServices whether the list came from GetServices (false: from GetCapabilities)
 */
public record ServiceAddresses(Map<String, URI> byNamespace, boolean fromGetServices) {

  /** Device management namespace. */
  public static final String DEVICE = "http://www.onvif.org/ver10/device/wsdl";

  /** Media (version 1) namespace. */
  public static final String MEDIA = "http://www.onvif.org/ver10/media/wsdl";

  /** Media2 namespace. */
  public static final String MEDIA2 = "http://www.onvif.org/ver20/media/wsdl";

  /** PTZ namespace. */
  public static final String PTZ = "http://www.onvif.org/ver20/ptz/wsdl";

  /**
   * Checks and copies the components.
   *
   * @param byNamespace addresses by namespace
   * @param fromGetServices source of the list
   */
  public ServiceAddresses {
    byNamespace = Map.copyOf(Objects.requireNonNull(byNamespace, "byNamespace"));
  }

  /**
   * The address of a service.
   *
   * @param namespace the service namespace
   * @return the address, or empty if the camera does not offer it
   */
  public Optional<URI> address(String namespace) {
    return Optional.ofNullable(byNamespace.get(namespace));
  }
}
