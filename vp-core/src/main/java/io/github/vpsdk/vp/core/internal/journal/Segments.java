package io.github.vpsdk.vp.core.internal.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.json.CoreJson;
import io.github.vpsdk.vp.core.journal.JournalConfig;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Segment files: names, listing, directory fsync, entry decoding. */
public final class Segments {
  /** Segment file names: {@code journal-<20-digit first sequence>.jsonl}. */
  public static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.jsonl");
  /** The longest line read: the largest record plus the line's own fields. */
  public static final int MAX_LINE = JournalConfig.DEFAULT_MAX_RECORD_SIZE + LineCodec.LINE_OVERHEAD;

  private Segments() {}

  /**
   * A segment file.
   *
   * @param path the file
   * @param firstSequence the first sequence number its name announces, or -1 if the number does
   *     not fit a long
   */
  public record Segment(Path path, long firstSequence) {}

  /**
   * The file name of the segment starting at a sequence number.
   *
   * @param firstSequence the sequence number
   * @return the name
   */
  public static String name(long firstSequence) {
    return String.format(Locale.ROOT, "journal-%020d.jsonl", firstSequence);
  }

  /**
   * The segment files of a directory, in order of name (so of first sequence number).
   *
   * @param dir the directory
   * @return the segments
   * @throws IOException if the directory cannot be listed
   */
  public static List<Segment> list(Path dir) throws IOException {
    List<Segment> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p)) {
          long first;
          try {
            first = Long.parseLong(m.group(1));
          } catch (NumberFormatException e) {
            first = -1;
          }
          out.add(new Segment(p, first));
        }
      }
    }
    out.sort(Comparator.comparing(s -> s.path().getFileName().toString()));
    return out;
  }

  /**
   * Forces a directory's entries (a new file's name) to the device. Not possible on Windows, where
   * it is skipped.
   *
   * @param dir the directory
   * @throws IOException if it fails
   */
  public static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
        throw e;
      }
    }
  }

  /** Decodes the record of a parsed line; a {@link VpException} MALFORMED if it is not one. */
  static JournalRecord record(LineCodec.Parsed parsed) {
    try {
      return CoreJson.journalRecordFromJson(parsed.record());
    } catch (VpException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new VpException(VpException.Reason.MALFORMED, "invalid journal record: " + e.getMessage(), e);
    }
  }

  static JournalEntry entry(LineCodec.Parsed parsed) {
    return new JournalEntry(
        parsed.sequence(), parsed.time(), record(parsed), parsed.previousHash(), parsed.hash());
  }
}
