package dev.tango.feedback.dashboard.web;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.dashboard.SessionSummary;
import dev.tango.feedback.dashboard.StudentSessions;
import java.time.Instant;
import java.util.List;

/**
 * A student's sessions, newest scheduled first: those the caller may see.
 *
 * @param sessions the sessions; never empty (a student without sessions the caller may see answers 404)
 */
record StudentSessionsResponse(UserId studentId, List<Session> sessions) {

    static StudentSessionsResponse of(StudentSessions dashboard) {
        return new StudentSessionsResponse(
                dashboard.studentId(),
                dashboard.newestFirst().stream().map(Session::of).toList());
    }

    /**
     * One session.
     *
     * @param mentorIds the mentors assigned to the session
     * @param phasesVisited phases in the order they were entered; a phase entered twice appears twice
     * @param currentPhase the phase the session is in, or ended in; {@code null} before the first phase
     * @param durationMs from start to end; {@code null} until the session ended
     * @param lastSequence the sequence of the last event of this session applied
     */
    record Session(
            SessionId sessionId,
            ProgramId programId,
            List<UserId> mentorIds,
            SessionMode mode,
            SessionStatus status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Long durationMs,
            List<Phase> phasesVisited,
            Phase currentPhase,
            long lastSequence) {

        static Session of(SessionSummary summary) {
            return new Session(
                    summary.sessionId(),
                    summary.programId(),
                    summary.mentorIds(),
                    summary.mode(),
                    summary.status(),
                    summary.scheduledFor(),
                    summary.startedAt(),
                    summary.endedAt(),
                    summary.durationMs(),
                    summary.phasesVisited(),
                    summary.currentPhase(),
                    summary.lastSequence());
        }
    }
}
