package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalPublicKey;
import io.github.vpsdk.vp.core.journal.JournalVerifier;
import io.github.vpsdk.vp.core.journal.VerificationResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code vp journal verify DIR} and {@code vp journal tail DIR}: check a journal directory and
 * print its entries. Neither changes a file, and both work while a journal appends to the
 * directory.
 */
@Command(
    name = "journal",
    description = "Verify and read a vp journal (main courante) directory.",
    subcommands = {JournalCommand.Verify.class, JournalCommand.Tail.class},
    mixinStandardHelpOptions = true)
public final class JournalCommand implements Callable<Integer> {
  @Spec @Nullable CommandSpec spec;

  /** Creates the command. */
  public JournalCommand() {}

  /** Without a subcommand: prints the usage and fails. */
  @Override
  public Integer call() {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    s.commandLine().usage(s.commandLine().getErr());
    return 2;
  }

  /** {@code vp journal verify DIR [--public-key KEY]}. */
  @Command(
      name = "verify",
      description = {
        "Check every entry's hash, sequence number and chain link, and with --public-key every"
            + " checkpoint signature. Never modifies a file.",
        "Exit status: 0 if the journal verifies, 1 if a record is bad (the first one is printed),"
            + " 2 on a usage or I/O error."
      },
      mixinStandardHelpOptions = true)
  static final class Verify implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the journal directory")
    @Nullable Path dir;

    @Option(
        names = "--public-key",
        paramLabel = "KEY",
        description = "the Ed25519 public key of the checkpoints, 64 hex digits or Base64")
    @Nullable String publicKey;

    @Override
    public Integer call() {
      CommandSpec s = java.util.Objects.requireNonNull(spec);
      PrintWriter out = s.commandLine().getOut();
      PrintWriter err = s.commandLine().getErr();
      Path d = java.util.Objects.requireNonNull(dir);
      if (!Files.isDirectory(d)) {
        err.println("not a directory: " + d);
        return 2;
      }
      VerificationResult r;
      try {
        r = publicKey == null
            ? JournalVerifier.verify(d)
            : JournalVerifier.verify(d, JournalPublicKey.parse(publicKey));
      } catch (VpException e) {
        err.println("cannot verify " + d + ": " + e.getMessage());
        return 2;
      }
      VerificationResult.Failure f = r.failure();
      String summary = r.entriesChecked() + " entries checked, " + r.checkpointsChecked()
          + " checkpoint signatures checked"
          + (r.lastCheckpointSequence() > 0 ? " (last checkpoint at " + r.lastCheckpointSequence() + ")" : "")
          + ", last good sequence " + r.lastSequence() + ", hash " + r.lastHash();
      if (f == null) {
        out.println("OK: " + summary);
        if (publicKey == null) {
          out.println("(checkpoint signatures not checked: no --public-key)");
        }
        out.flush();
        return 0;
      }
      out.println("FAILED: " + f.reason() + " at sequence " + f.sequence());
      out.println("  segment: " + f.segment());
      out.println("  offset:  " + f.offset());
      out.println("  detail:  " + f.detail());
      out.println("  " + summary);
      out.flush();
      return 1;
    }
  }

  /** {@code vp journal tail DIR [--from SEQ]}. */
  @Command(
      name = "tail",
      description = "Print the entries as JSON lines, from a sequence number to the last complete"
          + " entry. Never modifies a file.",
      mixinStandardHelpOptions = true)
  static final class Tail implements Callable<Integer> {
    @Spec @Nullable CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "the journal directory")
    @Nullable Path dir;

    @Option(names = "--from", paramLabel = "SEQ", defaultValue = "1",
        description = "the first sequence number to print (default: ${DEFAULT-VALUE})")
    long from = 1;

    @Override
    public Integer call() {
      CommandSpec s = java.util.Objects.requireNonNull(spec);
      PrintWriter out = s.commandLine().getOut();
      PrintWriter err = s.commandLine().getErr();
      Path d = java.util.Objects.requireNonNull(dir);
      if (!Files.isDirectory(d)) {
        err.println("not a directory: " + d);
        return 2;
      }
      if (from < 1) {
        err.println("--from must be at least 1");
        return 2;
      }
      try (Stream<JournalEntry> entries = Journal.readDirectory(d, from)) {
        Iterator<JournalEntry> it = entries.iterator();
        while (it.hasNext()) {
          out.println(CoreJson.write(toJson(it.next())));
        }
      } catch (VpException e) {
        out.flush();
        err.println("cannot read " + d + ": " + e.getMessage());
        return 1;
      }
      out.flush();
      return 0;
    }
  }

  /** The JSON form of an entry, as stored: seq, time, prev, record, hash. */
  static ObjectNode toJson(JournalEntry e) {
    ObjectNode o = CoreJson.mapper().createObjectNode();
    o.put("seq", e.sequence());
    o.put("time", e.recordedAt().toString());
    o.put("prev", e.previousHash());
    o.set("record", CoreJson.toJson(e.record()));
    o.put("hash", e.hash());
    return o;
  }
}
