package io.github.vpsdk.vp.testkit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/**
 * The {@code vp} command-line tool: {@code java -jar vp-testkit-<version>-cli.jar <command>}.
 *
 * <p>Every command and subcommand takes {@code --help} and {@code --version}. Exit codes: {@link
 * #EXIT_OK}, {@link #EXIT_CHECK_FAILED}, {@link #EXIT_USAGE}, {@link #EXIT_IO}. Commands that print
 * JSON print one JSON object per line.
 *
 * <p><b>Adding a command</b>: write a picocli {@code @Command} class that implements {@code
 * Callable<Integer>} (returning one of the exit codes), and add it to {@code subcommands} in the
 * {@code @Command} annotation of this class: one line. A command with subcommands of its own
 * ({@code vp journal verify}) lists them the same way in its own annotation. Help and version
 * options are added to every command found, so a command need not declare them.
 */
@Command(
    name = "vp",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VpCli.Version.class,
    description = "Tools for alarm-receiving and video-protection centres built on vp.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:a check failed (or an unexpected error, printed with its stack trace)",
      "2:usage error (unknown command or option, missing argument)",
      "3:input/output error (file not found, unreadable, network)"
    },
    subcommands = {
      // one line per command
      JournalCommand.class,
      DecodeCommand.class,
      ReceiveCommand.class,
      SendCommand.class,
      SurGardCommand.class,
      CameraCommand.class,
      OnvifCommand.class,
      SiteCommand.class,
      DemoCommand.class,
      VersionCommand.class,
    })
public final class VpCli implements Callable<Integer> {

  /** Exit code: the command did what was asked. */
  public static final int EXIT_OK = 0;
  /** Exit code: a check failed, such as a journal whose hash chain is broken. */
  public static final int EXIT_CHECK_FAILED = 1;
  /** Exit code: the command line was wrong (unknown command or option, missing argument). */
  public static final int EXIT_USAGE = 2;
  /** Exit code: reading or writing failed (missing file, permissions, network). */
  public static final int EXIT_IO = 3;

  @CommandLine.Spec private CommandSpec spec = CommandSpec.create();

  /** Created by picocli. */
  public VpCli() {}

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    // the CLI jar logs through slf4j-simple: warnings and errors only, unless the user asks for
    // more with -Dorg.slf4j.simpleLogger.defaultLogLevel=info (or debug)
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the tool in this JVM, printing to the given streams: what tests and embedding programs
   * call.
   *
   * @param args the command line
   * @param out where normal output goes
   * @param err where errors and diagnostics go
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    try {
      return commandLine(outWriter, errWriter).execute(args);
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /**
   * The configured picocli command line, with every command registered: for tests, and to list
   * or document the commands.
   *
   * @param out where normal output goes
   * @param err where errors go
   * @return the command line
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(new CommandLine(new VpCli()), out, err);
  }

  /** Adds help and version options where missing, output streams, and the exit code mapping. */
  static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    Deque<CommandLine> todo = new ArrayDeque<>();
    todo.add(cl);
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      CommandSpec spec = c.getCommandSpec();
      if (spec.optionsMap().get("--help") == null) {
        spec.mixinStandardHelpOptions(true);
      }
      if (spec.versionProvider() == null) {
        spec.versionProvider(new Version());
      }
      todo.addAll(c.getSubcommands().values());
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(VpCli::exitCode);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          int code = exitCode(e);
          PrintWriter w = commandLine.getErr();
          if (code == EXIT_IO) {
            w.println("vp " + commandLine.getCommandName() + ": " + describe(e));
          } else {
            w.println("vp " + commandLine.getCommandName() + ": unexpected error: " + e);
            e.printStackTrace(w);
          }
          w.flush();
          return code;
        });
    return cl;
  }

  /**
   * {@code vp} without a command: prints the usage to the error stream.
   *
   * @return {@link #EXIT_USAGE}
   */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("vp: missing command");
    spec.commandLine().usage(spec.commandLine().getErr());
    return EXIT_USAGE;
  }

  private static int exitCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return EXIT_IO;
      }
    }
    if (e instanceof CommandLine.ParameterException) {
      return EXIT_USAGE;
    }
    return EXIT_CHECK_FAILED;
  }

  private static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException) {
        FileSystemException fse = (FileSystemException) t;
        String reason = fse.getReason() == null ? t.getClass().getSimpleName() : fse.getReason();
        return fse.getFile() + ": " + reason;
      }
      if (t instanceof IOException) {
        return String.valueOf(t.getMessage());
      }
    }
    return String.valueOf(e.getMessage());
  }

  /**
   * The version of this build, from the jar manifest's {@code Implementation-Version}, or {@code
   * dev} when not run from a built jar.
   *
   * @return the version
   */
  public static String version() {
    String v = VpCli.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  /** Gives picocli's {@code --version} its text. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "vp " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
