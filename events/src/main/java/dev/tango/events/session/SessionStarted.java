package dev.tango.events.session;

import dev.tango.events.SessionId;
import java.time.Instant;

/** The session began; it is now in the OPENING phase, which a separate {@link PhaseEntered} announces. */
public record SessionStarted(SessionId sessionId, Instant startedAt) implements SessionEvent {}
