/**
 * ANSI/SIA DC-09 framing, encryption and responses, in pure Java: {@link
 * io.github.vpsdk.vp.protocols.dc09.Dc09Codec} decodes frames from bytes (stream or datagram) into
 * {@link io.github.vpsdk.vp.protocols.dc09.Dc09Message}s and encodes messages back, with AES keys
 * per account. No network, no Netty: the receiver and transmitter use it, and so can any other
 * transport.
 */
@NullMarked
package io.github.vpsdk.vp.protocols.dc09;

import org.jspecify.annotations.NullMarked;
