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

  /** Event service namespace (PullPoint subscriptions, event properties). */
  public static final String EVENTS = "http://www.onvif.org/ver10/events/wsdl";

  /** Imaging namespace (image settings, focus). */
  public static final String IMAGING = "http://www.onvif.org/ver20/imaging/wsdl";

  /** Device IO namespace (relay outputs, digital inputs); note the capital {@code IO}. */
  public static final String DEVICE_IO = "http://www.onvif.org/ver10/deviceIO/wsdl";

  /** Recording control namespace (Profile G). */
  public static final String RECORDING = "http://www.onvif.org/ver10/recording/wsdl";

  /** Recording search namespace (Profile G). */
  public static final String SEARCH = "http://www.onvif.org/ver10/search/wsdl";

  /** Replay control namespace (Profile G). */
  public static final String REPLAY = "http://www.onvif.org/ver10/replay/wsdl";

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
