package dev.tango.feedback.dashboard.mongo;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.dashboard.SessionSummary;
import dev.tango.feedback.dashboard.StudentSessions;
import dev.tango.support.events.SessionInbox;
import dev.tango.support.events.StoredEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A student's dashboard as stored, keyed by student id. Ids are stored as their plain string values. */
@Document("student_sessions")
record StudentSessionsDocument(
        @Id String id, List<Entry> sessions, @Version Long version) {

    static StudentSessionsDocument of(StudentSessions dashboard) {
        return new StudentSessionsDocument(
                dashboard.studentId().value(),
                dashboard.sessions().stream().map(Entry::of).toList(),
                dashboard.version());
    }

    StudentSessions toDashboard() {
        return new StudentSessions(
                UserId.of(id),
                sessions == null
                        ? List.of()
                        : sessions.stream().map(Entry::toSummary).toList(),
                version);
    }

    /**
     * One session of the student; {@code mentorIds} and {@code programId} say who else may see it; {@code pending}
     * holds its events waiting for an earlier one.
     */
    record Entry(
            String sessionId,
            String programId,
            List<String> mentorIds,
            SessionMode mode,
            SessionStatus status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Long durationMs,
            List<Phase> phasesVisited,
            Phase currentPhase,
            long lastSequence,
            List<StoredEvent> pending) {

        static Entry of(SessionSummary summary) {
            return new Entry(
                    summary.sessionId().value(),
                    summary.programId() == null ? null : summary.programId().value(),
                    summary.mentorIds().stream().map(UserId::value).toList(),
                    summary.mode(),
                    summary.status(),
                    summary.scheduledFor(),
                    summary.startedAt(),
                    summary.endedAt(),
                    summary.durationMs(),
                    summary.phasesVisited(),
                    summary.currentPhase(),
                    summary.inbox().lastSequence(),
                    summary.inbox().pending().stream().map(StoredEvent::of).toList());
        }

        SessionSummary toSummary() {
            return new SessionSummary(
                    SessionId.of(sessionId),
                    programId == null ? null : ProgramId.of(programId),
                    // Entries stored before mentors were kept have none: only the student and admins see them.
                    mentorIds == null
                            ? List.of()
                            : mentorIds.stream().map(UserId::of).toList(),
                    mode,
                    status,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    durationMs,
                    phasesVisited == null ? List.of() : phasesVisited,
                    currentPhase,
                    new SessionInbox(
                            lastSequence,
                            pending == null
                                    ? List.of()
                                    : pending.stream()
                                            .<EventEnvelope<?>>map(StoredEvent::toEnvelope)
                                            .toList()));
        }
    }
}
