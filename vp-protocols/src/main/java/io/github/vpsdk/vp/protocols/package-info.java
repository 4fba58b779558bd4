/**
 * Alarm transmission protocols: SIA DC-09 framing and encryption, SIA DC-03 and Contact ID data,
 * receiver-to-automation formats, and a receiver and transmitter built on them.
 */
@NullMarked
package io.github.vpsdk.vp.protocols;

import org.jspecify.annotations.NullMarked;
