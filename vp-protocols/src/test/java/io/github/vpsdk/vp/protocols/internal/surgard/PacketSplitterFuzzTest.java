package io.github.vpsdk.vp.protocols.internal.surgard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import java.util.List;

class PacketSplitterFuzzTest {
  /** Any bytes, in chunks whose sizes come from the input: only pieces, a bounded buffer, packets that re-encode. */
  @FuzzTest(maxDuration = "30s")
  void splitAnyStream(byte[] data) {
    PacketSplitter s = new PacketSplitter();
    int at = 0;
    while (at < data.length) {
      int len = Math.min(data.length - at, 1 + (data[at] & 0x3f));
      List<PacketSplitter.Piece> pieces = s.feed(data, at, len);
      at += len;
      if (s.buffered() > SurGardCodec.MAX_PACKET) {
        throw new AssertionError("buffer grew past the packet limit");
      }
      for (PacketSplitter.Piece p : pieces) {
        if (p instanceof PacketSplitter.Packet) {
          SurGardCodec.encode(((PacketSplitter.Packet) p).message());
        }
      }
    }
    s.finish();
  }
}
