package io.github.vpsdk.vp.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Kills (SIGKILL) a forked JVM appending durably, then checks that every acknowledged entry is there. */
class JournalCrashTest {
  private static final Pattern ACK = Pattern.compile("ACK (\\d+) (\\d+) \\.");

  @TempDir Path dir;

  @Test
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyAcknowledgedAppendSurvivesAKill() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
        "-Dlogback.configurationFile=nonexistent.xml",
        JournalCrashChild.class.getName(), dir.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    List<long[]> acks = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean killed = false;
      while ((line = out.readLine()) != null) {
        Matcher m = ACK.matcher(line);
        if (m.matches()) {
          acks.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        if (!killed && acks.size() >= 200) {
          // SIGKILL: no shutdown hook, no close. Through the ProcessHandle, which (unlike
          // Process.destroyForcibly) leaves our end of the pipe open, so that the acknowledgements
          // already in the pipe are read too.
          child.toHandle().destroyForcibly();
          killed = true;
        }
      }
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acks).hasSizeGreaterThanOrEqualTo(200);

    try (Journal j = Journal.open(dir)) {
      Map<Long, JournalEntry> bySeq = JournalFiles.readAll(j).stream()
          .collect(Collectors.toMap(JournalEntry::sequence, Function.identity()));
      for (long[] ack : acks) {
        JournalEntry e = bySeq.get(ack[0]);
        assertThat(e).as("acknowledged sequence %d", ack[0]).isNotNull();
        assertThat(e.record().text()).isEqualTo("n=" + ack[1]);
      }
      assertThat(j.lastSequence()).isGreaterThanOrEqualTo(acks.get(acks.size() - 1)[0]);
    }
    VerificationResult r = JournalVerifier.verify(dir);
    assertThat(r.ok()).as(String.valueOf(r.failure())).isTrue();
  }
}
