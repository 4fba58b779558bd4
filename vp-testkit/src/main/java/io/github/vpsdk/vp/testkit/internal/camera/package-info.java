/**
 * Implementation of the simulated ONVIF camera: each camera's embedded Jetty server, the CXF
 * endpoints, bus, threads and selector shared by all cameras of a JVM ({@code CameraRuntime}), the
 * SOAP operation handlers, the WS-Security and HTTP authentication checks, the PTZ motion model and
 * the snapshot renderer.
 *
 * <p>Not part of the public API: these classes may change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.internal.camera;

import org.jspecify.annotations.NullMarked;
