/** SIA DC-03 data: the payload of DC-09 {@code SIA-DCS} frames and of Sur-Gard SIA packets. */
@NullMarked
package io.github.vpsdk.vp.protocols.sia;

import org.jspecify.annotations.NullMarked;
