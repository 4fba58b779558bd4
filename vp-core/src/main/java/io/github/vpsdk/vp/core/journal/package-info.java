/**
 * The journal ("main courante"): an append-only, durable, hash-chained log of everything that
 * happens in the centre, one JSON record per entry. See {@code docs/journal.md} for the on-disk
 * format and what verification guarantees.
 */
@NullMarked
package io.github.vpsdk.vp.core.journal;

import org.jspecify.annotations.NullMarked;
