package io.github.vpsdk.vp.core;

import com.code_intelligence.jazzer.junit.FuzzTest;

class EventJsonFuzzTest {
  /** Any text is either a valid event or a MALFORMED VpException; nothing else escapes. */
  @FuzzTest(maxDuration = "60s")
  void readNeverEscapesWithAnotherException(byte[] data) {
    String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
    try {
      AlarmEvent event = EventJson.read(text);
      // what was read writes back to something that reads to the same value
      if (!EventJson.read(EventJson.write(event)).equals(event)) {
        throw new AssertionError("round trip changed the event");
      }
    } catch (VpException e) {
      if (e.reason() != VpException.Reason.MALFORMED) {
        throw e;
      }
    }
  }
}
