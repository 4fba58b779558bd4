package io.github.vpsdk.vp.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MutationsTest {
  /** A SIA DC-09 frame shape (CRC and length not checked here). */
  private static final byte[] FRAME =
      "\n5A3C0047\"SIA-DCS\"0001L0#1234[#1234|Nri1/BA01]_14:12:05,11-23-2026\r"
          .getBytes(StandardCharsets.ISO_8859_1);

  private static final byte[] OTHER = "\nC6F0002C\"NULL\"0002L0#1234[]\r".getBytes(StandardCharsets.ISO_8859_1);

  @Property(tries = 300)
  void everyMutationOfANonEmptyInputDiffersExceptSplice(PropertyRandom random) {
    byte[] input = Gens.bytes(1, 40).sample(random);
    byte[] before = input.clone();
    for (Mutation m : Mutation.values()) {
      byte[] out = m.apply(input, OTHER, random);
      assertThat(input).as("input untouched").isEqualTo(before);
      assertThat(out).isNotSameAs(input);
      if (m != Mutation.SPLICE) {
        assertThat(out).as(m.name()).isNotEqualTo(input);
      }
      assertThat(out.length).as(m.name()).isLessThanOrEqualTo(input.length + Math.max(Mutation.MAX_RANGE, OTHER.length));
    }
  }

  @Property(tries = 500)
  void generatedMutantsDifferFromTheirInputAndAreBounded(PropertyRandom random) {
    byte[] mutant = Mutations.of(FRAME).sample(random);
    assertThat(mutant).isNotEqualTo(FRAME);
    assertThat(mutant.length).isLessThanOrEqualTo(Mutations.maxLength(FRAME.length));
  }

  @Property(tries = 200)
  void tinyAndEmptyInputsToo(PropertyRandom random) {
    for (byte[] input : List.of(new byte[0], new byte[] {0x41}, new byte[] {0, 0})) {
      byte[] mutant = Mutations.mutate(input, input, Mutations.maxLength(input.length), random);
      assertThat(mutant).isNotEqualTo(input);
      assertThat(mutant.length).isLessThanOrEqualTo(Mutations.maxLength(input.length));
    }
  }

  @Property(tries = 200)
  void mutantsOfAGeneratorAreBoundedByTheDeclaredMaximum(PropertyRandom random) {
    byte[] mutant = Mutations.of(Gens.bytes(0, 10), 10).sample(random);
    assertThat(mutant.length).isLessThanOrEqualTo(Mutations.maxLength(10));
  }

  @Test
  void aCorpusIsMutatedAndSplicedAndSpecialBytesShowUp() {
    PropertyRandom random = PropertyRandom.of(1);
    Gen<byte[]> gen = Mutations.of(List.of(FRAME, OTHER));
    boolean spliced = false;
    Set<Byte> specials = new java.util.HashSet<>();
    for (int i = 0; i < 5000; i++) {
      byte[] m = gen.sample(random);
      assertThat(m.length).isLessThanOrEqualTo(Mutations.maxLength(FRAME.length));
      String s = new String(m, StandardCharsets.ISO_8859_1);
      spliced |= s.contains("SIA-DCS") && s.contains("\"NULL\"");
      for (byte b : m) {
        if (Mutations.SPECIAL_BYTES.contains(b)) {
          specials.add(b);
        }
      }
    }
    assertThat(spliced).isTrue();
    assertThat(specials).containsAll(Mutations.SPECIAL_BYTES);
  }

  @Test
  void mutationsAreDeterministic() {
    Gen<byte[]> gen = Mutations.of(FRAME);
    List<byte[]> a = gen.samples(PropertyRandom.of(9), 100);
    List<byte[]> b = gen.samples(PropertyRandom.of(9), 100);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).isEqualTo(b.get(i));
    }
    // every kind is exercised by the generator: lengths both grow and shrink
    EnumSet<Mutation> kinds = EnumSet.noneOf(Mutation.class);
    PropertyRandom r = PropertyRandom.of(4);
    for (int i = 0; i < 200; i++) {
      for (Mutation m : Mutation.values()) {
        if (!Arrays.equals(m.apply(FRAME, OTHER, r), FRAME)) {
          kinds.add(m);
        }
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder(Mutation.values());
  }
}
