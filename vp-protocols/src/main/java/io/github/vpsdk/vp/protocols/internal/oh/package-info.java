/** Not part of the public API: these classes may change without notice. */
@NullMarked
package io.github.vpsdk.vp.protocols.internal.oh;

import org.jspecify.annotations.NullMarked;
