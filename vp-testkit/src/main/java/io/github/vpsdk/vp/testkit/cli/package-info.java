/**
 * The {@code vp} command-line tool, built as the executable {@code vp-testkit-<version>-cli.jar}.
 * An application rather than a library API: {@link io.github.vpsdk.vp.testkit.cli.VpCli} is the
 * entry point, and each subcommand is a picocli command class registered in it.
 *
 * <p>Exit codes of every command: {@code 0} success, {@code 1} a check failed (such as a journal
 * whose chain is broken), {@code 2} usage error, {@code 3} input/output error.
 */
@NullMarked
package io.github.vpsdk.vp.testkit.cli;

import org.jspecify.annotations.NullMarked;
