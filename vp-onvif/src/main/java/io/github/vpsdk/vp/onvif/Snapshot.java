package io.github.vpsdk.vp.onvif;

import java.util.Arrays;
import java.util.Objects;

/**
 * A still image fetched from a camera's snapshot URI.
 *
 * @param bytes the image bytes (a copy is kept and returned)
 * @param contentType the media type, {@code image/jpeg} when the body is a JPEG even if the camera
 *     labelled it otherwise
 */
public record Snapshot(byte[] bytes, String contentType) {

  /**
   * Checks and copies the components.
   *
   * @param bytes image bytes
   * @param contentType media type
   */
  public Snapshot {
    bytes = bytes.clone();
    Objects.requireNonNull(contentType, "contentType");
  }

  /**
   * A copy of the image bytes.
   *
   * @return the bytes
   */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The image size.
   *
   * @return the number of bytes
   */
  public int size() {
    return bytes.length;
  }

  /**
   * Whether the bytes start with the JPEG start-of-image marker.
   *
   * @return true for a JPEG
   */
  public boolean isJpeg() {
    return bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Snapshot
        && Arrays.equals(bytes, ((Snapshot) o).bytes)
        && contentType.equals(((Snapshot) o).contentType);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + contentType.hashCode();
  }

  @Override
  public String toString() {
    return "Snapshot[" + bytes.length + " bytes, " + contentType + "]";
  }
}
