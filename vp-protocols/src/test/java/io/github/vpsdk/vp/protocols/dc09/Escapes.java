package io.github.vpsdk.vp.protocols.dc09;

import java.io.ByteArrayOutputStream;

/** The escape convention of the vectors and of {@code vp decode}: \n, \r, \\, \xHH; other characters as ISO-8859-1. */
final class Escapes {
  private Escapes() {}

  static byte[] unescape(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n':
            out.write('\n');
            break;
          case 'r':
            out.write('\r');
            break;
          case 'x':
            out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
            i += 2;
            break;
          default:
            out.write(n);
        }
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }
}
