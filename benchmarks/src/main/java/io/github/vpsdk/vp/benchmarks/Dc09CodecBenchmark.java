package io.github.vpsdk.vp.benchmarks;

import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DC-09 frame decode and encode, plain and AES-128, one typical ADM-CID event frame.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar Dc09Codec -f 1 -wi 3 -i 5 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Dc09CodecBenchmark {
  @Param({"plain", "aes128"})
  public String mode;

  private Dc09Codec codec;
  private Dc09Message message;
  private byte[] frame;

  @Setup
  public void setUp() {
    Dc09Key key = Dc09Key.fromHex("00112233445566778899AABBCCDDEEFF");
    codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of("1234", key), null)).padRandom(new SplittableRandom(1))));
    message = Dc09Message.event(Dc09Message.ADM_CID, 42, "1", "2", "1234", "#1234|1130 01 003", Instant.parse("2026-11-23T10:15:30Z"))
        .withEncrypted(mode.equals("aes128"));
    frame = codec.encode(message);
  }

  @Benchmark
  public Dc09DecodeResult decode() {
    return codec.decode(ByteBuffer.wrap(frame));
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(message);
  }
}
