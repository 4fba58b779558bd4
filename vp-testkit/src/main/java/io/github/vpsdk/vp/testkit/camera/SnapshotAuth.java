package io.github.vpsdk.vp.testkit.camera;

/** How the snapshot URI of a {@link SimulatedCamera} authenticates its HTTP GET requests. */
public enum SnapshotAuth {
  /** No authentication: any request gets the image. */
  NONE,
  /** HTTP Basic (RFC 7617) only. */
  BASIC,
  /** HTTP Digest (RFC 7616, MD5 and SHA-256, {@code qop=auth}) only: most real cameras. */
  DIGEST,
  /** Both challenges are offered, Digest first; either answer is accepted. */
  DIGEST_OR_BASIC
}
