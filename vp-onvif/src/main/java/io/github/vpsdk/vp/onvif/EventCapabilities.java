package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.Nullable;

/**
 * What the event service says about itself (GetServiceCapabilities). Devices misreport these, so
 * vp does not rely on them: it tries a PullPoint whatever {@link #pullPoint()} says.
 *
 * @param pullPoint the {@code WSPullPointSupport} attribute, or {@code null} if absent
 * @param subscriptionPolicy {@code WSSubscriptionPolicySupport}, or {@code null}
 * @param maxPullPoints the most PullPoints at once, or {@code null}
 * @param maxNotificationProducers the most base-notification subscriptions, or {@code null}
 * @param persistentStorage {@code PersistentNotificationStorage} (Seek support), or {@code null}
 */
public record EventCapabilities(
    @Nullable Boolean pullPoint,
    @Nullable Boolean subscriptionPolicy,
    @Nullable Integer maxPullPoints,
    @Nullable Integer maxNotificationProducers,
    @Nullable Boolean persistentStorage) {}
