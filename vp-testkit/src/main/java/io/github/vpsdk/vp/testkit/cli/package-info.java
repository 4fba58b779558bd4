/** The {@code vp} command-line tool. An application, not API. */
@NullMarked
package io.github.vpsdk.vp.testkit.cli;

import org.jspecify.annotations.NullMarked;
