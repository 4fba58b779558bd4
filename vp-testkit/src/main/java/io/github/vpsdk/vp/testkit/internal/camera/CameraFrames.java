package io.github.vpsdk.vp.testkit.internal.camera;

import io.github.vpsdk.vp.testkit.camera.CameraProfile;

/** Access to the snapshot renderer for the RTSP stream, which draws the same picture. */
public final class CameraFrames {
  private CameraFrames() {}

  /**
   * Draws the picture of a profile now, as a baseline 4:2:0 JPEG with the standard Huffman tables
   * (what ImageIO writes by default, and what RTP/JPEG needs).
   *
   * @param state the camera
   * @param profile the profile
   * @return the JPEG
   */
  public static byte[] draw(CameraState state, CameraProfile profile) {
    return SnapshotRenderer.render(state, profile);
  }
}
