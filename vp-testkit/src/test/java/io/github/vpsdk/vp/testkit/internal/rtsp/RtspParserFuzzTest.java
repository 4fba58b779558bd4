package io.github.vpsdk.vp.testkit.internal.rtsp;

import com.code_intelligence.jazzer.junit.FuzzTest;

class RtspParserFuzzTest {
  /** Any bytes from a client: a result within the buffer, never an exception. */
  @FuzzTest(maxDuration = "30s")
  void anyBytes(byte[] data) {
    RtspParser.Result r = RtspParser.parse(data, 0, data.length);
    int consumed = -1;
    if (r instanceof RtspParser.Request) {
      consumed = ((RtspParser.Request) r).consumed();
    } else if (r instanceof RtspParser.Interleaved) {
      consumed = ((RtspParser.Interleaved) r).consumed();
    } else if (r instanceof RtspParser.Blank) {
      consumed = ((RtspParser.Blank) r).consumed();
    }
    if (consumed == 0 || consumed > data.length) {
      throw new AssertionError("consumed " + consumed + " of " + data.length);
    }
  }
}
