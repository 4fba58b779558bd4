package io.github.vpsdk.vp.protocols.oh;

/**
 * One Osborne-Hoffman message, in clear: what a panel sends ({@link OhEvent}, {@link
 * OhHeartbeat}) or what a receiver answers ({@link OhReply}).
 */
public sealed interface OhMessage permits OhEvent, OhHeartbeat, OhReply {}
