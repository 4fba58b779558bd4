package io.github.vpsdk.vp.core.catalogue;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Priority;
import io.github.vpsdk.vp.core.SystemEvent;
import io.github.vpsdk.vp.core.VpException;
import io.github.vpsdk.vp.core.internal.catalogue.CatalogueTables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The event-code catalogue: SIA DC-03 and Contact ID codes with their category, restore flag,
 * address kind and priority, and the mapping between the two families. Immutable and
 * thread-safe.
 *
 * <p>{@link #defaults()} holds the codes vp ships (several hundred of each family, sources in
 * {@code docs/catalogue.md}). A centre changes or adds codes with {@link #builder()}: start {@link
 * Builder#from from} the defaults, then replace rows one by one or {@link Builder#load load} a
 * table of its own in the same format.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Openings and closings are {@link EventCategory#OPENING_CLOSING}; an opening (disarming)
 *       is {@code restore == false}, a closing (arming) is {@code restore == true}, as Contact ID
 *       qualifiers 1 and 3 have it. Contact ID 401 with qualifier 1 maps to SIA OP, with qualifier
 *       3 to CL.
 *   <li>A Contact ID event is a restore when its qualifier is 3; qualifier 6 (previous condition
 *       still present) is reported as not a restore.
 *   <li>Mapping SIA to Contact ID uses the first Contact ID row that names the SIA code (130 for
 *       BA, 401 for OP and CL).
 * </ul>
 */
public final class EventCatalogue {

  private static final String SIA_RESOURCE = "sia-codes.tsv";
  private static final String CID_RESOURCE = "contact-id-codes.tsv";

  private final Map<String, SiaCodeInfo> sia;
  private final Map<Integer, ContactIdCodeInfo> contactId;
  private final Map<String, EventCode.ContactId> siaToContactId;

  private EventCatalogue(Map<String, SiaCodeInfo> sia, Map<Integer, ContactIdCodeInfo> contactId) {
    this.sia = Collections.unmodifiableMap(new LinkedHashMap<>(sia));
    this.contactId = Collections.unmodifiableMap(new LinkedHashMap<>(contactId));
    Map<String, EventCode.ContactId> reverse = new LinkedHashMap<>();
    for (ContactIdCodeInfo info : contactId.values()) {
      if (info.siaNew() != null) {
        reverse.putIfAbsent(info.siaNew(), new EventCode.ContactId(1, info.event()));
      }
      if (info.siaRestore() != null) {
        reverse.putIfAbsent(info.siaRestore(), new EventCode.ContactId(3, info.event()));
      }
    }
    this.siaToContactId = Collections.unmodifiableMap(reverse);
  }

  private static final class Defaults {
    static final EventCatalogue INSTANCE = loadDefaults();
  }

  /**
   * The catalogue vp ships, loaded once.
   *
   * @return the default catalogue
   */
  public static EventCatalogue defaults() {
    return Defaults.INSTANCE;
  }

  private static EventCatalogue loadDefaults() {
    Builder b = new Builder();
    for (String resource : new String[] {SIA_RESOURCE, CID_RESOURCE}) {
      try (InputStream in = EventCatalogue.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new VpException(VpException.Reason.INTERNAL, "missing resource " + resource);
        }
        b.load(in, resource);
      } catch (IOException e) {
        throw new VpException(VpException.Reason.IO, "cannot read " + resource, e);
      }
    }
    return b.build();
  }

  /**
   * A builder for a catalogue, empty until {@link Builder#from} or rows are added.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A SIA code.
   *
   * @param code the two-letter code, any case
   * @return what the catalogue knows of it
   */
  public Optional<SiaCodeInfo> sia(String code) {
    return Optional.ofNullable(sia.get(code.toUpperCase(java.util.Locale.ROOT)));
  }

  /**
   * A Contact ID event code.
   *
   * @param event the three-digit event code
   * @return what the catalogue knows of it
   */
  public Optional<ContactIdCodeInfo> contactId(int event) {
    return Optional.ofNullable(contactId.get(event));
  }

  /**
   * Every SIA code, in table order.
   *
   * @return an unmodifiable view
   */
  public Collection<SiaCodeInfo> siaCodes() {
    return sia.values();
  }

  /**
   * Every Contact ID code, in table order.
   *
   * @return an unmodifiable view
   */
  public Collection<ContactIdCodeInfo> contactIdCodes() {
    return contactId.values();
  }

  /**
   * The SIA code of a Contact ID event: the row's code for qualifier 1 or 6 (new or still
   * present), or for qualifier 3 (restore, closing).
   *
   * @param code the Contact ID event
   * @return the SIA code, if one is mapped
   */
  public Optional<EventCode.Sia> toSia(EventCode.ContactId code) {
    ContactIdCodeInfo info = contactId.get(code.event());
    if (info == null) {
      return Optional.empty();
    }
    String mapped = code.isRestore() ? info.siaRestore() : info.siaNew();
    return Optional.ofNullable(mapped).map(EventCode.Sia::new);
  }

  /**
   * The Contact ID event (qualifier and code) of a SIA code.
   *
   * @param code the SIA code
   * @return the Contact ID event, if one is mapped
   */
  public Optional<EventCode.ContactId> toContactId(EventCode.Sia code) {
    return Optional.ofNullable(siaToContactId.get(code.code()));
  }

  /**
   * What a code means. Never fails: an unknown code is {@link EventCategory#UNKNOWN}, not a
   * restore, {@link Priority#MEDIUM}, with {@code known() == false}.
   *
   * @param code the code
   * @return its classification
   */
  public Classification classify(EventCode code) {
    if (code instanceof EventCode.Sia) {
      SiaCodeInfo info = sia.get(((EventCode.Sia) code).code());
      if (info != null) {
        return new Classification(
            code, true, info.category(), info.restore(), info.effectivePriority(), info.address(), info.name());
      }
    } else if (code instanceof EventCode.ContactId) {
      EventCode.ContactId cid = (EventCode.ContactId) code;
      ContactIdCodeInfo info = contactId.get(cid.event());
      if (info != null) {
        return new Classification(
            code,
            true,
            info.category(),
            cid.isRestore(),
            info.effectivePriority(cid.isRestore()),
            info.address(),
            info.name());
      }
    } else {
      EventCode.Internal internal = (EventCode.Internal) code;
      if (internal.equals(SystemEvent.SUPERVISION_LOST)) {
        return new Classification(
            code, true, EventCategory.TROUBLE, false, Priority.MEDIUM, AddressKind.NONE, "Supervision lost");
      }
      if (internal.equals(SystemEvent.SUPERVISION_RESTORED)) {
        return new Classification(
            code, true, EventCategory.TROUBLE, true, Priority.LOW, AddressKind.NONE, "Supervision restored");
      }
    }
    return new Classification(
        code,
        false,
        EventCategory.UNKNOWN,
        false,
        EventCategory.UNKNOWN.defaultPriority(false),
        AddressKind.ZONE,
        "Unknown code " + code.text());
  }

  /** Builds {@link EventCatalogue}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, SiaCodeInfo> sia = new LinkedHashMap<>();
    private final Map<Integer, ContactIdCodeInfo> contactId = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds every row of a catalogue, replacing rows with the same code.
     *
     * @param catalogue the catalogue to start from, usually {@link #defaults()}
     * @return this builder
     */
    public Builder from(EventCatalogue catalogue) {
      catalogue.siaCodes().forEach(this::sia);
      catalogue.contactIdCodes().forEach(this::contactId);
      return this;
    }

    /**
     * Adds or replaces a SIA code.
     *
     * @param info the row
     * @return this builder
     */
    public Builder sia(SiaCodeInfo info) {
      sia.put(info.code(), info);
      return this;
    }

    /**
     * Adds or replaces a Contact ID code.
     *
     * @param info the row
     * @return this builder
     */
    public Builder contactId(ContactIdCodeInfo info) {
      contactId.put(info.event(), info);
      return this;
    }

    /**
     * Sets the priority of a SIA code already in the builder.
     *
     * @param code the SIA code
     * @param priority the priority
     * @return this builder
     * @throws IllegalArgumentException if the code is not in the builder
     */
    public Builder siaPriority(String code, Priority priority) {
      SiaCodeInfo info = sia.get(new EventCode.Sia(code).code());
      if (info == null) {
        throw new IllegalArgumentException("no SIA code " + code + " to set the priority of");
      }
      return sia(new SiaCodeInfo(info.code(), info.name(), info.category(), info.restore(), info.address(), info.counterpart(), priority));
    }

    /**
     * Sets the priority of new events (qualifier 1 or 6) of a Contact ID code already in the
     * builder.
     *
     * @param event the Contact ID event code
     * @param priority the priority
     * @return this builder
     * @throws IllegalArgumentException if the code is not in the builder
     */
    public Builder contactIdPriority(int event, Priority priority) {
      ContactIdCodeInfo info = contactId.get(event);
      if (info == null) {
        throw new IllegalArgumentException("no Contact ID code " + event + " to set the priority of");
      }
      return contactId(new ContactIdCodeInfo(info.event(), info.name(), info.category(), info.address(), info.siaNew(), info.siaRestore(), priority));
    }

    /**
     * Adds or replaces the rows of a table file in the catalogue's format.
     *
     * @param file the table
     * @return this builder
     * @throws VpException {@code MALFORMED} naming the file and line of the first bad row, or
     *     {@code IO}
     */
    public Builder load(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        return load(in, file.toString());
      } catch (IOException e) {
        throw new VpException(VpException.Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
      }
    }

    /**
     * Adds or replaces the rows of a table in the catalogue's format; errors name the source
     * {@code <stream>}.
     *
     * @param in the UTF-8 table, not closed
     * @return this builder
     * @throws VpException {@code MALFORMED} naming the line of the first bad row
     */
    public Builder load(InputStream in) {
      return load(in, "<stream>");
    }

    /**
     * Adds or replaces the rows of a table in the catalogue's format.
     *
     * @param in the UTF-8 table, not closed
     * @param source the name to use in error messages
     * @return this builder
     * @throws VpException {@code MALFORMED} naming the source and line of the first bad row
     */
    public Builder load(InputStream in, String source) {
      Objects.requireNonNull(source, "source");
      CatalogueTables.Table table = CatalogueTables.read(in, source);
      table.sia.forEach(this::sia);
      table.contactId.forEach(this::contactId);
      return this;
    }

    /**
     * Builds the catalogue.
     *
     * @return the catalogue
     */
    public EventCatalogue build() {
      return new EventCatalogue(sia, contactId);
    }
  }
}
