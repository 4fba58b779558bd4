package io.github.vpsdk.vp.protocols.dc09;

import io.github.vpsdk.vp.core.ExtendedField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid DC-09 messages, keys and mutations, for the property tests. */
final class Dc09Gen {
  private static final String[] SIA = {"Nri1/BA01", "NRP", "Nri2/id15/OP", "Nti10:15/ri4/FA2", "Nri1/BA01/BA02/TA3"};
  private static final String HEXCHARS = "0123456789ABCDEF";

  private Dc09Gen() {}

  static Dc09Key key(SplittableRandom r) {
    byte[] k = new byte[16 + 8 * r.nextInt(3)];
    r.nextBytes(k);
    return Dc09Key.fromBytes(k);
  }

  static String hex(SplittableRandom r, int min, int max) {
    StringBuilder sb = new StringBuilder();
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      sb.append(HEXCHARS.charAt(r.nextInt(16)));
    }
    return sb.toString();
  }

  static Dc09Message message(SplittableRandom r) {
    String account = hex(r, 3, 16);
    String token;
    String data;
    switch (r.nextInt(3)) {
      case 0:
        token = Dc09Message.SIA_DCS;
        data = (r.nextBoolean() ? "#" + account + "|" : "") + SIA[r.nextInt(SIA.length)];
        break;
      case 1:
        token = Dc09Message.ADM_CID;
        data = String.format("#%s|%d%03d %02d %03d", account, new int[] {1, 3, 6}[r.nextInt(3)], r.nextInt(1000), r.nextInt(100), r.nextInt(1000));
        break;
      default:
        token = Dc09Message.NULL;
        data = "";
    }
    boolean encrypted = r.nextBoolean();
    Instant time = encrypted || r.nextBoolean() ? Instant.ofEpochSecond(1_700_000_000L + r.nextInt(100_000_000)) : null;
    List<ExtendedField> extended = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      extended.add(new ExtendedField(String.valueOf((char) ('A' + r.nextInt(26))), hex(r, 1, 20)));
    }
    return new Dc09Message(token, encrypted, String.format("%04d", r.nextInt(10000)),
        r.nextBoolean() ? hex(r, 1, 6) : null, r.nextInt(5) == 0 ? null : hex(r, 1, 6), account, data, extended, time);
  }

  static byte[] bytes(SplittableRandom r, int max) {
    byte[] b = new byte[r.nextInt(max + 1)];
    r.nextBytes(b);
    return b;
  }

  static byte[] mutate(byte[] valid, SplittableRandom r) {
    byte[] b = valid.clone();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n && b.length > 0; i++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(4)) {
        case 0:
          b[at] ^= (byte) (1 << r.nextInt(8));
          break;
        case 1:
          b[at] = "\n\r|\"[]#_0F".getBytes()[r.nextInt(10)];
          break;
        case 2:
          b = java.util.Arrays.copyOf(b, at);
          break;
        default:
          byte[] longer = new byte[b.length + 1];
          System.arraycopy(b, 0, longer, 0, at);
          longer[at] = (byte) r.nextInt(256);
          System.arraycopy(b, at, longer, at + 1, b.length - at);
          b = longer;
      }
    }
    return b;
  }
}
