package io.github.vpsdk.vp.testkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.journal.FsyncMode;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalSigningKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class JournalCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new JournalCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private JournalSigningKey writeJournal(int n) {
    JournalSigningKey key = JournalSigningKey.generate();
    try (Journal j = Journal.open(JournalConfig.create(b -> b.directory(dir)
        .fsyncMode(FsyncMode.NONE).checkpointKey(key).checkpointEveryEntries(3)))) {
      for (int i = 1; i <= n; i++) {
        j.appendAndWait(JournalRecord.comment("INC-" + i, "op1", "entry " + i));
      }
    }
    return key;
  }

  @Test
  void verifyPrintsOkAndExitsZero() {
    JournalSigningKey key = writeJournal(5);
    assertThat(run("verify", dir.toString(), "--public-key", key.publicKey().toHex())).isEqualTo(0);
    assertThat(out.toString()).startsWith("OK: 6 entries checked, 1 checkpoint signatures checked");
    assertThat(run("verify", dir.toString(), "--public-key", JournalSigningKey.generate().publicKey().toBase64()))
        .isEqualTo(1);
    assertThat(out.toString()).contains("FAILED: BAD_SIGNATURE at sequence 4");
  }

  @Test
  void verifyNamesTheFirstBadRecordAndExitsOne() throws Exception {
    writeJournal(5);
    Path seg = dir.resolve("journal-00000000000000000001.jsonl");
    String text = Files.readString(seg, StandardCharsets.UTF_8).replace("entry 2", "entry 9");
    Files.writeString(seg, text, StandardCharsets.UTF_8);
    assertThat(run("verify", dir.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAILED: HASH_MISMATCH at sequence 2")
        .contains("journal-00000000000000000001.jsonl")
        .contains("offset:  " + (text.indexOf('\n') + 1));
  }

  @Test
  void tailPrintsEntriesAsJsonLinesEqualToTheStoredLines() throws Exception {
    writeJournal(5);
    List<String> stored = Files.readAllLines(dir.resolve("journal-00000000000000000001.jsonl"));
    assertThat(run("tail", dir.toString())).isEqualTo(0);
    assertThat(out.toString().lines()).containsExactlyElementsOf(stored);
    out.getBuffer().setLength(0);
    assertThat(run("tail", dir.toString(), "--from", "5")).isEqualTo(0);
    assertThat(out.toString().lines()).containsExactlyElementsOf(stored.subList(4, stored.size()));
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("verify", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(run()).isEqualTo(2);
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("verify").contains("tail");
  }
}
