/**
 * ONVIF camera control for remote doubt removal: device information, media profiles and snapshots,
 * PTZ presets, events and clock checks, through Apache CXF bindings generated from the official WSDLs.
 *
 * <p>This module is being built (see the project's issue tracker); this release carries no API yet.
 */
@NullMarked
package io.github.vpsdk.vp.onvif;

import org.jspecify.annotations.NullMarked;
