package io.github.vpsdk.vp.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors from RFC 7616 section 3.9.1 (MD5 and SHA-256, qop=auth). */
class HttpDigestTest {
  static final String CHALLENGE_MD5 =
      "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5,"
          + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
          + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
  static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  @Test
  void md5Vector() {
    Map<String, String> c = HttpDigest.parseChallenge(CHALLENGE_MD5);
    assertThat(c).containsEntry("realm", "http-auth@example.org").containsEntry("qop", "auth, auth-int");
    String h = HttpDigest.authorization(c, "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE);
    assertThat(h)
        .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"")
        .contains("qop=auth, nc=00000001")
        .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
  }

  @Test
  void sha256Vector() {
    Map<String, String> c =
        HttpDigest.parseChallenge(CHALLENGE_MD5.replace("algorithm=MD5", "algorithm=SHA-256"));
    String h = HttpDigest.authorization(c, "GET", "/dir/index.html", "Mufasa", "Circle of Life", CNONCE);
    assertThat(h)
        .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"")
        .contains("algorithm=SHA-256");
  }

  @Test
  void notDigest() {
    assertThat(HttpDigest.parseChallenge("Basic realm=\"cam\"")).isNull();
  }
}
