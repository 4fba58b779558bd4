package io.github.vpsdk.vp.protocols.dc09;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.vpsdk.vp.core.ExtendedField;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extended data shapes seen in the wild (alarm-protocols.md §1.1: pysiaalarm, alarmo#924, Reconeyez, Ajax). */
class Dc09ExtendedDataTest {

  @Test
  void typedFields() {
    Dc09ExtendedData x = Dc09ExtendedData.of(List.of(
        new ExtendedField("X", "006E07.7777777"),
        new ExtendedField("Y", "49N06.6666666"),
        new ExtendedField("M", "0026B9E4268B"),
        new ExtendedField("V", "https://127.0.0.1/first_photo.jpg,https://127.0.0.1/second_photo.jpg"),
        new ExtendedField("H", "16:57:20,08-11-2020"),
        new ExtendedField("R", "LivingRoom")));
    assertThat(x.longitude()).isCloseTo(6 + 7.7777777 / 60, within(1e-9));
    assertThat(x.latitude()).isCloseTo(49 + 6.6666666 / 60, within(1e-9));
    assertThat(x.macAddress()).isEqualTo("00:26:B9:E4:26:8B");
    assertThat(x.verificationLinks()).containsExactly(URI.create("https://127.0.0.1/first_photo.jpg"), URI.create("https://127.0.0.1/second_photo.jpg"));
    assertThat(x.occurredAt()).isEqualTo(Instant.parse("2020-08-11T16:57:20Z"));
    assertThat(x.fields()).hasSize(6);
  }

  @Test
  void southWestAndDecimalDegrees() {
    Dc09ExtendedData x = Dc09ExtendedData.of(List.of(new ExtendedField("X", "043W30.0"), new ExtendedField("Y", "-22.9")));
    assertThat(x.longitude()).isCloseTo(-43.5, within(1e-9));
    assertThat(x.latitude()).isCloseTo(-22.9, within(1e-9));
  }

  @Test
  void unparseableValuesStayRawOnly() {
    Dc09ExtendedData x = Dc09ExtendedData.of(List.of(new ExtendedField("X", "abc"), new ExtendedField("Y", "91N00.0"),
        new ExtendedField("M", "xyz"), new ExtendedField("V", "not a link"), new ExtendedField("H", "yesterday")));
    assertThat(x.longitude()).isNull();
    assertThat(x.latitude()).isNull();
    assertThat(x.macAddress()).isNull();
    assertThat(x.verificationLinks()).isEmpty();
    assertThat(x.occurredAt()).isNull();
    assertThat(x.fields()).hasSize(5);
  }
}
