package dev.tango.events.session;

import dev.tango.events.SessionId;
import java.time.Instant;

/** The session was called off before or while it ran. */
public record SessionCancelled(SessionId sessionId, Instant cancelledAt, String reason) implements SessionEvent {}
