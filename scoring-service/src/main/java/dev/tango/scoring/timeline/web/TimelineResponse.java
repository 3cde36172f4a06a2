package dev.tango.scoring.timeline.web;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.scoring.timeline.PhaseVisit;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.TimelineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session's timeline.
 *
 * @param phases phases in the order they were entered; a phase entered twice appears twice
 * @param timeInPhaseMs time per phase entered, summed over visits; empty until the session ended
 * @param skippedPhases phases never entered; empty until the session ended
 * @param durationMs from start to end; {@code null} until the session ended
 * @param lastSequence the sequence of the last session event applied
 */
record TimelineResponse(
        SessionId sessionId,
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        TimelineStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        List<Visit> phases,
        Map<Phase, Long> timeInPhaseMs,
        List<Phase> skippedPhases,
        Long durationMs,
        long lastSequence) {

    static TimelineResponse of(SessionTimeline timeline) {
        return new TimelineResponse(
                timeline.sessionId(),
                timeline.programId(),
                timeline.studentId(),
                timeline.mentorIds(),
                timeline.mode(),
                timeline.status(),
                timeline.scheduledFor(),
                timeline.startedAt(),
                timeline.endedAt(),
                timeline.cancelledAt(),
                timeline.phases().stream().map(Visit::of).toList(),
                timeline.timeInPhaseMs(),
                timeline.skippedPhases(),
                timeline.durationMs(),
                timeline.lastSequence());
    }

    /**
     * One entry into a phase.
     *
     * @param offsetMs for REVIEW sessions, the offset into the recording; {@code null} for LIVE sessions
     */
    record Visit(Phase phase, Instant enteredAt, Long offsetMs) {

        static Visit of(PhaseVisit visit) {
            return new Visit(visit.phase(), visit.enteredAt(), visit.offsetMs());
        }
    }
}
