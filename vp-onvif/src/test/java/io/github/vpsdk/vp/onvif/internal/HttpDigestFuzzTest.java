package io.github.vpsdk.vp.onvif.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class HttpDigestFuzzTest {
  /** A camera's WWW-Authenticate header is untrusted: parsing and answering it never throws. */
  @FuzzTest(maxDuration = "30s")
  void anyChallengeIsHandled(byte[] data) {
    String header = new String(data, StandardCharsets.UTF_8);
    Map<String, String> c = HttpDigest.parseChallenge(header);
    if (c != null) {
      String answer = HttpDigest.authorization(c, "GET", "/snap.jpg", "user", "pw", "abc");
      if (!answer.startsWith("Digest ")) {
        throw new AssertionError(answer);
      }
    }
  }
}
