package io.github.vpsdk.vp.testkit.internal.rtsp;

import com.code_intelligence.jazzer.junit.FuzzTest;

class JpegFrameFuzzTest {
  /** Any bytes: a frame that packetizes, or MalformedJpegException; never another throwable. */
  @FuzzTest(maxDuration = "30s")
  void anyBytes(byte[] data) {
    try {
      JpegFrame f = JpegFrame.parse(data);
      new RtpJpegPacketizer(1, 1, 200).packetize(f, 0);
    } catch (MalformedJpegException expected) {
      // refused with a reason
    }
  }
}
