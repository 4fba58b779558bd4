package io.github.vpsdk.vp.protocols.cid;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.nio.charset.StandardCharsets;

/** Contact ID parsers on arbitrary text: a result every time, and what parses re-encodes to itself. */
class ContactIdFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(byte[] input) {
    String s = new String(input, StandardCharsets.ISO_8859_1);
    for (boolean strict : new boolean[] {false, true}) {
      ParseResult<ContactIdMessage> r = ContactIdMessage.parseDc09Data(s, strict);
      if (r.isOk()) {
        ContactIdMessage m = r.asOptional().orElseThrow();
        ParseResult<ContactIdMessage> again = ContactIdMessage.parseDc09Data(m.toDc09Data(), false);
        if (!again.asOptional().equals(r.asOptional())) {
          throw new AssertionError("round trip of " + m + " gave " + again);
        }
      }
    }
    ParseResult<ContactIdMessage> dtmf = ContactIdMessage.parseDtmf(s);
    if (dtmf.isOk()) {
      ContactIdMessage m = dtmf.asOptional().orElseThrow();
      if (!ContactIdMessage.parseDtmf(m.toDtmf()).asOptional().equals(dtmf.asOptional())) {
        throw new AssertionError("DTMF round trip of " + m);
      }
    }
  }
}
