package io.github.vpsdk.vp.core.catalogue;

import io.github.vpsdk.vp.core.EventCategory;
import io.github.vpsdk.vp.core.EventCode;
import io.github.vpsdk.vp.core.Priority;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the catalogue knows of one SIA DC-03 event code.
 *
 * @param code the two-letter code
 * @param name a short description for operators
 * @param category the normalised category
 * @param restore whether the code reports the end of a condition (see {@code docs/catalogue.md}
 *     for openings and closings)
 * @param address what the number after the code addresses
 * @param counterpart the code of the opposite condition (BA for BR, BR for BA), or {@code null}
 * @param priority the priority, or {@code null} for the category's default
 */
public record SiaCodeInfo(
    String code,
    String name,
    EventCategory category,
    boolean restore,
    AddressKind address,
    @Nullable String counterpart,
    @Nullable Priority priority) {

  /** Validates and normalises the codes to upper case. */
  public SiaCodeInfo {
    code = new EventCode.Sia(code).code();
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(address, "address");
    counterpart = counterpart == null ? null : new EventCode.Sia(counterpart).code();
  }

  /**
   * The priority of events with this code.
   *
   * @return the configured priority, or the category's default for the restore flag
   */
  public Priority effectivePriority() {
    return priority != null ? priority : category.defaultPriority(restore);
  }
}
