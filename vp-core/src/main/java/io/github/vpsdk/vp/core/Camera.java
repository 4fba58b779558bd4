package io.github.vpsdk.vp.core;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A camera of a site, reached over ONVIF.
 *
 * <p>Credentials are not part of the model: {@code credentialsRef} names an entry of the
 * console's own secret store, which the ONVIF module asks for when it connects. The model can
 * therefore be logged, stored and exported without leaking a password.
 *
 * @param id the camera's identifier, unique on the site
 * @param name the name shown to operators
 * @param deviceService the ONVIF device service address, such as {@code
 *     http://10.0.0.20/onvif/device_service}
 * @param credentialsRef the key of the credentials in the console's secret store, or {@code
 *     null} when the camera needs none
 * @param ptz whether the camera can pan, tilt and zoom to presets
 */
public record Camera(
    String id, String name, URI deviceService, @Nullable String credentialsRef, boolean ptz) {
  /** Validates. */
  public Camera {
    EventChecks.requireText(id, "id", 128);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(deviceService, "deviceService");
    if (!deviceService.isAbsolute()) {
      throw new IllegalArgumentException("deviceService must be an absolute URI");
    }
    if (deviceService.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "deviceService must not carry credentials; use credentialsRef");
    }
  }
}
