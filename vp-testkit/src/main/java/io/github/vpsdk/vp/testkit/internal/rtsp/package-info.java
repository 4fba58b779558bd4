/**
 * Implementation of the simulated camera's RTSP stream: an RTSP 1.0 server (RFC 2326) on plain
 * sockets, its request parser, digest authentication, and the RTP payload format for JPEG (RFC
 * 2435) that carries the camera's drawn frames as MJPEG.
 *
 * <p>Not part of the public API: these classes may change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.internal.rtsp;

import org.jspecify.annotations.NullMarked;
