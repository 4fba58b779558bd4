package io.github.vpsdk.vp.testkit.internal.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtspParserTest {
  static final byte[] DESCRIBE =
      ("DESCRIBE rtsp://127.0.0.1:554/profile_main RTSP/1.0\r\n"
              + "CSeq: 2\r\n"
              + "User-Agent: Lavf59.27.100\r\n"
              + "Accept: application/sdp\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);

  static RtspParser.Result parse(byte[] b) {
    return RtspParser.parse(b, 0, b.length);
  }

  static RtspParser.Result parse(String s) {
    return parse(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void parsesARequest() {
    RtspParser.Request r = (RtspParser.Request) parse(DESCRIBE);
    assertThat(r.consumed()).isEqualTo(DESCRIBE.length);
    assertThat(r.request().method()).isEqualTo("DESCRIBE");
    assertThat(r.request().uri()).isEqualTo("rtsp://127.0.0.1:554/profile_main");
    assertThat(r.request().version()).isEqualTo("RTSP/1.0");
    assertThat(r.request().header("cseq")).isEqualTo("2");
    assertThat(r.request().header("ACCEPT")).isEqualTo("application/sdp");
    assertThat(r.request().body()).isEmpty();
  }

  @Test
  void needsMoreUntilTheLastByteAtEverySplit() {
    for (int n = 0; n < DESCRIBE.length; n++) {
      assertThat(RtspParser.parse(DESCRIBE, 0, n)).as("first %d bytes", n).isInstanceOf(RtspParser.NeedMore.class);
    }
  }

  @Test
  void readsTheBodyAndThenThePipelinedRequest() {
    String two = "GET_PARAMETER rtsp://h/p RTSP/1.0\r\nCSeq: 5\r\nContent-Length: 4\r\n\r\nping"
        + "OPTIONS * RTSP/1.0\r\nCSeq: 6\r\n\r\n";
    byte[] b = two.getBytes(StandardCharsets.US_ASCII);
    RtspParser.Request first = (RtspParser.Request) parse(b);
    assertThat(new String(first.request().body(), StandardCharsets.US_ASCII)).isEqualTo("ping");
    RtspParser.Request second = (RtspParser.Request) RtspParser.parse(b, first.consumed(), b.length - first.consumed());
    assertThat(second.request().method()).isEqualTo("OPTIONS");
    assertThat(first.consumed() + second.consumed()).isEqualTo(b.length);
  }

  @Test
  void framesInterleavedDataAndBlankLines() {
    byte[] rtcp = {'$', 1, 0, 3, 9, 9, 9, 'O'};
    assertThat(RtspParser.parse(rtcp, 0, 6)).isInstanceOf(RtspParser.NeedMore.class);
    assertThat(parse(rtcp)).isEqualTo(new RtspParser.Interleaved(1, 7));
    assertThat(parse("\r\n\r\nOPTIONS")).isEqualTo(new RtspParser.Blank(4));
    assertThat(parse("OPTIONS * RTSP/1.0\nCSeq: 1\n\n")).isInstanceOf(RtspParser.Request.class);
    RtspParser.Request bare = (RtspParser.Request) parse("OPTIONS * RTSP/1.0\r\n\r\n");
    assertThat(bare.request().version()).isEqualTo("RTSP/1.0");
    assertThat(bare.request().headers()).isEmpty();
  }

  @Test
  void refusesMalformedAndOversizedInput() {
    assertThat(parse("OPTIONS *\r\nCSeq: 1\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPT IONS * RTSP/1.0\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * HTTP/1.1\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * RTSP/1.0\r\nno colon\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * RTSP/1.0\r\nX: a\u0001b\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * RTSP/1.0\r\nContent-Length: -1\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * RTSP/1.0\r\nContent-Length: 8193\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    assertThat(parse("OPTIONS * RTSP/1.0\r\nX: \0\r\n\r\n")).isInstanceOf(RtspParser.Malformed.class);
    byte[] endless = new byte[RtspParser.MAX_HEAD];
    java.util.Arrays.fill(endless, (byte) 'A');
    assertThat(parse(endless)).isInstanceOf(RtspParser.Malformed.class);
    StringBuilder many = new StringBuilder("OPTIONS * RTSP/1.0\r\n");
    for (int i = 0; i <= RtspParser.MAX_HEADERS; i++) {
      many.append("X").append(i).append(": y\r\n");
    }
    assertThat(parse(many + "\r\n")).isInstanceOf(RtspParser.Malformed.class);
  }

  /** Random bytes and mutated requests: a result that consumes within the input, never a throw. */
  @Test
  void arbitraryBytesGiveABoundedResult() {
    long seed = new SplittableRandom().nextLong();
    System.out.println("RtspParserTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      byte[] b;
      if (random.nextBoolean()) {
        b = new byte[random.nextInt(300)];
        for (int k = 0; k < b.length; k++) {
          b[k] = (byte) random.nextInt(256);
        }
      } else {
        b = DESCRIBE.clone();
        for (int e = random.nextInt(1, 4); e > 0; e--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      RtspParser.Result r = parse(b);
      int consumed = r instanceof RtspParser.Request ? ((RtspParser.Request) r).consumed()
          : r instanceof RtspParser.Interleaved ? ((RtspParser.Interleaved) r).consumed()
          : r instanceof RtspParser.Blank ? ((RtspParser.Blank) r).consumed() : 1;
      assertThat(consumed).as("seed %d case %d", seed, i).isBetween(1, Math.max(1, b.length));
    }
  }
}
