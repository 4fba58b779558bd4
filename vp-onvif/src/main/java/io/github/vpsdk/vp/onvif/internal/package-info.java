/**
 * SOAP plumbing of vp-onvif: CXF proxies, WS-Security UsernameToken, HTTP digest, fault mapping and
 * the mapping from generated bindings to vp's model.
 *
 * <p>Not part of the public API: these classes may change without notice.
 */
@NullMarked
package io.github.vpsdk.vp.onvif.internal;

import org.jspecify.annotations.NullMarked;
