package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the vp tool in-process with captured output. */
class VpCliTest {

  /** Output, error text and exit code of one run. */
  private record Run(int code, String out, String err) {}

  private static Run vp(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VpCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Every command path, such as [] for vp itself and [version]. */
  private static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(VpCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
      if (!sub.getKey().equals(sub.getValue().getCommandName())) {
        continue; // an alias
      }
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, paths);
    }
  }

  @Test
  void topLevelHelpListsTheCommandsAndExitCodes() {
    Run run = vp("--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: vp", "Commands:", "version", "Exit codes:", "3").contains("--help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void everyCommandAndSubcommandHasHelpAndVersion() {
    List<List<String>> paths = commandPaths();
    assertThat(paths)
        .contains(List.of(), List.of("version"), List.of("journal", "verify"), List.of("journal", "tail"));
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Run help = vp(args.toArray(new String[0]));
      assertThat(help.code()).as("exit code of vp %s", args).isZero();
      assertThat(help.out()).as("help of %s", path).contains("Usage: vp" + (path.isEmpty() ? "" : " " + String.join(" ", path)), "--help", "--version");

      args.set(args.size() - 1, "--version");
      Run version = vp(args.toArray(new String[0]));
      assertThat(version.code()).isZero();
      assertThat(version.out()).startsWith("vp ").contains("Java ");
    }
  }

  @Test
  void versionPrintsVpAndJava() {
    Run run = vp("version");

    assertThat(run.code()).isEqualTo(VpCli.EXIT_OK);
    // in tests the classes are not in a jar, so there is no manifest version
    assertThat(run.out()).startsWith("vp dev\n").contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void versionAsJsonIsOneLineOfJson() {
    Run run = vp("version", "--json");

    assertThat(run.code()).isZero();
    assertThat(run.out()).endsWith("\n").doesNotContain("\r");
    assertThat(run.out().strip()).doesNotContain("\n");
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.get("vp").asString()).isEqualTo("dev");
    assertThat(json.get("java").asString()).isEqualTo(System.getProperty("java.version"));
  }

  @Test
  void usageErrorsExitWithTwo() {
    Run unknown = vp("frobnicate");
    assertThat(unknown.code()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(unknown.err()).contains("frobnicate");

    Run badOption = vp("version", "--colour");
    assertThat(badOption.code()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(badOption.err()).contains("--colour");

    Run nothing = vp();
    assertThat(nothing.code()).isEqualTo(VpCli.EXIT_USAGE);
    assertThat(nothing.err()).contains("missing command", "Usage: vp");
  }

  @Command(name = "boom")
  static final class Failing implements Callable<Integer> {
    @CommandLine.Parameters(index = "0")
    String what = "";

    @Override
    public Integer call() throws IOException {
      if (what.equals("io")) {
        throw new NoSuchFileException("/no/such/journal");
      }
      if (what.equals("wrapped-io")) {
        throw new UncheckedIOException(new IOException("disk on fire"));
      }
      if (what.equals("check")) {
        return VpCli.EXIT_CHECK_FAILED;
      }
      throw new IllegalStateException("bug");
    }
  }

  private static Run runWith(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new VpCli());
    cl.addSubcommand(command);
    VpCli.configure(cl, new PrintWriter(out, true), new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void ioErrorsExitWithThreeAndSayWhatFailed() {
    Run io = runWith(new Failing(), "boom", "io");
    assertThat(io.code()).isEqualTo(VpCli.EXIT_IO);
    assertThat(io.err()).contains("vp boom: /no/such/journal").doesNotContain("at io.github");

    Run wrapped = runWith(new Failing(), "boom", "wrapped-io");
    assertThat(wrapped.code()).isEqualTo(VpCli.EXIT_IO);
    assertThat(wrapped.err()).contains("disk on fire");

    assertThat(runWith(new Failing(), "boom", "check").code()).isEqualTo(VpCli.EXIT_CHECK_FAILED);

    Run bug = runWith(new Failing(), "boom", "other");
    assertThat(bug.code()).isEqualTo(VpCli.EXIT_CHECK_FAILED);
    assertThat(bug.err()).contains("unexpected error", "bug", "at io.github");
  }

  @Test
  void addedCommandsGetHelpWithoutDeclaringIt() {
    Run help = runWith(new Failing(), "boom", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("Usage: vp boom", "--help", "--version");
  }

  @Test
  void jsonLinesEscapeLineBreaks() {
    String line = JsonLines.toLine(Map.of("text", "two\nlines\r"));
    assertThat(line).isEqualTo("{\"text\":\"two\\nlines\\r\"}");
  }
}
