/**
 * WS-Discovery plumbing of vp-onvif: the SOAP-over-UDP message codec (written and parsed with the
 * JDK's XML, no DTD, no external entities, bounded sizes) and the datagram sockets.
 *
 * <p>Not part of the public API: these classes may change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.onvif.internal.discovery;

import org.jspecify.annotations.NullMarked;
