package dev.tango.feedback.insight;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.TangoEvent;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.ScoreEvent;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.SessionStarted;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.Receipt;
import dev.tango.support.events.SessionInbox;
import dev.tango.support.security.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one session, from both of its event streams: session events (facts, phases, transcript) and
 * score events (observations, scorecards). Each stream has its own per-session sequence, so each has its own inbox;
 * a stream's events are applied strictly in its sequence order, duplicates dropped, early ones parked.
 *
 * @param studentId {@code null} until the scheduled event arrived (score events may come first)
 * @param timeInPhaseMs per phase entered, as reported by the ended event; empty before
 * @param transcript segments by index
 * @param scorecards every mentor's latest published revision, in the order mentors first published
 * @param version of the stored state this was read from; {@code null} if never stored
 */
public record SessionInsight(
        SessionId sessionId,
        ProgramId programId,
        UserId studentId,
        List<UserId> mentorIds,
        SessionMode mode,
        SessionStatus status,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        List<PhaseVisit> phases,
        Map<Phase, Long> timeInPhaseMs,
        List<TranscriptSegment> transcript,
        List<Observation> observations,
        List<Scorecard> scorecards,
        SessionInbox sessionEvents,
        SessionInbox scoreEvents,
        Long version) {

    public SessionInsight {
        Objects.requireNonNull(sessionId, "sessionId");
        mentorIds = mentorIds == null ? List.of() : List.copyOf(mentorIds);
        phases = List.copyOf(phases);
        Map<Phase, Long> times = new EnumMap<>(Phase.class);
        times.putAll(timeInPhaseMs);
        timeInPhaseMs = java.util.Collections.unmodifiableMap(times);
        transcript = List.copyOf(transcript);
        observations = List.copyOf(observations);
        scorecards = List.copyOf(scorecards);
        Objects.requireNonNull(sessionEvents, "sessionEvents");
        Objects.requireNonNull(scoreEvents, "scoreEvents");
    }

    public static SessionInsight empty(SessionId sessionId) {
        return new SessionInsight(
                sessionId,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                SessionInbox.empty(),
                SessionInbox.empty(),
                null);
    }

    /** Whether the scheduled event arrived: only then is it known whose session this is. */
    public boolean isKnown() {
        return studentId != null;
    }

    /** The student, an assigned mentor or an admin of the program. */
    public boolean isVisibleTo(Caller caller) {
        return isKnown()
                && (caller.isStudent(studentId) || caller.isMentorAmong(mentorIds) || caller.administers(programId));
    }

    public boolean isStudent(Caller caller) {
        return isKnown() && caller.isStudent(studentId);
    }

    public boolean isMentor(Caller caller) {
        return isKnown() && caller.isMentorAmong(mentorIds);
    }

    public boolean isScored() {
        return !scorecards.isEmpty();
    }

    public Optional<Scorecard> scorecardOf(UserId mentor) {
        return scorecards.stream().filter(s -> s.mentorId().equals(mentor)).findFirst();
    }

    /** When the first scorecard of any mentor was published; empty while none was. */
    public Optional<Instant> firstPublishedAt() {
        return scorecards.stream().map(Scorecard::firstPublishedAt).min(Comparator.naturalOrder());
    }

    /** From the end of the session to its first published scorecard; empty until both happened. */
    public Optional<Duration> turnaround() {
        return endedAt == null ? Optional.empty() : firstPublishedAt().map(at -> Duration.between(endedAt, at));
    }

    /**
     * Where a phase visit begins on the session's time line, in the same frame as observations' time codes: for a
     * REVIEW the offset into the recording, for a LIVE session the time since it started.
     */
    public Long startMsOf(PhaseVisit visit) {
        if (visit.offsetMs() != null) {
            return visit.offsetMs();
        }
        return startedAt == null || visit.enteredAt() == null
                ? null
                : Duration.between(startedAt, visit.enteredAt()).toMillis();
    }

    /** Takes one event of this session from either topic: applies it (and parked ones it unblocks), parks or drops it. */
    public Receipt<SessionInsight> receive(EventEnvelope<?> event) {
        if (!sessionId.equals(event.sessionId())) {
            throw new IllegalArgumentException(
                    "Event " + event.id() + " belongs to session " + event.sessionId() + ", not " + sessionId);
        }
        boolean score = event.data() instanceof ScoreEvent;
        SessionInbox inbox = score ? scoreEvents : sessionEvents;
        SessionInbox.Delivery delivery = inbox.accept(event);
        return switch (delivery.kind()) {
            case DUPLICATE -> new Receipt<>(this, List.of(new Receipt.Handled(event, Disposition.DUPLICATE)));
            case PARKED ->
                new Receipt<>(
                        withInbox(score, delivery.inbox()), List.of(new Receipt.Handled(event, Disposition.PARKED)));
            case READY -> {
                SessionInsight insight = this;
                List<Receipt.Handled> handled = new ArrayList<>();
                for (EventEnvelope<?> ready : delivery.ready()) {
                    SessionInsight next = insight.apply(ready.data());
                    handled.add(
                            new Receipt.Handled(ready, next == insight ? Disposition.IGNORED : Disposition.APPLIED));
                    insight = next;
                }
                yield new Receipt<>(insight.withInbox(score, delivery.inbox()), handled);
            }
        };
    }

    private SessionInsight apply(TangoEvent data) {
        Builder b = new Builder(this);
        if (data instanceof SessionScheduled s) {
            b.programId = s.programId();
            b.studentId = s.studentId();
            b.mentorIds = s.mentorIds();
            b.mode = s.mode();
            b.scheduledFor = s.scheduledFor();
            b.status = status == null ? SessionStatus.SCHEDULED : status;
        } else if (data instanceof SessionStarted s) {
            b.startedAt = s.startedAt();
            b.status = SessionStatus.IN_PROGRESS;
        } else if (data instanceof PhaseEntered p) {
            b.phases.add(new PhaseVisit(p.phase(), p.enteredAt(), p.offsetMs()));
            if (status == null || status == SessionStatus.SCHEDULED) {
                b.status = SessionStatus.IN_PROGRESS;
            }
        } else if (data instanceof SessionEnded e) {
            b.endedAt = e.endedAt();
            b.durationMs = e.durationMs();
            b.timeInPhaseMs = e.timeInPhaseMs();
            b.status = SessionStatus.ENDED;
        } else if (data instanceof SessionCancelled) {
            b.status = SessionStatus.CANCELLED;
        } else if (data instanceof TranscriptAppended t) {
            for (TranscriptSegment segment : t.segments()) {
                if (segment.index() >= b.transcript.size()) {
                    b.transcript.add(segment);
                }
            }
        } else if (data instanceof ObservationRecorded o) {
            b.observations.removeIf(existing -> existing.observationId().equals(o.observationId()));
            b.observations.add(new Observation(
                    o.observationId(),
                    o.mentorId(),
                    o.kind(),
                    o.itemId(),
                    o.phase(),
                    o.timeCodeMs(),
                    o.note(),
                    o.recordedAt(),
                    false));
        } else if (data instanceof ObservationRetracted r) {
            b.observations.replaceAll(o -> o.observationId().equals(r.observationId()) ? o.retract() : o);
        } else if (data instanceof ScorecardPublished p) {
            b.publish(
                    p.mentorId(),
                    p.programId(),
                    p.studentId(),
                    new Scorecard(
                            p.mentorId(),
                            p.revision(),
                            p.rubricId(),
                            p.rubricVersion(),
                            p.overallScore(),
                            p.phases().stream().map(PhaseScore::of).toList(),
                            p.skippedPhases(),
                            p.publishedAt(),
                            p.publishedAt()));
        } else if (data instanceof ScorecardRevised r) {
            b.publish(
                    r.mentorId(),
                    r.programId(),
                    r.studentId(),
                    new Scorecard(
                            r.mentorId(),
                            r.revision(),
                            r.rubricId(),
                            r.rubricVersion(),
                            r.overallScore(),
                            r.phases().stream().map(PhaseScore::of).toList(),
                            r.skippedPhases(),
                            r.publishedAt(),
                            r.publishedAt()));
        } else {
            return this;
        }
        return b.build();
    }

    private SessionInsight withInbox(boolean score, SessionInbox inbox) {
        Builder b = new Builder(this);
        if (score) {
            b.scoreEvents = inbox;
        } else {
            b.sessionEvents = inbox;
        }
        return b.build();
    }

    /** A copy to change one event's worth of fields; records have no setters. */
    private static final class Builder {
        private final SessionInsight from;
        ProgramId programId;
        UserId studentId;
        List<UserId> mentorIds;
        SessionMode mode;
        SessionStatus status;
        Instant scheduledFor;
        Instant startedAt;
        Instant endedAt;
        Long durationMs;
        final List<PhaseVisit> phases;
        Map<Phase, Long> timeInPhaseMs;
        final List<TranscriptSegment> transcript;
        final List<Observation> observations;
        final List<Scorecard> scorecards;
        SessionInbox sessionEvents;
        SessionInbox scoreEvents;

        Builder(SessionInsight from) {
            this.from = from;
            programId = from.programId;
            studentId = from.studentId;
            mentorIds = from.mentorIds;
            mode = from.mode;
            status = from.status;
            scheduledFor = from.scheduledFor;
            startedAt = from.startedAt;
            endedAt = from.endedAt;
            durationMs = from.durationMs;
            phases = new ArrayList<>(from.phases);
            timeInPhaseMs = from.timeInPhaseMs;
            transcript = new ArrayList<>(from.transcript);
            observations = new ArrayList<>(from.observations);
            scorecards = new ArrayList<>(from.scorecards);
            sessionEvents = from.sessionEvents;
            scoreEvents = from.scoreEvents;
        }

        // A later revision replaces the mentor's earlier one; revision 1 fixes when feedback first reached the student.
        void publish(UserId mentor, ProgramId program, UserId student, Scorecard card) {
            programId = programId == null ? program : programId;
            studentId = studentId == null ? student : studentId;
            for (int i = 0; i < scorecards.size(); i++) {
                Scorecard existing = scorecards.get(i);
                if (existing.mentorId().equals(mentor)) {
                    if (card.revision() > existing.revision()) {
                        scorecards.set(
                                i,
                                new Scorecard(
                                        card.mentorId(),
                                        card.revision(),
                                        card.rubricId(),
                                        card.rubricVersion(),
                                        card.overallScore(),
                                        card.phases(),
                                        card.skippedPhases(),
                                        existing.firstPublishedAt(),
                                        card.publishedAt()));
                    }
                    return;
                }
            }
            scorecards.add(card);
        }

        SessionInsight build() {
            return new SessionInsight(
                    from.sessionId,
                    programId,
                    studentId,
                    mentorIds,
                    mode,
                    status,
                    scheduledFor,
                    startedAt,
                    endedAt,
                    durationMs,
                    phases,
                    timeInPhaseMs,
                    transcript,
                    observations,
                    scorecards,
                    sessionEvents,
                    scoreEvents,
                    from.version);
        }
    }
}
