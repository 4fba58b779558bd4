package io.github.vpsdk.vp.core.internal.journal;

import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.journal.JournalEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Streams entries from a sequence number up to a last sequence number fixed when the stream is
 * made, across segments. Each line's hash, sequence and chain link are checked as it is read.
 */
public final class EntryReader implements Iterator<JournalEntry> {
  private final List<Segments.Segment> segments;
  private final long last;
  private final MessageDigest digest = Hex.sha256();
  private int segmentIndex;
  private @Nullable LineReader reader;
  private long next;
  private @Nullable String prevHash;
  private @Nullable JournalEntry pending;
  private boolean done;

  private final boolean toEnd;

  private EntryReader(List<Segments.Segment> segments, long from, long last) {
    this.segments = segments;
    this.last = last;
    this.next = from;
    this.toEnd = last == Long.MAX_VALUE;
  }

  /**
   * Streams entries from {@code from} to {@code last}; with {@code last == Long.MAX_VALUE}, to
   * the end of the last segment, stopping quietly before an incomplete last line.
   */
  public static Stream<JournalEntry> stream(Path dir, long from, long last) {
    if (from < 1) {
      throw new VpException(VpException.Reason.INVALID_ARGUMENT, "sequence numbers start at 1: " + from);
    }
    List<Segments.Segment> segments;
    try {
      segments = Segments.list(dir);
    } catch (IOException e) {
      throw new VpException(VpException.Reason.IO, "cannot list journal directory " + dir, e);
    }
    EntryReader it = new EntryReader(segments, from, last);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                it, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
            false)
        .onClose(it::close);
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done && next <= last) {
      try {
        pending = readNext();
      } catch (IOException e) {
        close();
        throw new VpException(VpException.Reason.IO, "cannot read the journal", e);
      }
    }
    return pending != null;
  }

  @Override
  public JournalEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JournalEntry e = pending;
    pending = null;
    return e;
  }

  private @Nullable JournalEntry readNext() throws IOException {
    if (reader == null && !openSegmentFor(next)) {
      return null;
    }
    while (true) {
      LineReader r = reader;
      if (r != null && r.next()) {
        boolean lastLine = toEnd && segmentIndex == segments.size() - 1 && r.atEnd();
        if (r.oversized || !r.hasLf) {
          if (lastLine) {
            close();
            return null;
          }
          throw corrupt("incomplete line");
        }
        Object p = LineCodec.parse(digest, r.line, r.length);
        if (p instanceof LineCodec.Problem) {
          if (lastLine && ((LineCodec.Problem) p).beforeHash()) {
            close();
            return null;
          }
          throw corrupt(((LineCodec.Problem) p).detail());
        }
        LineCodec.Parsed parsed = (LineCodec.Parsed) p;
        if (parsed.sequence() != next) {
          throw corrupt("sequence " + parsed.sequence());
        }
        if (prevHash != null && !prevHash.equals(parsed.previousHash())) {
          throw corrupt("chain broken");
        }
        JournalEntry entry;
        try {
          entry = Segments.entry(parsed);
        } catch (VpException e) {
          throw corrupt(e.getMessage());
        }
        prevHash = entry.hash();
        next++;
        return entry;
      }
      closeReader();
      segmentIndex++;
      if (segmentIndex >= segments.size()) {
        if (toEnd) {
          close();
          return null;
        }
        throw corrupt("end of the journal reached");
      }
      if (segments.get(segmentIndex).firstSequence() != next) {
        throw corrupt("segment " + segments.get(segmentIndex).path().getFileName() + " out of order");
      }
      reader = new LineReader(Files.newInputStream(segments.get(segmentIndex).path()), Segments.MAX_LINE);
    }
  }

  private boolean openSegmentFor(long seq) throws IOException {
    int index = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).firstSequence() >= 1 && segments.get(i).firstSequence() <= seq) {
        index = i;
      }
    }
    if (index < 0) {
      return false;
    }
    segmentIndex = index;
    LineReader r = new LineReader(Files.newInputStream(segments.get(index).path()), Segments.MAX_LINE);
    reader = r;
    for (long s = segments.get(index).firstSequence(); s < seq; s++) {
      if (!r.skipLine()) {
        if (toEnd) {
          close();
          return false;
        }
        throw corrupt("segment " + segments.get(index).path().getFileName() + " ends before " + seq);
      }
    }
    return true;
  }

  private VpException corrupt(String detail) {
    VpException e = new VpException(VpException.Reason.INTEGRITY,
        "journal entry " + next + " cannot be read: " + detail);
    close();
    return e;
  }

  private void closeReader() {
    LineReader r = reader;
    reader = null;
    if (r != null) {
      try {
        r.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void close() {
    done = true;
    try {
      closeReader();
    } catch (UncheckedIOException ignored) {
      // closing a read-only file: nothing to lose
    }
  }
}
