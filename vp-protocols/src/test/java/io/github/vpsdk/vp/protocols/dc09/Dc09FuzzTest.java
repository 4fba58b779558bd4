package io.github.vpsdk.vp.protocols.dc09;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import io.github.vpsdk.vp.protocols.sia.SiaData;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;

class Dc09FuzzTest {
  private static final Dc09Codec LENIENT = new Dc09Codec(Dc09CodecConfig.create(
      b -> b.keys(Dc09Keys.of(Map.of(), Dc09Key.fromHex("000102030405060708090A0B0C0D0E0F")))));
  private static final Dc09Codec STRICT = new Dc09Codec(LENIENT.config().toBuilder().strict(true).build());

  /** Any bytes: results only, progress on every call, and whatever decodes maps to events or a reason. */
  @FuzzTest(maxDuration = "60s")
  void decodeAnyBytes(FuzzedDataProvider data) {
    boolean strict = data.consumeBoolean();
    byte[] input = data.consumeRemainingAsBytes();
    ByteBuffer in = ByteBuffer.wrap(input);
    for (int guard = 0; guard <= input.length + 1; guard++) {
      int before = in.position();
      Dc09DecodeResult r = (strict ? STRICT : LENIENT).decode(in);
      if (r instanceof Dc09DecodeResult.NeedMore) {
        return;
      }
      if (in.position() <= before) {
        throw new AssertionError("no progress");
      }
      if (r instanceof Dc09DecodeResult.Decoded) {
        Dc09Message m = ((Dc09DecodeResult.Decoded) r).message();
        if (m.account() != null) {
          Dc09Events.of(m, Instant.EPOCH, "f", EventCatalogue.defaults(), strict);
        }
      }
    }
    throw new AssertionError("decode did not finish");
  }

  @FuzzTest(maxDuration = "30s")
  void contactIdAndSiaData(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    ContactIdMessage.parseDc09Data(s, false);
    ContactIdMessage.parseDc09Data(s, true);
    ContactIdMessage.parseDtmf(s);
    SiaData.parse(s).asOptional().ifPresent(SiaData::toText);
  }
}
