package io.github.vpsdk.vp.onvif.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class UsernameTokenTest {

  @Test
  void createdIsUtcWithZAndMillis() {
    assertThat(UsernameToken.created(Instant.parse("2026-11-23T06:00:00.123456Z")))
        .isEqualTo("2026-11-23T06:00:00.123Z");
  }

  @Test
  void headerCarriesAVerifiableDigest() throws Exception {
    Element sec = UsernameToken.securityHeader("op", "pw", Instant.parse("2026-11-23T06:00:00Z"), true);
    String nonce = text(sec, UsernameToken.WSSE, "Nonce");
    String created = text(sec, UsernameToken.WSU, "Created");
    String digest = text(sec, UsernameToken.WSSE, "Password");
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(Base64.getDecoder().decode(nonce));
    sha1.update(created.getBytes(StandardCharsets.UTF_8));
    sha1.update("pw".getBytes(StandardCharsets.UTF_8));
    assertThat(digest).isEqualTo(Base64.getEncoder().encodeToString(sha1.digest()));
    assertThat(created).isEqualTo("2026-11-23T06:00:00Z");
    assertThat(text(sec, UsernameToken.WSSE, "Username")).isEqualTo("op");
    assertThat(sec.getTextContent()).doesNotContain("pw".repeat(2));
  }

  @Test
  void textModeOnlyWhenAsked() {
    Element sec = UsernameToken.securityHeader("op", "pw", Instant.EPOCH, false);
    Element pw = (Element) sec.getElementsByTagNameNS(UsernameToken.WSSE, "Password").item(0);
    assertThat(pw.getAttribute("Type")).isEqualTo(UsernameToken.PASSWORD_TEXT);
    assertThat(sec.getElementsByTagNameNS(UsernameToken.WSSE, "Nonce").getLength()).isZero();
  }

  private static String text(Element e, String ns, String local) {
    return e.getElementsByTagNameNS(ns, local).item(0).getTextContent();
  }
}
