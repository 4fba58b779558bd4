package io.github.vpsdk.vp.testkit.protocols;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.testkit.property.Dc09Gens;
import io.github.vpsdk.vp.testkit.property.Property;
import io.github.vpsdk.vp.testkit.property.PropertyRandom;
import java.nio.ByteBuffer;
import java.util.Map;

/** Properties of vp's DC-09 codec, with the testkit's public generators. */
class Dc09PropertyTest {

  @Property(tries = 1000)
  void everyGeneratedFrameDecodesToItsMessageAndDialect(PropertyRandom random) {
    Dc09Gens.Frame frame = Dc09Gens.frames().sample(random);
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(
        frame.key() == null ? Dc09Keys.none() : Dc09Keys.of(Map.of(), frame.key()))));
    Dc09DecodeResult r = codec.decode(ByteBuffer.wrap(frame.bytes()));
    assertThat(r).isInstanceOf(Dc09DecodeResult.Decoded.class);
    assertThat(((Dc09DecodeResult.Decoded) r).message()).isEqualTo(frame.message());
    assertThat(((Dc09DecodeResult.Decoded) r).dialect()).isEqualTo(frame.dialect());
  }

  @Property(tries = 3000)
  void damagedFramesGiveResultsAndAlwaysProgress(PropertyRandom random) {
    byte[] input = Dc09Gens.damagedFrames().sample(random);
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), Dc09Gens.keys().sample(random)))
        .strict(random.nextBoolean())));
    ByteBuffer in = ByteBuffer.wrap(input);
    for (int i = 0; i <= input.length; i++) {
      int before = in.position();
      if (codec.decode(in) instanceof Dc09DecodeResult.NeedMore) {
        return;
      }
      assertThat(in.position()).isGreaterThan(before);
    }
  }
}
