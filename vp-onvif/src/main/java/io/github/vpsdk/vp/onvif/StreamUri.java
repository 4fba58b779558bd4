package io.github.vpsdk.vp.onvif;

import java.net.URI;
import java.util.Objects;

/**
 * Where to pull a profile's live stream (RTSP). The URI never carries credentials: give them to
 * the RTSP client separately.
 *
 * @param uri the stream URI
 * @param profileToken the profile it belongs to
 */
public record StreamUri(URI uri, String profileToken) {

  /**
   * Checks the components.
   *
   * @param uri the stream URI
   * @param profileToken the profile token
   */
  public StreamUri {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(profileToken, "profileToken");
  }
}
