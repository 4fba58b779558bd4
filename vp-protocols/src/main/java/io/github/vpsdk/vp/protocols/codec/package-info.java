/** Types shared by vp's alarm codecs. */
@NullMarked
package io.github.vpsdk.vp.protocols.codec;

import org.jspecify.annotations.NullMarked;
