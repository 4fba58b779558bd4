package io.github.vpsdk.vp.protocols.surgard;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import java.nio.ByteBuffer;
import java.time.Instant;

class SurGardFuzzTest {
  /** Any bytes: results only, progress on every call, and decoded packets map to events or a reason. */
  @FuzzTest(maxDuration = "30s")
  void decodeAnyBytes(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    for (int guard = 0; guard <= data.length + 1; guard++) {
      int before = in.position();
      SurGardDecodeResult r = SurGardCodec.decode(in);
      if (r instanceof SurGardDecodeResult.NeedMore) {
        return;
      }
      if (in.position() <= before) {
        throw new AssertionError("no progress");
      }
      if (r instanceof SurGardDecodeResult.Decoded) {
        SurGardMessage m = ((SurGardDecodeResult.Decoded) r).message();
        SurGardCodec.events(m, Instant.EPOCH, "f", EventCatalogue.defaults());
        SurGardCodec.encode(m);
      }
    }
    throw new AssertionError("decode did not finish");
  }
}
