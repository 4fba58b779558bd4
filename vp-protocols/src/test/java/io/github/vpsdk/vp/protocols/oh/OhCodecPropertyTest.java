package io.github.vpsdk.vp.protocols.oh;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.internal.oh.OhCipher;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the OH codec: whatever a panel or a receiver encodes decodes to the same
 * message, however the bytes are split; arbitrary bytes give results, never exceptions, and
 * always progress. The seed is printed; set {@code -Dvp.seed=...} to replay a failure.
 */
class OhCodecPropertyTest {
  private static final long SEED = Long.getLong("vp.seed", System.nanoTime());
  private static final String HEXDIGITS = "0123456789ABCDEF";
  private static final String TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .-_:/#";

  private static String hex(Random r, int min, int max) {
    int n = min + r.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(HEXDIGITS.charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  private static String text(Random r, int max) {
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(TEXT.charAt(r.nextInt(TEXT.length())));
    }
    return sb.toString();
  }

  static OhMessage randomPanelMessage(Random r) {
    if (r.nextInt(3) == 0) {
      Long id = r.nextBoolean() ? null : r.nextLong() & 0xFFFF_FFFFL;
      Instant time = id != null && r.nextBoolean() ? Instant.ofEpochSecond(r.nextLong() & 0xFFFF_FFFFL) : null;
      return new OhHeartbeat(hex(r, 4, 4), hex(r, 4, 5), hex(r, 6, 6), id, time);
    }
    boolean sia = r.nextBoolean();
    String data = sia ? "Nri" + (1 + r.nextInt(8)) + "/" + (r.nextBoolean() ? "BA" : "UR") + (100 + r.nextInt(800))
        : (1 + r.nextInt(2) * 2) + "" + (100 + r.nextInt(800)) + " 0" + r.nextInt(10) + " " + (100 + r.nextInt(800));
    return new OhEvent(sia ? OhEvent.SIA_DCS : OhEvent.ADM_CID, hex(r, 4, 4), r.nextInt(8) == 0 ? null : hex(r, 1, 6),
        r.nextInt(8) == 0 ? null : hex(r, 1, 6), hex(r, 3, 10), data, sia && r.nextBoolean() ? text(r, 40) : null,
        r.nextBoolean() ? r.nextLong() & 0xFFFF_FFFFL : null, r.nextBoolean() ? hex(r, 6, 6) : null,
        r.nextBoolean() ? Instant.ofEpochSecond(r.nextLong() & 0xFFFF_FFFFL) : null);
  }

  @Test
  void panelMessagesSurviveEncodingAndAnySplit() {
    System.out.println("OhCodecPropertyTest seed " + SEED);
    Random r = new Random(SEED);
    SecureRandom keys = new SecureRandom(); // keys do not need to be reproducible: any key works
    for (int round = 0; round < 300; round++) {
      OhKey key = OhKey.random(keys);
      OhCodec codec = OhCodec.of(key);
      // what a panel sends when it pads an aligned packet with a whole block: 8 zero bytes
      byte[] zeroBlock = new OhCipher(key.bytes()).encryptPadded(new byte[8]);
      List<OhMessage> sent = new ArrayList<>();
      ByteBuffer wire = ByteBuffer.allocate(16_384);
      for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
        OhMessage m = randomPanelMessage(r);
        sent.add(m);
        wire.put(codec.encode(m));
        if (r.nextInt(4) == 0) {
          wire.put(zeroBlock);
        }
      }
      wire.flip();
      List<OhMessage> got = new ArrayList<>();
      ByteBuffer buf = ByteBuffer.allocate(wire.remaining());
      while (wire.hasRemaining()) {
        int n = Math.min(wire.remaining(), 1 + r.nextInt(40));
        for (int i = 0; i < n; i++) {
          buf.put(wire.get());
        }
        buf.flip();
        OhDecodeResult res;
        while (!((res = codec.decode(buf)) instanceof OhDecodeResult.NeedMore)) {
          assertThat(res).as("seed %d round %d", SEED, round).isInstanceOf(OhDecodeResult.Decoded.class);
          got.add(((OhDecodeResult.Decoded) res).message());
        }
        buf.compact();
      }
      assertThat(got).as("seed %d round %d", SEED, round).isEqualTo(sent);
      for (OhMessage m : got) {
        if (m instanceof OhEvent) {
          assertThat(OhEvents.of((OhEvent) m, Instant.EPOCH, "p", EventCatalogue.defaults(), false).asOptional())
              .as("seed %d: %s", SEED, m).isPresent();
        }
      }
    }
  }

  @Test
  void repliesSurviveEncoding() {
    Random r = new Random(SEED);
    OhCodec codec = OhCodec.of(OhKey.random(new SecureRandom()));
    for (int i = 0; i < 500; i++) {
      OhReply reply = switch3(r);
      ByteBuffer in = ByteBuffer.wrap(codec.encode(reply));
      OhDecodeResult res = codec.decodeReply(in);
      assertThat(((OhDecodeResult.Decoded) res).message()).as("seed %d", SEED).isEqualTo(reply);
      assertThat(in.hasRemaining()).isFalse();
    }
  }

  private static OhReply switch3(Random r) {
    int k = r.nextInt(3);
    return k == 0 ? OhReply.ack(r.nextBoolean()) : k == 1 ? OhReply.nack(r.nextBoolean()) : OhReply.panelId(r.nextLong() & 0xFFFF_FFFFL);
  }

  @Test
  void arbitraryBytesGiveResultsAndProgress() {
    Random r = new Random(SEED);
    for (int round = 0; round < 2000; round++) {
      byte[] key = new byte[24];
      r.nextBytes(key);
      OhCodec codec = OhCodec.of(OhKey.of(key), 64 + r.nextInt(200));
      byte[] data = new byte[r.nextInt(600)];
      r.nextBytes(data);
      ByteBuffer in = ByteBuffer.wrap(data);
      int guard = 0;
      while (true) {
        int before = in.position();
        OhDecodeResult res = codec.decode(in);
        if (res instanceof OhDecodeResult.NeedMore) {
          assertThat(in.remaining()).as("seed %d", SEED).isLessThan(codec.maxPacket());
          break;
        }
        assertThat(in.position()).as("seed %d: progress", SEED).isGreaterThan(before);
        assertThat(++guard).isLessThan(1000);
      }
      ByteBuffer replies = ByteBuffer.wrap(data);
      while (replies.remaining() > 0) {
        int before = replies.position();
        if (codec.decodeReply(replies) instanceof OhDecodeResult.NeedMore) {
          break;
        }
        assertThat(replies.position()).isGreaterThan(before);
      }
    }
  }
}
