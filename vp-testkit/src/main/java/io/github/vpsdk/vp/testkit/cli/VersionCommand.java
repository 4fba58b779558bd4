package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code vp version}: the version of vp and of the Java runtime running it. */
@Command(
    name = "version",
    description = "Print the version of vp and of the Java runtime.")
public final class VersionCommand implements Callable<Integer> {

  @CommandLine.Spec private CommandSpec spec = CommandSpec.create();

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  /** Created by picocli. */
  public VersionCommand() {}

  @Override
  public Integer call() {
    Map<String, String> info = new LinkedHashMap<>();
    info.put("vp", VpCli.version());
    info.put("java", System.getProperty("java.version"));
    info.put("javaVendor", System.getProperty("java.vendor"));
    info.put("javaRuntime", System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version"));
    info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    if (json) {
      JsonLines.write(spec.commandLine().getOut(), info);
    } else {
      spec.commandLine().getOut().println("vp " + info.get("vp"));
      spec.commandLine().getOut().println("Java " + info.get("java") + " (" + info.get("javaVendor") + ", " + info.get("javaRuntime") + ")");
      spec.commandLine().getOut().println("OS " + info.get("os"));
    }
    spec.commandLine().getOut().flush();
    return VpCli.EXIT_OK;
  }
}
