package io.github.vpsdk.vp.testkit.property;

import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09Dialect;
import io.github.vpsdk.vp.protocols.dc09.Dc09Key;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Generators of SIA DC-09 material for property tests of alarm receivers, vp's or another's:
 * keys, valid messages (SIA-DCS, ADM-CID, NULL; plain or encrypted), framing dialects, whole
 * frames, and damaged frames. Everything is drawn from a {@link PropertyRandom}, so a failing case
 * replays from its seed.
 *
 * <pre>{@code
 * @Property(tries = 500)
 * void receiverNeverCrashes(PropertyRandom random) {
 *   Dc09Gens.Frame frame = Dc09Gens.frames().sample(random);
 *   byte[] hostile = Mutations.of(frame.bytes()).sample(random);
 *   // send hostile to the receiver under test, expect a NAK or nothing, never a crash
 * }
 * }</pre>
 */
public final class Dc09Gens {
  private static final List<String> SIA_DATA = List.of(
      "Nri1/BA01", "NRP", "Nri2/id15/OP", "Nti10:15/ri4/FA2", "Nri1/BA01/BA02/TA3", "Nid3/CL", "Npi0/AT",
      "Nri1/WA000", "Nti20:50:26RP99", "Nri1/BA01^Hall PIR^");

  private Dc09Gens() {}

  /**
   * A message with the frame that carries it and the key to read it.
   *
   * @param message the message
   * @param key the key of the account, or {@code null} for a plain message
   * @param dialect the framing used
   * @param bytes the encoded frame, LF to CR
   */
  public record Frame(Dc09Message message, @Nullable Dc09Key key, Dc09Dialect dialect, byte[] bytes) {
    /** Copies the bytes. */
    public Frame {
      bytes = bytes.clone();
    }

    /**
     * The frame's bytes.
     *
     * @return a copy
     */
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * AES keys of 128, 192 and 256 bits.
   *
   * @return the generator
   */
  public static Gen<Dc09Key> keys() {
    return r -> Dc09Key.fromBytes(r.nextBytes(16 + 8 * r.nextInt(3)));
  }

  /**
   * Accounts of 3 to 16 hexadecimal digits, as panels are configured.
   *
   * @return the generator
   */
  public static Gen<String> accounts() {
    return Gens.strings(Alphabet.HEX, 3, 16);
  }

  /**
   * Valid messages a panel sends: SIA-DCS with DC-03 data, ADM-CID with Contact ID data, NULL
   * link tests; plain or encrypted (encrypted ones always carry a timestamp), with or without
   * receiver and prefix, with up to two extended data blocks.
   *
   * @return the generator
   */
  public static Gen<Dc09Message> panelMessages() {
    return r -> {
      String account = r.sample(accounts());
      String token;
      String data;
      switch (r.nextInt(3)) {
        case 0:
          token = Dc09Message.SIA_DCS;
          data = (r.nextBoolean() ? "#" + account + "|" : "") + r.pick(SIA_DATA);
          break;
        case 1:
          token = Dc09Message.ADM_CID;
          data = String.format(java.util.Locale.ROOT, "#%s|%d%03d %02d %03d", account,
              r.pick(List.of(1, 3, 6)), r.nextInt(100, 999), r.nextInt(0, 99), r.nextInt(0, 999));
          break;
        default:
          token = Dc09Message.NULL;
          data = "";
      }
      boolean encrypted = r.nextBoolean();
      Instant time = encrypted || r.nextBoolean() ? r.sample(Gens.instants(CoreGens.EARLIEST, CoreGens.LATEST)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : null;
      List<ExtendedField> extended = r.sample(Gens.lists(
          (Gen<ExtendedField>) x -> new ExtendedField(String.valueOf((char) ('A' + x.nextInt(26))), x.sample(Gens.strings(Alphabet.ASCII_PRINTABLE, 1, 30)).replace("]", ")").replace("[", "(")),
          0, 2));
      return new Dc09Message(token, encrypted, String.format(java.util.Locale.ROOT, "%04d", r.nextInt(0, 9999)),
          r.nextBoolean() ? r.sample(Gens.strings(Alphabet.HEX, 1, 6)) : null,
          r.chance(0.8) ? r.sample(Gens.strings(Alphabet.HEX, 1, 6)) : null,
          account, data, extended, time);
    };
  }

  /**
   * Framing dialects: mostly standard, sometimes without LF, with a binary CRC (always after an
   * LF, as the panels that send one do), or with the CR counted (ELDES).
   *
   * @return the generator
   */
  public static Gen<Dc09Dialect> dialects() {
    return r -> {
      if (r.chance(0.5)) {
        return Dc09Dialect.STANDARD;
      }
      boolean binary = r.chance(0.3);
      // a binary CRC is only recognisable after the LF (its bytes may be LF, CR or NUL)
      return new Dc09Dialect(binary, binary || !r.chance(0.3), r.chance(0.3));
    };
  }

  /**
   * Whole frames of {@link #panelMessages()}, encrypted with a generated key when the message is.
   *
   * @return the generator
   */
  public static Gen<Frame> frames() {
    return r -> {
      Dc09Message m = r.sample(panelMessages());
      Dc09Key key = m.encrypted() ? r.sample(keys()) : null;
      Dc09Dialect dialect = r.sample(dialects());
      Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b
          .keys(key == null ? Dc09Keys.none() : Dc09Keys.of(Map.of(), key))
          .padRandom(r.asRandom())));
      return new Frame(m, key, dialect, codec.encode(m, dialect));
    };
  }

  /**
   * Damaged frames: a valid frame with one to four {@link Mutation}s (bit flips, special bytes
   * such as LF, CR and {@code |}, truncation, splices...).
   *
   * @return the generator
   */
  public static Gen<byte[]> damagedFrames() {
    return r -> r.sample(Mutations.of(frames().map(Frame::bytes), 4200));
  }
}
