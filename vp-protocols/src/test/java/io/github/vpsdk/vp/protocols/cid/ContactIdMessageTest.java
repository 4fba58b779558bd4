package io.github.vpsdk.vp.protocols.cid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactIdMessageTest {

  private static ContactIdMessage ok(ParseResult<ContactIdMessage> r) {
    assertThat(r).isInstanceOf(ParseResult.Ok.class);
    return r.asOptional().orElseThrow();
  }

  @Test
  void standardDc09Data() {
    ContactIdMessage m = ok(ContactIdMessage.parseDc09Data("#1002|1602 00 001", true));
    assertThat(m).isEqualTo(new ContactIdMessage("1002", 1, 602, 0, 1));
    assertThat(m.code()).isEqualTo(new EventCode.ContactId(1, 602));
    assertThat(m.toDc09Data()).isEqualTo("#1002|1602 00 001");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "1602 00 001;;1;602;0;1",
        "#9999|1900 00 001;9999;1;900;0;1",
        "#1234|3130  01  003;1234;3;130;1;3",
        "#1234|113001003;1234;1;130;1;3",
        "|1401 01 012;;1;401;1;12",
        "#1234|E130 01 003;1234;1;130;1;3",
        "#1234|R401 02 007;1234;3;401;2;7",
      })
  void lenientForms(String data, String account, int q, int event, int group, int zone) {
    ContactIdMessage m = ok(ContactIdMessage.parseDc09Data(data, false));
    assertThat(m).isEqualTo(new ContactIdMessage(account, q, event, group, zone));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"1602 00 001", "#1234|3130  01  003", "#1234|113001003", "#1234|E130 01 003"})
  void strictRefusesDepartures(String data) {
    assertThat(ContactIdMessage.parseDc09Data(data, true)).isInstanceOf(ParseResult.Invalid.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"#1234|2130 01 003", "#1234|1130 01 0x3", "#1234|1130 01", "#12-4|1130 01 003", "''"})
  void invalidData(String data) {
    assertThat(ContactIdMessage.parseDc09Data(data, false)).isInstanceOf(ParseResult.Invalid.class);
  }

  @Test
  void dtmfChecksum() {
    // 0 counts as 10, the sum of all 16 digits is a multiple of 15, the checksum is never 0 but F
    ContactIdMessage m = new ContactIdMessage("1234", 1, 131, 1, 15);
    String dtmf = m.toDtmf();
    assertThat(dtmf).startsWith("123418113101015").hasSize(16);
    assertThat(ok(ContactIdMessage.parseDtmf(dtmf))).isEqualTo(m);
    assertThat(ContactIdMessage.parseDtmf("1234567890ABCDEF")).isInstanceOf(ParseResult.Invalid.class);
    assertThat(ContactIdMessage.checksumDigit("555555555555555")).isEqualTo('F');
    assertThat(ContactIdMessage.checksumDigit("111111111111116")).isEqualTo('0');
    assertThat(ContactIdMessage.checksumDigit("111111111111111")).isEqualTo('F');
  }

  @Test
  void dtmfRoundTripAndAnyChangedDigitIsCaught() {
    long base = Long.getLong("vp.seed", 99L);
    String digits = "0123456789BCDEF";
    for (int i = 0; i < 1000; i++) {
      long seed = base + i;
      SplittableRandom r = new SplittableRandom(seed);
      StringBuilder acct = new StringBuilder();
      for (int k = 0; k < 4; k++) {
        acct.append(digits.charAt(r.nextInt(digits.length())));
      }
      ContactIdMessage m = new ContactIdMessage(acct.toString(), new int[] {1, 3, 6}[r.nextInt(3)], r.nextInt(1000), r.nextInt(100), r.nextInt(1000));
      String dtmf = m.toDtmf();
      assertThat(ok(ContactIdMessage.parseDtmf(dtmf))).as("seed=%d", seed).isEqualTo(m);
      int at = r.nextInt(16);
      char replacement = digits.charAt(r.nextInt(digits.length()));
      if (replacement != dtmf.charAt(at)) {
        String changed = dtmf.substring(0, at) + replacement + dtmf.substring(at + 1);
        assertThat(ContactIdMessage.parseDtmf(changed)).as("seed=%d %s", seed, changed).isInstanceOf(ParseResult.Invalid.class);
      }
    }
  }
}
