/**
 * Alarm-handling procedures: a DSL to describe what an operator must do for an incident (call
 * keyholders in order, dispatch a guard, wait for the restore) and the engine that drives incidents
 * through it with an injected clock.
 *
 * <p>This module is being built (see the project's issue tracker); this release carries no API yet.
 */
@NullMarked
package io.github.vpsdk.vp.procedures;

import org.jspecify.annotations.NullMarked;
