package io.github.vpsdk.vp.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An event reported by an alarm panel.
 *
 * <p>Zone, user and partition are kept apart because a panel may report several at once (a
 * bypass of zone 5 by user 3 in area 2). Which of them the original code addresses is told by the
 * catalogue ({@code io.github.vpsdk.vp.core.catalogue}). Numbers are as the panel sent them; zone
 * 0 and user 0 are legitimate values (the panel itself, the installer).
 *
 * <p>Build one with {@link #builder()}; the builder fills the priority from the category when it
 * is not given.
 *
 * @param id unique identifier of the event
 * @param account the reporting account
 * @param code the original code
 * @param category the normalised category
 * @param priority the priority
 * @param restore whether it is a restore
 * @param partition the partition (area) number, or {@code null}
 * @param zone the zone number, or {@code null}
 * @param user the user number, or {@code null}
 * @param occurredAt the panel's time of the event, or {@code null}
 * @param receivedAt when vp received it
 * @param text free text, possibly empty
 * @param extended extended data
 * @param transport how the event came, such as {@code SIA-DCS} or {@code ADM-CID} (DC-09 tokens),
 *     {@code surgard}, or {@code simulated}; possibly empty
 */
public record PanelEvent(
    String id,
    AccountId account,
    EventCode code,
    EventCategory category,
    Priority priority,
    boolean restore,
    @Nullable Integer partition,
    @Nullable Integer zone,
    @Nullable Integer user,
    @Nullable Instant occurredAt,
    Instant receivedAt,
    String text,
    List<ExtendedField> extended,
    String transport)
    implements AlarmEvent {

  /** Validates and copies the list. */
  public PanelEvent {
    EventChecks.requireId(id);
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(priority, "priority");
    EventChecks.requireNonNegative(partition, "partition");
    EventChecks.requireNonNegative(zone, "zone");
    EventChecks.requireNonNegative(user, "user");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(text, "text");
    extended = List.copyOf(extended);
    Objects.requireNonNull(transport, "transport");
  }

  /**
   * A builder for panel events.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a panel event in one expression.
   *
   * @param configure sets the builder's fields
   * @return the event
   */
  public static PanelEvent create(Consumer<Builder> configure) {
    Builder b = new Builder();
    configure.accept(b);
    return b.build();
  }

  /**
   * A builder holding this event's values, to derive a changed copy.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.account = account;
    b.code = code;
    b.category = category;
    b.priority = priority;
    b.restore = restore;
    b.partition = partition;
    b.zone = zone;
    b.user = user;
    b.occurredAt = occurredAt;
    b.receivedAt = receivedAt;
    b.text = text;
    b.extended.addAll(extended);
    b.transport = transport;
    return b;
  }

  /** Builds {@link PanelEvent}s. Not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable AccountId account;
    private @Nullable EventCode code;
    private EventCategory category = EventCategory.UNKNOWN;
    private @Nullable Priority priority;
    private boolean restore;
    private @Nullable Integer partition;
    private @Nullable Integer zone;
    private @Nullable Integer user;
    private @Nullable Instant occurredAt;
    private @Nullable Instant receivedAt;
    private String text = "";
    private final List<ExtendedField> extended = new ArrayList<>();
    private String transport = "";

    private Builder() {}

    /**
     * Sets the identifier (required).
     *
     * @param id the identifier
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the account (required).
     *
     * @param account the account
     * @return this builder
     */
    public Builder account(AccountId account) {
      this.account = account;
      return this;
    }

    /**
     * Sets the original code (required).
     *
     * @param code the code
     * @return this builder
     */
    public Builder code(EventCode code) {
      this.code = code;
      return this;
    }

    /**
     * Sets the category (default {@link EventCategory#UNKNOWN}).
     *
     * @param category the category
     * @return this builder
     */
    public Builder category(EventCategory category) {
      this.category = category;
      return this;
    }

    /**
     * Sets the priority (default: the category's {@link EventCategory#defaultPriority}).
     *
     * @param priority the priority
     * @return this builder
     */
    public Builder priority(Priority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Marks the event as a restore (default {@code false}).
     *
     * @param restore whether it is a restore
     * @return this builder
     */
    public Builder restore(boolean restore) {
      this.restore = restore;
      return this;
    }

    /**
     * Sets the partition (area) number.
     *
     * @param partition the partition, or {@code null}
     * @return this builder
     */
    public Builder partition(@Nullable Integer partition) {
      this.partition = partition;
      return this;
    }

    /**
     * Sets the zone number.
     *
     * @param zone the zone, or {@code null}
     * @return this builder
     */
    public Builder zone(@Nullable Integer zone) {
      this.zone = zone;
      return this;
    }

    /**
     * Sets the user number.
     *
     * @param user the user, or {@code null}
     * @return this builder
     */
    public Builder user(@Nullable Integer user) {
      this.user = user;
      return this;
    }

    /**
     * Sets the panel's time of the event.
     *
     * @param occurredAt the time, or {@code null} when the panel did not say
     * @return this builder
     */
    public Builder occurredAt(@Nullable Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    /**
     * Sets the reception time (required).
     *
     * @param receivedAt the time
     * @return this builder
     */
    public Builder receivedAt(Instant receivedAt) {
      this.receivedAt = receivedAt;
      return this;
    }

    /**
     * Sets the free text (default empty).
     *
     * @param text the text
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Adds an extended data field.
     *
     * @param tag the tag
     * @param value the value
     * @return this builder
     */
    public Builder extended(String tag, String value) {
      this.extended.add(new ExtendedField(tag, value));
      return this;
    }

    /**
     * Replaces the extended data.
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder extended(List<ExtendedField> fields) {
      this.extended.clear();
      this.extended.addAll(fields);
      return this;
    }

    /**
     * Sets how the event came (default empty).
     *
     * @param transport the transport token
     * @return this builder
     */
    public Builder transport(String transport) {
      this.transport = transport;
      return this;
    }

    /**
     * Builds the event.
     *
     * @return the event
     * @throws NullPointerException if a required field is missing
     * @throws IllegalArgumentException if a value is invalid
     */
    public PanelEvent build() {
      Priority p = priority != null ? priority : category.defaultPriority(restore);
      return new PanelEvent(
          Objects.requireNonNull(id, "id"),
          Objects.requireNonNull(account, "account"),
          Objects.requireNonNull(code, "code"),
          category,
          p,
          restore,
          partition,
          zone,
          user,
          occurredAt,
          Objects.requireNonNull(receivedAt, "receivedAt"),
          text,
          extended,
          transport);
    }
  }
}
