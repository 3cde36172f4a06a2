package dev.tango.scoring.timeline.mongo;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.scoring.timeline.PhaseVisit;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.TimelineStatus;
import dev.tango.support.events.SessionInbox;
import dev.tango.support.events.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session's timeline as stored, keyed by session id; {@code pending} holds events waiting for an earlier one. Ids are
 * stored as their plain string values.
 */
@Document("session_timelines")
record SessionTimelineDocument(
        @Id String id,
        String programId,
        String studentId,
        List<String> mentorIds,
        SessionMode mode,
        TimelineStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        List<PhaseVisit> phases,
        Map<Phase, Long> timeInPhaseMs,
        List<Phase> skippedPhases,
        Long durationMs,
        long lastSequence,
        List<StoredEvent> pending,
        @Version Long version) {

    static SessionTimelineDocument of(SessionTimeline timeline) {
        return new SessionTimelineDocument(
                timeline.sessionId().value(),
                timeline.programId() == null ? null : timeline.programId().value(),
                timeline.studentId() == null ? null : timeline.studentId().value(),
                timeline.mentorIds().stream().map(UserId::value).toList(),
                timeline.mode(),
                timeline.status(),
                timeline.scheduledFor(),
                timeline.startedAt(),
                timeline.endedAt(),
                timeline.cancelledAt(),
                timeline.phases(),
                timeline.timeInPhaseMs(),
                timeline.skippedPhases(),
                timeline.durationMs(),
                timeline.inbox().lastSequence(),
                timeline.inbox().pending().stream().map(StoredEvent::of).toList(),
                timeline.version());
    }

    SessionTimeline toTimeline() {
        return new SessionTimeline(
                SessionId.of(id),
                programId == null ? null : ProgramId.of(programId),
                studentId == null ? null : UserId.of(studentId),
                orEmpty(mentorIds).stream().map(UserId::of).toList(),
                mode,
                status,
                scheduledFor,
                startedAt,
                endedAt,
                cancelledAt,
                orEmpty(phases),
                timeInPhaseMs == null ? Map.of() : timeInPhaseMs,
                orEmpty(skippedPhases),
                durationMs,
                new SessionInbox(
                        lastSequence,
                        orEmpty(pending).stream()
                                .<EventEnvelope<?>>map(StoredEvent::toEnvelope)
                                .toList()),
                version);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
