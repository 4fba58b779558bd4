package io.github.vpsdk.vp.testkit.cli;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.catalogue.Classification;
import io.github.vpsdk.vp.core.catalogue.EventCatalogue;
import io.github.vpsdk.vp.protocols.cid.ContactIdMessage;
import io.github.vpsdk.vp.protocols.codec.ParseResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Codec;
import io.github.vpsdk.vp.protocols.dc09.Dc09CodecConfig;
import io.github.vpsdk.vp.protocols.dc09.Dc09DecodeResult;
import io.github.vpsdk.vp.protocols.dc09.Dc09Events;
import io.github.vpsdk.vp.protocols.dc09.Dc09Keys;
import io.github.vpsdk.vp.protocols.dc09.Dc09Message;
import io.github.vpsdk.vp.protocols.sia.SiaData;
import io.github.vpsdk.vp.protocols.sia.SiaEvent;
import io.github.vpsdk.vp.protocols.surgard.SurGardCodec;
import io.github.vpsdk.vp.protocols.surgard.SurGardMessage;
import io.github.vpsdk.vp.testkit.internal.cli.Dc09Json;
import io.github.vpsdk.vp.testkit.internal.cli.JsonLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vp decode}: alarm frames on standard input, one JSON object per line on standard output. */
@Command(
    name = "decode",
    description = {
      "Decode alarm frames read from standard input, one per line, and print one JSON object per"
          + " line: {\"ok\":true,\"protocol\":...,\"events\":[...]} or {\"ok\":false,\"error\":...}."
          + " Never stops on a bad line.",
      "Input: the LF/CR framing of DC-09 is optional, and a frame given without its CRC and"
          + " length (starting at the quote of its token) gets them; \\n, \\r, \\\\ and \\xHH"
          + " escapes are read; other characters are taken as ISO-8859-1 bytes.",
      "Protocols: dc09 (SIA DC-09 frames, plain or AES), contact-id (QEEE GG CCC data or the"
          + " 16-digit DTMF message), sia-dc03 (DC-03 data such as #1234|Nri1/BA01), auto (the"
          + " default: tries them in that order), surgard (SG automation packets, DC4 optional;"
          + " never chosen by auto).",
      "Exit status: 0 when every line decoded, 1 when some did not, 2 on a usage error."
    },
    mixinStandardHelpOptions = true)
