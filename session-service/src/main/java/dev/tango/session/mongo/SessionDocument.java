package dev.tango.session.mongo;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.session.PhaseVisit;
import dev.tango.session.PracticeSession;
import dev.tango.session.SessionStatus;
import dev.tango.session.TranscriptSummary;
import dev.tango.support.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A session as stored: its state, the version that guards concurrent writes, the outbox of events not yet published,
 * and its transcript segments (bounded by {@code TranscriptLimits}, far below MongoDB's document size), which are read
 * only when asked for. Ids are stored as plain strings.
 */
@Document(MongoPracticeSessions.COLLECTION)
record SessionDocument(
        @MongoId(FieldType.STRING) String id,
        String programId,
        String studentId,
        List<String> mentorIds,
        SessionMode mode,
        Instant scheduledFor,
        String clientLabel,
        String goal,
        SessionStatus status,
        Phase currentPhase,
        List<PhaseVisit> phases,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        String cancelReason,
        long lastSequence,
        List<String> recentRequests,
        @Version Long version,
        TranscriptSummary transcriptSummary,
        List<TranscriptSegment> transcript,
        List<OutboxEntry> outbox) {

    static final String TRANSCRIPT = "transcript";

    static SessionDocument of(PracticeSession session) {
        PracticeSession.Snapshot state = session.snapshot();
        return new SessionDocument(
                state.id().value(),
                state.programId().value(),
                state.studentId().value(),
                state.mentorIds().stream().map(UserId::value).toList(),
                state.mode(),
                state.scheduledFor(),
                state.clientLabel(),
                state.goal(),
                state.status(),
                state.currentPhase(),
                state.phases(),
                state.startedAt(),
                state.endedAt(),
                state.cancelledAt(),
                state.cancelReason(),
                state.lastSequence(),
                state.recentRequests(),
                state.version(),
                state.transcript(),
                session.pendingSegments(),
                OutboxEntry.of(session.pendingEvents()));
    }

    PracticeSession toSession() {
        return PracticeSession.restore(new PracticeSession.Snapshot(
                SessionId.of(id),
                ProgramId.of(programId),
                UserId.of(studentId),
                mentorIds.stream().map(UserId::of).toList(),
                mode,
                scheduledFor,
                clientLabel,
                goal,
                transcriptSummary,
                status,
                currentPhase,
                phases == null ? List.of() : phases,
                startedAt,
                endedAt,
                cancelledAt,
                cancelReason,
                lastSequence,
                recentRequests,
                version));
    }
}
