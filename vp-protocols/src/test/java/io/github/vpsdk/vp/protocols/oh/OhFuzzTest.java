package io.github.vpsdk.vp.protocols.oh;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.internal.oh.OhCipher;
import java.nio.ByteBuffer;
import java.time.Instant;

class OhFuzzTest {
  private static final byte[] KEY = java.util.HexFormat.of().parseHex("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
  private static final OhCipher CIPHER = new OhCipher(KEY);

  /**
   * Any clear text, encrypted with the session key so that the parser (not only the cipher) sees
   * it, and any ciphertext: results only, progress on every call, and decoded events map to
   * events or a reason, and encode again.
   */
  @FuzzTest(maxDuration = "30s")
  void decodeAnyPacket(FuzzedDataProvider data) {
    boolean encrypt = data.consumeBoolean();
    byte[] input = data.consumeRemainingAsBytes();
    OhCodec codec = OhCodec.of(OhKey.of(KEY));
    byte[] wire = encrypt ? CIPHER.encryptPadded(input) : input;
    ByteBuffer in = ByteBuffer.wrap(wire);
    for (int guard = 0; guard <= wire.length + 1; guard++) {
      int before = in.position();
      OhDecodeResult r = codec.decode(in);
      if (r instanceof OhDecodeResult.NeedMore) {
        return;
      }
      if (in.position() <= before) {
        throw new AssertionError("no progress");
      }
      if (r instanceof OhDecodeResult.Decoded) {
        OhMessage m = ((OhDecodeResult.Decoded) r).message();
        if (m instanceof OhEvent) {
          OhEvents.of((OhEvent) m, Instant.EPOCH, "f", EventCatalogue.defaults(), false);
          OhEvents.of((OhEvent) m, Instant.EPOCH, "f", EventCatalogue.defaults(), true);
        }
        OhEvents.panelAccount(m);
        codec.encode(m);
      }
    }
    throw new AssertionError("decode did not finish");
  }

  /** Any bytes as a receiver's reply: results only, and progress. */
  @FuzzTest(maxDuration = "15s")
  void decodeAnyReply(byte[] input) {
    OhCodec codec = OhCodec.of(OhKey.of(KEY));
    ByteBuffer in = ByteBuffer.wrap(input);
    for (int guard = 0; guard <= input.length + 1; guard++) {
      int before = in.position();
      if (codec.decodeReply(in) instanceof OhDecodeResult.NeedMore) {
        return;
      }
      if (in.position() <= before) {
        throw new AssertionError("no progress");
      }
    }
    throw new AssertionError("decode did not finish");
  }
}
