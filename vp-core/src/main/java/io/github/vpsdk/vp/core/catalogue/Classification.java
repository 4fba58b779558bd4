package io.github.vpsdk.vp.core.catalogue;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Priority;
import java.util.Objects;

/**
 * What an event code means, as {@link EventCatalogue#classify} tells it. An unknown code is
 * classified too ({@code known() == false}, category {@link EventCategory#UNKNOWN}): a receiver
 * acknowledges and shows an event it cannot name rather than dropping it.
 *
 * @param code the code classified
 * @param known whether the catalogue knows the code
 * @param category the normalised category
 * @param restore whether the event ends a condition
 * @param priority the priority
 * @param address what the number reported with the code addresses
 * @param description a short description for operators
 */
public record Classification(
    EventCode code,
    boolean known,
    EventCategory category,
    boolean restore,
    Priority priority,
    AddressKind address,
    String description) {

  /** Validates. */
  public Classification {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(description, "description");
  }
}
