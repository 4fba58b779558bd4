/** Implementation of the simulated site; not API. */
@NullMarked
package io.github.vpsdk.vp.testkit.internal.site;

import org.jspecify.annotations.NullMarked;
