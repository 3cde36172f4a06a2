package dev.tango.events.session;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The session ended.
 *
 * @param finalPhase the phase the session was in when it ended
 * @param timeInPhaseMs time spent in each phase entered, summed over visits, in milliseconds
 * @param skippedPhases the phases never entered, in phase order
 * @param durationMs from start to end; equals the sum of {@code timeInPhaseMs}
 */
public record SessionEnded(
        SessionId sessionId,
        Instant endedAt,
        Phase finalPhase,
        Map<Phase, Long> timeInPhaseMs,
        List<Phase> skippedPhases,
        long durationMs)
        implements SessionEvent {

    public SessionEnded {
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
        skippedPhases = List.copyOf(skippedPhases);
    }
}
