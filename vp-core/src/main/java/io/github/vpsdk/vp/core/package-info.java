/**
 * The shared model of vp: sites and what is on them (partitions, zones, users, cameras, accounts),
 * normalised alarm events, incidents, and the event-code catalogue. Free of any protocol or transport type.
 *
 * <p>See {@code io.github.vpsdk.vp.core.journal} for the durable, hash-chained event journal.
 */
@NullMarked
package io.github.vpsdk.vp.core;

import org.jspecify.annotations.NullMarked;
