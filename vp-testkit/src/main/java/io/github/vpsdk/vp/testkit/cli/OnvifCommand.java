package io.github.vpsdk.vp.testkit.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vp onvif}: find ONVIF cameras and talk to one: {@code discover}, {@code info}, {@code
 * profiles}, {@code snapshot}, {@code ptz}, {@code events}. Data goes to standard output as JSON
 * lines; a failure is one line on standard error and exit status 3 (camera unreachable or silent),
 * 1 (the camera refused or failed: SOAP fault, credentials, unsupported service) or 2 (usage).
 */
@Command(
    name = "onvif",
    description = {
      "Find ONVIF cameras and query or drive one; data is printed as JSON lines.",
      "ADDR is HOST, HOST:PORT or a device service URL (http://HOST:PORT/onvif/device_service).",
      "Exit status: 0 done, 1 the camera refused or failed (SOAP fault, credentials, unsupported),"
          + " 2 usage error, 3 camera unreachable or timed out (or a file could not be written)."
    },
    subcommands = {
      OnvifDiscoverCommand.class,
      OnvifInfoCommand.class,
      OnvifProfilesCommand.class,
      OnvifSnapshotCommand.class,
      OnvifPtzCommand.class,
      OnvifEventsCommand.class,
    },
    mixinStandardHelpOptions = true)
public final class OnvifCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  /** Creates the command. */
  public OnvifCommand() {}

  /**
   * Without a subcommand: prints the usage and fails.
   *
   * @return {@link VpCli#EXIT_USAGE}
   */
  @Override
  public Integer call() {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    s.commandLine().getErr().println("vp onvif: missing command");
    s.commandLine().usage(s.commandLine().getErr());
    return VpCli.EXIT_USAGE;
  }
}