final class DecodeCommand implements Callable<Integer> {
  private static final Pattern CID_DATA = Pattern.compile("(#?[0-9A-Za-z]{1,16}\\|)?\\s*[136ERP]\\s*\\d{3}\\s*\\d{2}\\s*\\d{3}\\s*");
  private static final Pattern DTMF = Pattern.compile("[0-9B-Fb-f]{4}\\s*[19]8\\s*[0-9B-Fb-f ]{10,12}");

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--protocol", defaultValue = "auto", paramLabel = "PROTOCOL",
      description = "auto, dc09, contact-id, sia-dc03 or surgard (default: ${DEFAULT-VALUE})")
  String protocol = "auto";

  @Option(names = "--key", paramLabel = "ACCOUNT=KEY",
      description = "an AES key, ACCOUNT=hex:HEX or ACCOUNT=ascii:CHARS; ACCOUNT * for any account; repeatable")
  List<String> keys = new ArrayList<>();

  @Option(names = "--strict", description = "refuse anything that departs from the standards")
  boolean strict;

  /** Standard input, replaceable by tests. */
  InputStream input = System.in;

  @Override
  public Integer call() throws IOException {
    CommandSpec s = java.util.Objects.requireNonNull(spec);
    PrintWriter out = s.commandLine().getOut();
    PrintWriter err = s.commandLine().getErr();
    if (!List.of("auto", "dc09", "contact-id", "sia-dc03", "surgard").contains(protocol)) {
      err.println("unknown --protocol " + protocol);
      return VpCli.EXIT_USAGE;
    }
    Dc09Keys keyring;
    try {
      keyring = Dc09Json.keys(keys);
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return VpCli.EXIT_USAGE;
    }
    Dc09Codec codec = new Dc09Codec(Dc09CodecConfig.create(b -> b.keys(keyring).strict(strict)));
    boolean allOk = true;
    BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.ISO_8859_1));
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> result;
      try {
        result = decodeLine(line, codec, lineNumber);
      } catch (RuntimeException e) {
        result = Dc09Json.error(null, "internal error: " + e, line); // a bug in vp: reported, never fatal
      }
      allOk &= Boolean.TRUE.equals(result.get("ok"));
      JsonLines.write(out, result);
    }
    return allOk ? VpCli.EXIT_OK : VpCli.EXIT_CHECK_FAILED;
  }

  private Map<String, Object> decodeLine(String line, Dc09Codec codec, int lineNumber) {
    byte[] bytes = Dc09Json.unescape(line);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String p = protocol;
    if (p.equals("auto")) {
      String t = text.strip();
      if (t.indexOf('"') >= 0) {
        p = "dc09";
      } else if (DTMF.matcher(t).matches() || CID_DATA.matcher(t).matches()) {
        p = "contact-id";
      } else {
        p = "sia-dc03";
      }
    }
    Instant now = Clock.systemUTC().instant();
    String id = "line-" + lineNumber;
    switch (p) {
      case "dc09":
        return dc09(bytes, codec, now, id, line);
      case "contact-id":
        return contactId(text.strip(), now, id, line);
      case "sia-dc03":
        return siaData(text.strip(), now, id, line);
      default:
        return surgard(text, now, id, line);
    }
  }

  private Map<String, Object> dc09(byte[] raw, Dc09Codec codec, Instant now, String id, String line) {
    int start = 0;
    int end = raw.length;
    while (end > 0 && (raw[end - 1] == '\r' || raw[end - 1] == '\n')) {
      end--;
    }
    while (start < end && raw[start] == '\n') {
      start++;
    }
    ByteBuffer framed;
    if (start < end && raw[start] == '"') {
      // a body without its CRC and length: add them, so a frame can be typed or pasted as text
      byte[] body = java.util.Arrays.copyOfRange(raw, start, end);
      String header = String.format("%04X0%03X", crc16Arc(body), body.length);
      framed = ByteBuffer.allocate(body.length + 11);
      framed.put((byte) '\n').put(header.getBytes(StandardCharsets.ISO_8859_1)).put(body).put((byte) '\r').flip();
    } else {
      framed = ByteBuffer.allocate(end - start + 2);
      framed.put((byte) '\n').put(raw, start, end - start).put((byte) '\r').flip();
    }
    Dc09DecodeResult r = codec.decode(framed);
    if (r instanceof Dc09DecodeResult.Malformed) {
      Dc09DecodeResult.Malformed m = (Dc09DecodeResult.Malformed) r;
      Map<String, Object> o = Dc09Json.error("dc09", m.reason().name() + ": " + m.detail(), line);
      return o;
    }
    if (!(r instanceof Dc09DecodeResult.Decoded)) {
      return Dc09Json.error("dc09", "incomplete frame", line);
    }
    Dc09Message m = ((Dc09DecodeResult.Decoded) r).message();
    if (m.account() == null || m.isResponse() || m.token().equals(Dc09Message.NULL)) {
      return Dc09Json.message(m, List.of());
    }
    ParseResult<List<PanelEvent>> events = Dc09Events.of(m, now, id, EventCatalogue.defaults(), strict);
    if (events instanceof ParseResult.Invalid) {
      Map<String, Object> o = Dc09Json.message(m, List.of());
      o.put("ok", false);
      o.put("error", "event data: " + ((ParseResult.Invalid<List<PanelEvent>>) events).reason());
      return o;
    }
    return Dc09Json.message(m, events.asOptional().orElse(List.of()));
  }

  private Map<String, Object> surgard(String text, Instant now, String id, String line) {
    String packet = text;
    while (packet.endsWith("\u0014") || packet.endsWith("\r") || packet.endsWith("\n")) {
      packet = packet.substring(0, packet.length() - 1);
    }
    ParseResult<SurGardMessage> r = SurGardCodec.parse(packet);
    if (r instanceof ParseResult.Invalid) {
      return Dc09Json.error("surgard", ((ParseResult.Invalid<SurGardMessage>) r).reason(), line);
    }
    SurGardMessage m = r.asOptional().orElseThrow();
    ParseResult<List<PanelEvent>> events = SurGardCodec.events(m, now, id, EventCatalogue.defaults());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", events.isOk() && !(m instanceof SurGardMessage.Unsupported));
    o.put("protocol", "surgard");
    o.put("type", m instanceof SurGardMessage.Heartbeat ? "heartbeat" : m instanceof SurGardMessage.ContactId ? "contact-id"
        : m instanceof SurGardMessage.Sia ? "sia" : "unsupported");
    if (m instanceof SurGardMessage.ContactId) {
      o.put("receiver", ((SurGardMessage.ContactId) m).receiver());
      o.put("line", ((SurGardMessage.ContactId) m).line());
      o.put("account", ((SurGardMessage.ContactId) m).event().account());
    } else if (m instanceof SurGardMessage.Sia) {
      o.put("receiver", ((SurGardMessage.Sia) m).receiver());
      o.put("line", ((SurGardMessage.Sia) m).line());
    } else if (m instanceof SurGardMessage.Heartbeat) {
      o.put("receiver", ((SurGardMessage.Heartbeat) m).receiver());
    } else {
      o.put("error", "protocol " + ((SurGardMessage.Unsupported) m).protocol() + " is not decoded");
    }
    o.put("events", events.asOptional().orElse(List.of()).stream().map(Dc09Json::event).toList());
    return o;
  }

  private static int crc16Arc(byte[] b) {
    int crc = 0;
    for (byte x : b) {
      crc ^= x & 0xFF;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  private Map<String, Object> contactId(String text, Instant now, String id, String line) {
    ParseResult<ContactIdMessage> r = DTMF.matcher(text).matches() && !text.contains("|")
        ? ContactIdMessage.parseDtmf(text) : ContactIdMessage.parseDc09Data(text, strict);
    if (r instanceof ParseResult.Invalid) {
      return Dc09Json.error("contact-id", ((ParseResult.Invalid<ContactIdMessage>) r).reason(), line);
    }
    ContactIdMessage m = r.asOptional().orElseThrow();
    Classification c = EventCatalogue.defaults().classify(m.code());
    boolean byUser = c.address() == io.github.vpsdk.vp.core.catalogue.AddressKind.USER;
    PanelEvent e = PanelEvent.builder().id(id).account(AccountId.of(m.account() == null ? "0" : m.account()))
        .code(m.code()).category(c.category()).restore(c.restore()).priority(c.priority())
        .partition(m.group() == 0 ? null : m.group()).zone(byUser ? null : m.zoneOrUser()).user(byUser ? m.zoneOrUser() : null)
        .receivedAt(now).transport("contact-id").build();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", true);
    o.put("protocol", "contact-id");
    o.put("account", m.account());
    o.put("events", List.of(Dc09Json.event(e)));
    return o;
  }

  private Map<String, Object> siaData(String text, Instant now, String id, String line) {
    ParseResult<SiaData> r = SiaData.parse(text);
    if (r instanceof ParseResult.Invalid) {
      return Dc09Json.error("sia-dc03", ((ParseResult.Invalid<SiaData>) r).reason(), line);
    }
    SiaData data = r.asOptional().orElseThrow();
    if (data.events().isEmpty() && data.texts().isEmpty()) {
      return Dc09Json.error("sia-dc03", "no SIA event in the line", line);
    }
    String account = data.account() == null ? "0" : data.account();
    Dc09Message m = Dc09Message.event(Dc09Message.SIA_DCS, 0, null, null, account, text, null);
    ParseResult<List<PanelEvent>> events = Dc09Events.of(m, now, id, EventCatalogue.defaults(), strict);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("ok", events.isOk());
    o.put("protocol", "sia-dc03");
    o.put("account", data.account());
    o.put("events", events.asOptional().orElse(List.of()).stream().map(Dc09Json::event).toList());
    o.put("texts", data.texts());
    List<String> times = new ArrayList<>();
    for (SiaEvent e : data.events()) {
      if (e.time() != null) {
        times.add(e.time());
      }
    }
    if (!times.isEmpty()) {
      o.put("times", times);
    }
    return o;
  }
}
