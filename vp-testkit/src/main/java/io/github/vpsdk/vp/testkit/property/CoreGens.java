package io.github.vpsdk.vp.testkit.property;

import static io.github.vpsdk.vp.testkit.property.Gens.weighted;

import io.github.vpsdk.vp.core.AccountId;
import io.github.vpsdk.vp.core.AlarmEvent;
import io.github.vpsdk.vp.core.Camera;
import io.github.vpsdk.vp.core.CameraLink;
import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.ExtendedField;
import io.github.vpsdk.vp.core.Incident;
import io.github.vpsdk.vp.core.IncidentState;
import io.github.vpsdk.vp.core.Keyholder;
import io.github.vpsdk.vp.core.PanelEvent;
import io.github.vpsdk.vp.core.Partition;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.Site;
import io.github.vpsdk.vp.core.SiteUser;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.Zone;
import io.github.vpsdk.vp.core.journal.JournalRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Generators of valid vp-core model values: accounts, event codes, events, sites, incidents and
 * journal records. Every value they give passes the model's validation; values look like what
 * panels and operators produce (real SIA codes, Contact ID events 100-999, hexadecimal accounts of
 * 3 to 16 digits, consistent sites), with the odd unusual but legal value mixed in.
 *
 * <p>Times fall between {@link #EARLIEST} and {@link #LATEST}, in whole milliseconds.
 */
public final class CoreGens {

  /** The earliest time a generated event or incident has: 2020-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");

  /** The latest time a generated event or incident has: 2039-12-31T23:59:59.999Z. */
  public static final Instant LATEST = Instant.parse("2039-12-31T23:59:59.999Z");

  /**
   * Common SIA DC-03 event codes, alarms with their restores: burglary, fire, panic, hold-up,
   * medical, tamper, water, gas, heat, mains and battery trouble, communication, opening and
   * closing, bypass, tests, programming.
   */
  public static final List<String> SIA_CODES =
      List.of(
          "BA", "BR", "BB", "BU", "BT", "BJ", "FA", "FR", "FT", "FJ", "PA", "PR", "HA", "HR", "MA",
          "MR", "TA", "TR", "WA", "WH", "GA", "GH", "KA", "KH", "AT", "AR", "YT", "YR", "YC", "YK",
          "OP", "CL", "OA", "CA", "RP", "RX", "LB", "LX", "JA", "UA", "UR", "QA", "QR");

  private static final List<String> EXTENDED_TAGS =
      List.of("V", "X", "Y", "H", "M", "I", "A", "S", "verification", "zone-name", "last-heard");

  private static final List<String> TRANSPORTS =
      List.of("SIA-DCS", "ADM-CID", "*SIA-DCS", "*ADM-CID", "surgard", "simulated", "");

  private static final List<String> ZONE_IDS =
      List.of("UTC", "Europe/Paris", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney");

  private static final Gen<String> NAMES =
      Gens.frequency(
          weighted(6, Gens.asciiStrings(1, 24).filter(s -> !s.isBlank())),
          weighted(2, Gens.strings(Alphabet.ISO_8859_1, 1, 24).filter(s -> !s.isBlank())),
          weighted(1, Gens.strings(Alphabet.UNICODE, 1, 12).filter(s -> !s.isBlank())));

  private CoreGens() {}

  /**
   * Times between {@link #EARLIEST} and {@link #LATEST}, in whole milliseconds.
   *
   * @return the generator
   */
  public static Gen<Instant> instants() {
    return Gens.instantsMillis(EARLIEST, LATEST);
  }

  /**
   * Identifiers of events, incidents and the like: short ASCII words of letters, digits and
   * {@code -}, as receivers assign them.
   *
   * @return the generator
   */
  public static Gen<String> ids() {
    Gen<String> tail = Gens.strings(Alphabet.of("0123456789abcdefghijklmnopqrstuvwxyz-"), 1, 32);
    return Gens.elements("evt-", "inc-", "", "a", "0").flatMap(p -> tail.map(t -> p + t));
  }

  /**
   * Account identities: 3 to 16 hexadecimal digits (mostly 4 to 6 decimal digits, leading zeros
   * kept), with an optional receiver and line prefix.
   *
   * @return the generator
   */
  public static Gen<AccountId> accountIds() {
    Gen<String> account =
        Gens.frequency(
            weighted(6, Gens.strings(Alphabet.DIGITS, 4, 6)),
            weighted(3, Gens.strings(Alphabet.HEX, 3, 10)),
            weighted(1, Gens.strings(Alphabet.HEX, 1, AccountId.MAX_ACCOUNT_LENGTH)));
    Gen<@Nullable String> part = Gens.strings(Alphabet.HEX, 1, 6).orNull(0.4);
    return random -> AccountId.of(part.sample(random), part.sample(random), account.sample(random));
  }

  /**
   * SIA codes: mostly from {@link #SIA_CODES}, sometimes any two upper-case letters.
   *
   * @return the generator
   */
  public static Gen<EventCode.Sia> siaCodes() {
    return Gens.frequency(
            weighted(9, Gens.elements(SIA_CODES)), weighted(1, Gens.strings(Alphabet.UPPER, 2, 2)))
        .map(EventCode.Sia::new);
  }

  /**
   * Contact ID codes: qualifier 1, 3 or 6, event 100 to 999.
   *
   * @return the generator
   */
  public static Gen<EventCode.ContactId> contactIdCodes() {
    Gen<Integer> qualifier = Gens.elements(1, 1, 1, 3, 3, 6);
    Gen<Integer> event = Gens.ints(100, 999);
    return random -> new EventCode.ContactId(qualifier.sample(random), event.sample(random));
  }

  /**
   * Internal codes: the supervision codes of {@link SystemEvent} and other upper-case words.
   *
   * @return the generator
   */
  public static Gen<EventCode.Internal> internalCodes() {
    return Gens.oneOf(
        Gens.elements(SystemEvent.SUPERVISION_LOST, SystemEvent.SUPERVISION_RESTORED),
        Gens.elements("CAMERA_LOST", "CAMERA_RESTORED", "CLOCK_DRIFT", "RECEIVER_FAULT")
            .map(EventCode.Internal::new),
        Gens.strings(Alphabet.of("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"), 1, 24)
            .map(EventCode.Internal::new));
  }

  /**
   * Event codes of all three kinds, mostly SIA and Contact ID.
   *
   * @return the generator
   */
  public static Gen<EventCode> eventCodes() {
    return Gens.frequency(
        weighted(5, siaCodes()), weighted(4, contactIdCodes()), weighted(1, internalCodes()));
  }

  /**
   * Every {@link EventCategory}, equally likely.
   *
   * @return the generator
   */
  public static Gen<EventCategory> categories() {
    return Gens.enums(EventCategory.class);
  }

  /**
   * Every {@link Priority}, equally likely.
   *
   * @return the generator
   */
  public static Gen<Priority> priorities() {
    return Gens.enums(Priority.class);
  }

  /**
   * Every {@link IncidentState}, equally likely.
   *
   * @return the generator
   */
  public static Gen<IncidentState> incidentStates() {
    return Gens.enums(IncidentState.class);
  }

  /**
   * Extended data fields: the SIA DC-09 one-letter tags and a few words, with ASCII values.
   *
   * @return the generator
   */
  public static Gen<ExtendedField> extendedFields() {
    Gen<String> tag = Gens.elements(EXTENDED_TAGS);
    Gen<String> value = Gens.asciiStrings(0, 40);
    return random -> new ExtendedField(tag.sample(random), value.sample(random));
  }

  /**
   * Panel events with any account, code and category, numbers that are mostly small, a panel time
   * at most two minutes before reception or absent, and the priority usually the category's
   * default.
   *
   * @return the generator
   */
  public static Gen<PanelEvent> panelEvents() {
    Gen<String> ids = ids();
    Gen<AccountId> accounts = accountIds();
    Gen<EventCode> codes = eventCodes();
    Gen<EventCategory> categories = categories();
    Gen<@Nullable Priority> priorities = priorities().orNull(0.8);
    Gen<@Nullable Integer> numbers =
        Gens.frequency(weighted(8, Gens.ints(0, 64)), weighted(1, Gens.ints(0, 9999))).orNull(0.3);
    Gen<Instant> times = instants();
    Gen<Long> drift = Gens.longs(0, 120_000);
    Gen<String> texts =
        Gens.frequency(
            weighted(4, Gens.constant("")),
            weighted(4, Gens.asciiStrings(1, 40)),
            weighted(1, Gens.strings(Alphabet.ISO_8859_1, 1, 40)));
    Gen<List<ExtendedField>> extended = extendedFields().list(0, 3);
    Gen<String> transports = Gens.elements(TRANSPORTS);
    return random -> {
      Instant received = times.sample(random);
      Priority priority = priorities.sample(random);
      PanelEvent.Builder b =
          PanelEvent.builder()
              .id(ids.sample(random))
              .account(accounts.sample(random))
              .code(codes.sample(random))
              .category(categories.sample(random))
              .restore(random.chance(0.3))
              .partition(numbers.sample(random))
              .zone(numbers.sample(random))
              .user(numbers.sample(random))
              .receivedAt(received)
              .occurredAt(random.chance(0.7) ? received.minusMillis(drift.sample(random)) : null)
              .text(texts.sample(random))
              .extended(extended.sample(random))
              .transport(transports.sample(random));
      if (priority != null) {
        b.priority(priority);
      }
      return b.build();
    };
  }

  /**
   * System events: supervision losses and restores, and other events vp raises.
   *
   * @return the generator
   */
  public static Gen<SystemEvent> systemEvents() {
    Gen<String> ids = ids();
    Gen<AccountId> accounts = accountIds();
    Gen<Instant> times = instants();
    Gen<@Nullable Instant> lastHeard = times.orNull(0.3);
    Gen<SystemEvent> lost =
        r -> SystemEvent.supervisionLost(ids.sample(r), accounts.sample(r), times.sample(r), lastHeard.sample(r));
    Gen<SystemEvent> restored =
        r -> SystemEvent.supervisionRestored(ids.sample(r), accounts.sample(r), times.sample(r));
    Gen<@Nullable AccountId> optionalAccounts = accounts.orNull(0.5);
    Gen<@Nullable String> sites = ids.orNull(0.5);
    Gen<String> sources = Gens.elements("receiver", "supervisor", "camera:hall-1", "camera:gate", "clock");
    Gen<EventCode.Internal> codes = internalCodes();
    Gen<EventCategory> categories = Gens.elements(EventCategory.TROUBLE, EventCategory.TROUBLE, EventCategory.STATUS, EventCategory.TAMPER);
    Gen<Priority> priorities = priorities();
    Gen<String> texts = Gens.asciiStrings(0, 60);
    Gen<List<ExtendedField>> extended = extendedFields().list(0, 2);
    Gen<SystemEvent> other =
        r ->
            new SystemEvent(
                ids.sample(r),
                optionalAccounts.sample(r),
                sites.sample(r),
                sources.sample(r),
                codes.sample(r),
                categories.sample(r),
                priorities.sample(r),
                r.nextBoolean(),
                times.sample(r),
                texts.sample(r),
                extended.sample(r));
    return Gens.frequency(weighted(2, lost), weighted(1, restored), weighted(2, other));
  }

  /**
   * Alarm events of both kinds, four panel events for one system event.
   *
   * @return the generator
   */
  public static Gen<AlarmEvent> alarmEvents() {
    return Gens.frequency(weighted(4, panelEvents()), weighted(1, systemEvents()));
  }

  /**
   * Consistent sites: 1 to 3 distinct accounts, partitions, zones (linked only to the site's own
   * cameras), users, cameras on documentation addresses (192.0.2.0/24) and keyholders.
   *
   * @return the generator
   */
  public static Gen<Site> sites() {
    Gen<String> ids = ids();
    Gen<AccountId> accounts = accountIds();
    Gen<ZoneId> zoneIds = Gens.elements(ZONE_IDS).map(ZoneId::of);
    return random -> {
      String id = ids.sample(random);
      List<AccountId> accountList = new ArrayList<>();
      int accountCount = random.nextInt(1, 3);
      while (accountList.size() < accountCount) {
        AccountId a = accounts.sample(random);
        if (!accountList.contains(a)) {
          accountList.add(a);
        }
      }
      int partitionCount = random.nextInt(0, 4);
      List<Partition> partitions = new ArrayList<>();
      for (int p = 1; p <= partitionCount; p++) {
        partitions.add(new Partition(p, "Area " + p));
      }
      List<Camera> cameras = new ArrayList<>();
      int cameraCount = random.nextInt(0, 4);
      for (int c = 1; c <= cameraCount; c++) {
        cameras.add(
            new Camera(
                "cam-" + c,
                NAMES.sample(random),
                URI.create("http://192.0.2." + random.nextInt(1, 254) + "/onvif/device_service"),
                random.chance(0.7) ? "vault:cam-" + c : null,
                random.nextBoolean()));
      }
      List<Zone> zones = new ArrayList<>();
      int zoneCount = random.nextInt(0, 16);
      for (int z = 1; z <= zoneCount; z++) {
        Integer partition = partitionCount == 0 ? null : random.nextInt(1, partitionCount);
        List<CameraLink> links = new ArrayList<>();
        if (cameraCount > 0 && random.chance(0.5)) {
          links.add(
              new CameraLink(
                  "cam-" + random.nextInt(1, cameraCount),
                  random.nextBoolean() ? "preset-" + random.nextInt(1, 9) : null));
        }
        EventCategory type = random.chance(0.5) ? null : categories().sample(random);
        zones.add(new Zone(z, partition, NAMES.sample(random), type, links));
      }
      List<SiteUser> users = new ArrayList<>();
      int userCount = random.nextInt(0, 6);
      for (int u = 0; u < userCount; u++) {
        users.add(new SiteUser(u, NAMES.sample(random)));
      }
      List<Keyholder> keyholders = new ArrayList<>();
      int keyholderCount = random.nextInt(0, 3);
      for (int k = 1; k <= keyholderCount; k++) {
        keyholders.add(
            new Keyholder(
                k,
                NAMES.sample(random),
                "+33 1 99 00 " + String.format(java.util.Locale.ROOT, "%02d %02d", random.nextInt(0, 99), random.nextInt(0, 99)),
                random.nextBoolean() ? "owner" : ""));
      }
      return new Site(
          id,
          NAMES.sample(random),
          random.nextBoolean() ? "" : NAMES.sample(random),
          zoneIds.sample(random),
          accountList,
          partitions,
          zones,
          users,
          cameras,
          keyholders);
    };
  }

  /**
   * Incidents as an operator's work leaves them: opened by an alarm event, then zero to eight
   * further steps (more events, allowed state moves, closing), each a few seconds to minutes after
   * the last. Some end closed.
   *
   * @return the generator
   */
  public static Gen<Incident> incidents() {
    Gen<String> ids = ids();
    Gen<AlarmEvent> events = alarmEvents();
    Gen<Instant> starts = Gens.instantsMillis(EARLIEST, LATEST.minusSeconds(86_400));
    Gen<Long> steps = Gens.longs(1, 600_000);
    Gen<String> operators = Gens.elements("system", "op-1", "op-2", "alice", "bob");
    Gen<String> notes = Gens.asciiStrings(0, 40);
    return random -> {
      Instant now = starts.sample(random);
      Incident incident = Incident.open(ids.sample(random), ids.sample(random), events.sample(random), Clock.fixed(now, ZoneOffset.UTC));
      int count = random.nextInt(0, 8);
      for (int i = 0; i < count && !incident.isClosed(); i++) {
        now = now.plusMillis(steps.sample(random));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        if (random.chance(0.3)) {
          incident = incident.withEvent(events.sample(random), clock);
        } else {
          List<IncidentState> next = new ArrayList<>(incident.state().allowedNext());
          IncidentState to = random.pick(next);
          incident =
              to == IncidentState.CLOSED && random.chance(0.5)
                  ? incident // close rarely: only on a second draw
                  : incident.moveTo(to, operators.sample(random), notes.sample(random), clock);
        }
      }
      return incident;
    };
  }

  /**
   * Journal records of every kind the model names, with and without site, incident and actor.
   *
   * @return the generator
   */
  public static Gen<JournalRecord> journalRecords() {
    Gen<String> ids = ids();
    Gen<String> operators = Gens.elements("op-1", "op-2", "alice", "bob", "system");
    Gen<String> texts = Gens.frequency(weighted(4, Gens.asciiStrings(0, 60)), weighted(1, Gens.strings(Alphabet.UNICODE, 0, 20)));
    Gen<AlarmEvent> events = alarmEvents();
    Gen<Incident> incidents = incidents();
    Gen<JournalRecord> any =
        Gens.oneOf(
            r -> JournalRecord.alarmReceived(events.sample(r)),
            r -> JournalRecord.incidentOpened(incidents.sample(r)),
            r -> JournalRecord.acknowledged(ids.sample(r), operators.sample(r)),
            r -> JournalRecord.operatorAction(ids.orNull(0.3).sample(r), operators.sample(r), "video.open", texts.sample(r)),
            r -> JournalRecord.call(ids.sample(r), operators.sample(r), "keyholder 1", r.pick(List.of("answered", "no answer", "voicemail"))),
            r -> JournalRecord.dispatch(ids.sample(r), operators.sample(r), r.pick(List.of("guard", "police", "fire")), ""),
            r -> JournalRecord.comment(ids.orNull(0.5).sample(r), operators.sample(r), texts.sample(r)),
            r -> JournalRecord.incidentClosed(ids.sample(r), operators.sample(r), texts.sample(r)),
            r -> {
              Map<String, String> attributes = new LinkedHashMap<>();
              int n = r.nextInt(0, 3);
              for (int i = 0; i < n; i++) {
                attributes.put("k" + r.nextInt(0, 9), texts.sample(r));
              }
              return new JournalRecord(
                  JournalRecord.OPERATOR_ACTION, null, null, operators.sample(r), texts.sample(r), attributes, null);
            });
    return random -> {
      JournalRecord record = any.sample(random);
      return random.chance(0.5) ? record.withSite(ids.sample(random)) : record;
    };
  }
}
