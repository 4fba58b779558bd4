package io.github.vpsdk.vp.protocols.internal.surgard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.protocols.internal.surgard.PacketSplitter.Packet;
import io.github.vpsdk.vp.protocols.internal.surgard.PacketSplitter.Piece;
import io.github.vpsdk.vp.protocols.internal.surgard.PacketSplitter.Problem;
import io.github.vpsdk.vp.protocols.internal.surgard.PacketSplitter.Refused;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacketSplitterTest {
  private static final String HEARTBEAT = "1011           @    ";

  private static byte[] bytes(String s) {
    return s.replace('~', '\u0014').getBytes(StandardCharsets.ISO_8859_1);
  }

  private static List<String> packets(List<Piece> pieces) {
    List<String> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p instanceof Packet) {
        out.add(((Packet) p).text());
      }
    }
    return out;
  }

  private static List<Problem> problems(List<Piece> pieces) {
    List<Problem> out = new ArrayList<>();
    for (Piece p : pieces) {
      if (p instanceof Refused) {
        out.add(((Refused) p).problem());
      }
    }
    return out;
  }

  @Test
  void sixGluedRetransmissionsComeOutOneByOne() {
    // what EBS OSM delivered without ACKs: six copies of one frame on one line (alarm-protocols.md 1.4)
    String p = "5011 187037E13001004~";
    List<Piece> pieces = new PacketSplitter().feed(bytes(p.repeat(6)));
    assertThat(packets(pieces)).hasSize(6).containsOnly("5011 187037E13001004");
    assertThat(((Packet) pieces.get(0)).message()).isInstanceOf(SurGardMessage.ContactId.class);
  }

  @Test
  void heartbeatAndHikvisionSixCharHeaderAndSia() {
    List<Piece> pieces = new PacketSplitter().feed(bytes(HEARTBEAT + "~501001 187037R30100000~S01001[#1234|Nri1/BA01]~"));
    assertThat(pieces).extracting(p -> ((Packet) p).message().getClass().getSimpleName())
        .containsExactly("Heartbeat", "ContactId", "Sia");
  }

  @Test
  void bytesArrivingOneAtATimeMakeTheSamePackets() {
    PacketSplitter s = new PacketSplitter();
    List<Piece> all = new ArrayList<>();
    for (byte b : bytes("\r\n5011 181234E12101001~" + HEARTBEAT + "~")) {
      all.addAll(s.feed(new byte[] {b}));
    }
    assertThat(packets(all)).containsExactly("5011 181234E12101001", HEARTBEAT);
    assertThat(problems(all)).isEmpty();
  }

  @Test
  void noiseBeforeAPacketIsSkippedWithATypedErrorAndThePacketKept() {
    List<Piece> pieces = new PacketSplitter().feed(bytes("\u00ff\u0007##5011 181234E12101001~"));
    assertThat(problems(pieces)).containsExactly(Problem.GARBAGE);
    assertThat(packets(pieces)).containsExactly("5011 181234E12101001");
    assertThat(((Refused) pieces.get(0)).text()).isEqualTo("\u00ff\u0007##");
  }

  @Test
  void theTailOfACutPacketBeforeAWholeOneIsGarbage() {
    // a reconnection cut a packet after its first 11 bytes; the receiver then sent the next one
    List<Piece> pieces = new PacketSplitter().feed(bytes("E130010045011 181234E12101001~"));
    assertThat(problems(pieces)).containsExactly(Problem.GARBAGE);
    assertThat(packets(pieces)).containsExactly("5011 181234E12101001");
  }

  @Test
  void aPacketThatDoesNotDecodeIsMalformed() {
    List<Piece> pieces = new PacketSplitter().feed(bytes("5011 18123~"));
    assertThat(problems(pieces)).containsExactly(Problem.MALFORMED);
    assertThat(((Refused) pieces.get(0)).detail()).contains("account");
  }

  @Test
  void anUnknownButPrintableProtocolIsAPacketToAcknowledge() {
    List<Piece> pieces = new PacketSplitter().feed(bytes("T01001 something~"));
    assertThat(pieces).singleElement().isInstanceOf(Packet.class);
    assertThat(((Packet) pieces.get(0)).message()).isInstanceOf(SurGardMessage.Unsupported.class);
  }

  @Test
  void loneTerminatorsAndBlankLinesSayNothing() {
    assertThat(new PacketSplitter().feed(bytes("~~\r\n~  ~"))).isEmpty();
  }

  @Test
  void anEndlessRunIsBoundedAndThePacketAfterItSurvives() {
    PacketSplitter s = new PacketSplitter();
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pieces.addAll(s.feed(bytes("x".repeat(1000))));
      assertThat(s.buffered()).isLessThanOrEqualTo(SurGardCodec.MAX_PACKET);
    }
    pieces.addAll(s.feed(bytes("5011 181234E12101001~")));
    assertThat(problems(pieces)).containsExactly(Problem.TOO_LONG, Problem.GARBAGE);
    assertThat(packets(pieces)).containsExactly("5011 181234E12101001");
  }

  @Test
  void bytesLeftAtTheEndAreTruncated() {
    PacketSplitter s = new PacketSplitter();
    assertThat(s.feed(bytes("5011 1812"))).isEmpty();
    assertThat(s.finish()).extracting(Refused::problem).isEqualTo(Problem.TRUNCATED);
    assertThat(s.finish()).isNull();
  }

  /** Valid packets with noise between them, cut at random places: every packet comes out, in order. */
  @Test
  void randomCutsAndNoiseNeverLoseAPacket() {
    long seed = new SplittableRandom().nextLong();
    System.out.println("PacketSplitterTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream();
      List<String> expected = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        if (random.nextInt(4) == 0) {
          // noise that cannot be taken for a packet start and has no DC4
          int len = random.nextInt(1, 40);
          for (int k = 0; k < len; k++) {
            stream.write("#%&*()xyz\u0000\u00ff".charAt(random.nextInt(11)));
          }
        }
        String p = String.format("5%02d%d 18%04dE%03d%02d%03d", random.nextInt(100), random.nextInt(10),
            random.nextInt(10000), 100 + random.nextInt(900), random.nextInt(100), random.nextInt(1000));
        if (random.nextInt(5) == 0) {
          p = HEARTBEAT;
        }
        expected.add(p);
        stream.writeBytes(bytes(p + "~"));
      }
      byte[] all = stream.toByteArray();
      PacketSplitter s = new PacketSplitter();
      List<Piece> pieces = new ArrayList<>();
      int at = 0;
      while (at < all.length) {
        int len = Math.min(all.length - at, 1 + random.nextInt(30));
        pieces.addAll(s.feed(all, at, len));
        at += len;
      }
      assertThat(packets(pieces)).as("seed %d round %d", seed, round).containsExactlyElementsOf(expected);
      assertThat(problems(pieces)).as("seed %d", seed).allMatch(p -> p == Problem.GARBAGE);
    }
  }
}
