package io.github.vpsdk.vp.benchmarks.load;

import io.github.vpsdk.vp.core.journal.Journal;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.receiver.Dc09Receiver;
import io.github.vpsdk.vp.protocols.receiver.EventSink;
import io.github.vpsdk.vp.protocols.receiver.ReceiverConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the receiver load runs share: the receiver under test (journal sink, limits raised for
 * one source address, a duplicate window of 1 ms so that repeated frames are delivered, a wide
 * timestamp window; {@code -Dvp.bench.ioThreads=N} network threads, the receiver's default (one per
 * available processor) otherwise) and the frames of
 * each simulated panel.
 */
final class BenchReceiver {
  static final Dc09Key KEY = Dc09Key.fromHex("00112233445566778899AABBCCDDEEFF");

  private BenchReceiver() {}

  static Dc09Receiver start(Journal journal) {
    return Dc09Receiver.start(ReceiverConfig.create(c -> c
        .sink(EventSink.journal(journal))
        .keys(Dc09Keys.of(Map.of(), KEY))
        .udp(false)
        .duplicates(Duration.ofMillis(1), 100_000)
        .maxConnections(100_000, 100_000)
        .maxFramesPerSecondPerSource(Integer.MAX_VALUE)
        .timestampWindow(Duration.ofHours(1), Duration.ofHours(1))
        .ioThreads(Integer.getInteger("vp.bench.ioThreads", Runtime.getRuntime().availableProcessors()))));
  }

  /**
   * The frames of panel {@code i}: its own account, 64 distinct ADM-CID events (sequence numbers).
   *
   * @param i the panel's index
   * @param encrypted AES-128 or plain
   * @return the encoded frames
   */
  static byte[][] frames(int i, boolean encrypted) {
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(Dc09Keys.of(Map.of(), KEY))));
    Instant now = Instant.now();
    String account = String.format("%06X", i + 1);
    byte[][] frames = new byte[64][];
    for (int s = 0; s < frames.length; s++) {
      frames[s] = codec.encode(Dc09Message.event(Dc09Message.ADM_CID, s + 1, "1", "0", account,
          String.format("#%s|1130 01 %03d", account, s), now).withEncrypted(encrypted));
    }
    return frames;
  }
}
