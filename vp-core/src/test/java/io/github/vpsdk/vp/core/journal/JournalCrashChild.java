package io.github.vpsdk.vp.core.journal;

import java.nio.file.Path;

/**
 * Run in a forked JVM by {@link JournalCrashTest}: appends durably for ever and prints {@code ACK
 * <sequence> <n> .} after each append returns, until it is killed.
 */
public final class JournalCrashChild {
  private JournalCrashChild() {}

  /**
   * Entry point.
   *
   * @param args the journal directory
   */
  public static void main(String[] args) {
    Journal journal = Journal.open(Path.of(args[0]));
    for (long n = 1; ; n++) {
      JournalEntry e = journal.appendAndWait(JournalRecord.comment(null, "crash", "n=" + n));
      System.out.println("ACK " + e.sequence() + " " + n + " .");
      System.out.flush();
    }
  }
}
