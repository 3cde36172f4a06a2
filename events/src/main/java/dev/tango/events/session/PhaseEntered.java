package dev.tango.events.session;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import java.time.Instant;

/**
 * The conversation moved into a phase.
 *
 * @param previousPhase the phase left, or {@code null} for the OPENING entered when the session starts
 * @param enteredAt server time at which the move was recorded
 * @param offsetMs for REVIEW sessions, the offset into the recording; {@code null} for LIVE sessions
 */
public record PhaseEntered(SessionId sessionId, Phase phase, Phase previousPhase, Instant enteredAt, Long offsetMs)
        implements SessionEvent {}
