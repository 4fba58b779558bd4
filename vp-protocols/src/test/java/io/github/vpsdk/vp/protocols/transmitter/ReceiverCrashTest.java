package io.github.vpsdk.vp.protocols.transmitter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import io.github.vpsdk.vp.core.journal.JournalVerifier;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver in a forked JVM, journaling to disk, is killed with SIGKILL while panels send to it;
 * after a restart every event whose ACK a panel received is in the journal.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReceiverCrashTest {

  @Test
  void everyAcknowledgedEventSurvivesAKill(@TempDir Path dir) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ReceiverCrashChild.class.getName(), dir.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process child = pb.start();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    List<Dc09Transmitter> panels = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
      String line = out.readLine();
      while (line != null && !line.startsWith("PORT ")) {
        line = out.readLine(); // log lines before it
      }
      assertThat(line).startsWith("PORT ");
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(line.substring(5)));
      List<CompletableFuture<Void>> loops = new ArrayList<>();
      for (int p = 0; p < 8; p++) {
        String account = String.format("%04d", 1000 + p);
        Dc09Transmitter panel = Dc09Transmitter.start(TransmitterConfig.builder(address, false).account(account, null, "0")
            .ackTimeout(Duration.ofSeconds(2)).retries(2, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMinutes(5))
            .queueCapacity(10_000).build());
        panels.add(panel);
        for (int zone = 1; zone <= 400; zone++) {
          String key = account + "/" + zone;
          loops.add(panel.send(Dc09Message.ADM_CID, String.format("#%s|1130 01 %03d", account, zone))
              .thenAccept(ack -> acked.add(key)).exceptionally(e -> null));
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
      while (acked.size() < 300 && System.nanoTime() < deadline) {
        Thread.sleep(2);
      }
      child.toHandle().destroyForcibly(); // SIGKILL, mid-load
      child.waitFor(20, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
      for (Dc09Transmitter panel : panels) {
        panel.close();
      }
    }
    Set<String> snapshot = new HashSet<>(acked);
    assertThat(snapshot.size()).as("acks before the kill").isGreaterThanOrEqualTo(300);
    try (Journal journal = Journal.open(dir); Stream<JournalEntry> entries = journal.read(1)) {
      Set<String> stored = new HashSet<>();
      entries.map(JournalEntry::record).filter(r -> r.kind().equals(JournalRecord.ALARM_RECEIVED)).forEach(r -> {
        PanelEvent e = (PanelEvent) r.event();
        stored.add(e.account().account() + "/" + e.zone());
      });
      assertThat(stored).as("every acknowledged event is in the journal").containsAll(snapshot);
    }
    assertThat(JournalVerifier.verify(dir).ok()).isTrue();
  }
}
