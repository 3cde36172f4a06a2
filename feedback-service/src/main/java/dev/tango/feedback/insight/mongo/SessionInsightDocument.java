package dev.tango.feedback.insight.mongo;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.Speaker;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.insight.Observation;
import dev.tango.feedback.insight.PhaseScore;
import dev.tango.feedback.insight.PhaseVisit;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import dev.tango.support.events.SessionInbox;
import dev.tango.support.events.StoredEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A session's insight as stored, keyed by session id. Ids are plain strings; maps whose keys may hold dots (rubric
 * item ids) are stored as lists of entries, since MongoDB field names must not contain dots.
 */
@Document("session_insights")
record SessionInsightDocument(
        @Id String id,
        @Indexed String programId,
        @Indexed String studentId,
        List<String> mentorIds,
        SessionMode mode,
        SessionStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        List<PhaseVisit> phases,
        Map<Phase, Long> timeInPhaseMs,
        List<Segment> transcript,
        List<StoredObservation> observations,
        List<StoredScorecard> scorecards,
        long sessionSequence,
        List<StoredEvent> sessionPending,
        long scoreSequence,
        List<StoredEvent> scorePending,
        @Version Long version) {

    static SessionInsightDocument of(SessionInsight i) {
        return new SessionInsightDocument(
                i.sessionId().value(),
                i.programId() == null ? null : i.programId().value(),
                i.studentId() == null ? null : i.studentId().value(),
                i.mentorIds().stream().map(UserId::value).toList(),
                i.mode(),
                i.status(),
                i.scheduledFor(),
                i.startedAt(),
                i.endedAt(),
                i.durationMs(),
                i.phases(),
                i.timeInPhaseMs(),
                i.transcript().stream().map(Segment::of).toList(),
                i.observations().stream().map(StoredObservation::of).toList(),
                i.scorecards().stream().map(StoredScorecard::of).toList(),
                i.sessionEvents().lastSequence(),
                i.sessionEvents().pending().stream().map(StoredEvent::of).toList(),
                i.scoreEvents().lastSequence(),
                i.scoreEvents().pending().stream().map(StoredEvent::of).toList(),
                i.version());
    }

    SessionInsight toInsight() {
        return new SessionInsight(
                SessionId.of(id),
                programId == null ? null : ProgramId.of(programId),
                studentId == null ? null : UserId.of(studentId),
                orEmpty(mentorIds).stream().map(UserId::of).toList(),
                mode,
                status,
                scheduledFor,
                startedAt,
                endedAt,
                durationMs,
                orEmpty(phases),
                timeInPhaseMs == null ? Map.of() : timeInPhaseMs,
                orEmpty(transcript).stream().map(Segment::toSegment).toList(),
                orEmpty(observations).stream()
                        .map(StoredObservation::toObservation)
                        .toList(),
                orEmpty(scorecards).stream().map(StoredScorecard::toScorecard).toList(),
                inbox(sessionSequence, sessionPending),
                inbox(scoreSequence, scorePending),
                version);
    }

    private static SessionInbox inbox(long last, List<StoredEvent> pending) {
        return new SessionInbox(
                last,
                orEmpty(pending).stream()
                        .<EventEnvelope<?>>map(StoredEvent::toEnvelope)
                        .toList());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    record Segment(int index, Speaker speaker, String text, long startMs, long endMs) {
        static Segment of(TranscriptSegment s) {
            return new Segment(s.index(), s.speaker(), s.text(), s.startMs(), s.endMs());
        }

        TranscriptSegment toSegment() {
            return new TranscriptSegment(index, speaker, text, startMs, endMs);
        }
    }

    record StoredObservation(
            String observationId,
            String mentorId,
            ObservationKind kind,
            String itemId,
            Phase phase,
            long timeCodeMs,
            String note,
            Instant recordedAt,
            boolean retracted) {
        static StoredObservation of(Observation o) {
            return new StoredObservation(
                    o.observationId(),
                    o.mentorId().value(),
                    o.kind(),
                    o.itemId(),
                    o.phase(),
                    o.timeCodeMs(),
                    o.note(),
                    o.recordedAt(),
                    o.retracted());
        }

        Observation toObservation() {
            return new Observation(
                    observationId, UserId.of(mentorId), kind, itemId, phase, timeCodeMs, note, recordedAt, retracted);
        }
    }

    record Count(String id, int count) {}

    record StoredPhase(
            Phase phase,
            boolean entered,
            int requiredMarkers,
            List<String> observedMarkers,
            List<String> missedMarkers,
            List<Count> antiSignals,
            int penalty,
            String score) {
        static StoredPhase of(PhaseScore p) {
            return new StoredPhase(
                    p.phase(),
                    p.entered(),
                    p.requiredMarkers(),
                    p.observedMarkers(),
                    p.missedMarkers(),
                    p.antiSignals().entrySet().stream()
                            .map(e -> new Count(e.getKey(), e.getValue()))
                            .toList(),
                    p.penalty(),
                    p.score().toPlainString());
        }

        PhaseScore toPhaseScore() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            orEmpty(antiSignals).forEach(c -> counts.put(c.id(), c.count()));
            return new PhaseScore(
                    phase,
                    entered,
                    requiredMarkers,
                    orEmpty(observedMarkers),
                    orEmpty(missedMarkers),
                    counts,
                    penalty,
                    new BigDecimal(score));
        }
    }

    record StoredScorecard(
            String mentorId,
            int revision,
            String rubricId,
            int rubricVersion,
            int overallScore,
            List<StoredPhase> phases,
            List<Phase> skippedPhases,
            Instant firstPublishedAt,
            Instant publishedAt) {
        static StoredScorecard of(Scorecard s) {
            return new StoredScorecard(
                    s.mentorId().value(),
                    s.revision(),
                    s.rubricId(),
                    s.rubricVersion(),
                    s.overallScore(),
                    s.phases().stream().map(StoredPhase::of).toList(),
                    s.skippedPhases(),
                    s.firstPublishedAt(),
                    s.publishedAt());
        }

        Scorecard toScorecard() {
            return new Scorecard(
                    UserId.of(mentorId),
                    revision,
                    rubricId,
                    rubricVersion,
                    overallScore,
                    orEmpty(phases).stream().map(StoredPhase::toPhaseScore).toList(),
                    orEmpty(skippedPhases),
                    firstPublishedAt,
                    publishedAt);
        }
    }
}
