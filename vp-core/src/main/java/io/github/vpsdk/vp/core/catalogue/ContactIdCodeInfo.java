package io.github.vpsdk.vp.core.catalogue;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Priority;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the catalogue knows of one Contact ID event code. Whether an event is a restore comes from
 * its qualifier (3 = restore or closing), not from the code.
 *
 * @param event the three-digit event code, 0 to 999
 * @param name a short description for operators
 * @param category the normalised category
 * @param address what the {@code CCC} field holds: a zone or a user, mostly
 * @param siaNew the SIA code for qualifier 1 (new event, opening), or {@code null}
 * @param siaRestore the SIA code for qualifier 3 (restore, closing), or {@code null}
 * @param priority the priority of new events, or {@code null} for the category's default
 */
public record ContactIdCodeInfo(
    int event,
    String name,
    EventCategory category,
    AddressKind address,
    @Nullable String siaNew,
    @Nullable String siaRestore,
    @Nullable Priority priority) {

  /** Validates. */
  public ContactIdCodeInfo {
    if (event < 0 || event > 999) {
      throw new IllegalArgumentException("Contact ID event must be 0-999: " + event);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(address, "address");
    siaNew = siaNew == null ? null : new EventCode.Sia(siaNew).code();
    siaRestore = siaRestore == null ? null : new EventCode.Sia(siaRestore).code();
  }

  /**
   * The priority of events with this code and a qualifier.
   *
   * @param restore whether the event is a restore
   * @return the configured priority for new events, or the category's default
   */
  public Priority effectivePriority(boolean restore) {
    return priority != null && !restore ? priority : category.defaultPriority(restore);
  }
}
