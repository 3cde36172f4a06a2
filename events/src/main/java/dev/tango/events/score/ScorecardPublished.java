package dev.tango.events.score;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mentor published their scorecard of a session for the first time (revision 1).
 *
 * @param revision 1 for the first publication, then 2, 3, ...
 * @param overallScore the mean of the phase scores, rounded half up
 * @param timeInPhaseMs time per phase entered, as session-service reported it when the session ended; empty before
 */
public record ScorecardPublished(
        SessionId sessionId,
        UserId mentorId,
        UserId studentId,
        ProgramId programId,
        int revision,
        String rubricId,
        int rubricVersion,
        int overallScore,
        List<PhaseResult> phases,
        List<Phase> skippedPhases,
        Map<Phase, Long> timeInPhaseMs,
        Instant publishedAt)
        implements ScoreEvent {

    public ScorecardPublished {
        phases = List.copyOf(phases);
        skippedPhases = List.copyOf(skippedPhases);
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
    }
}
