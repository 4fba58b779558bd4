/**
 * The event-code catalogue: SIA DC-03 and Contact ID (SIA DC-05) codes with their normalised
 * category, restore flag, what their number addresses, and the mapping between the two code
 * families. {@link io.github.vpsdk.vp.core.catalogue.EventCatalogue#defaults()} ships several
 * hundred codes; a centre overrides or extends it with its own table. See {@code
 * docs/catalogue.md}.
 */
@NullMarked
package io.github.vpsdk.vp.core.catalogue;

import org.jspecify.annotations.NullMarked;
