package dev.tango.scoring.scorecard;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.SessionMode;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.ScoreEvent;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricContent;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.timeline.PhaseVisit;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.scoring.timeline.TimelineStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything scored about one session: the rubric version it is scored against (recorded once, never changed), every
 * observation of every mentor (retracted ones included), and each mentor's latest published scorecard. Changes return
 * the score events they cause, numbered per session, kept in {@link #pendingEvents()} to be stored in the document's
 * outbox with the change. A broken rule throws {@link ScoringRuleException} and changes nothing.
 */
public final class SessionScoring {

    /** The CloudEvents source of the score events. */
    public static final String SOURCE = "/tango/scoring-service";

    public static final int MAX_OBSERVATIONS = 2_000;
    public static final int MAX_NOTE_LENGTH = 1_000;
    public static final int MAX_REASON_LENGTH = 500;
    public static final long MAX_TIME_CODE_MS = 86_400_000L;

    private final SessionId sessionId;
    private final List<Observation> observations;
    private final Map<UserId, PublishedScorecard> published;
    private final Long version;
    /** Request ids of the last keyed publications (see {@link #publish(Scorecard, SessionTimeline, Instant, String)}). */
    private final List<String> publications;

    /** Far more publications than can come between a request and its retry after a take-over. */
    static final int PUBLICATIONS_KEPT = 20;

    private final List<EventEnvelope<ScoreEvent>> pendingEvents = new ArrayList<>();
    private RubricRef rubric;
    private long lastSequence;

    private SessionScoring(Snapshot state) {
        this.sessionId = Objects.requireNonNull(state.sessionId(), "sessionId");
        this.rubric = state.rubric();
        this.observations = new ArrayList<>(state.observations());
        this.published = new LinkedHashMap<>();
        state.published().forEach(card -> published.put(card.mentorId(), card));
        this.lastSequence = state.lastSequence();
        this.publications = new ArrayList<>(state.publications());
        this.version = state.version();
    }

    /** A session nothing was scored on yet. */
    public static SessionScoring fresh(SessionId sessionId) {
        return new SessionScoring(new Snapshot(sessionId, null, List.of(), List.of(), 0, List.of(), null));
    }

    public static SessionScoring restore(Snapshot state) {
        return new SessionScoring(state);
    }

    /** The rubric version recorded for the session; {@code null} until the first observation. */
    public RubricRef rubric() {
        return rubric;
    }

    /**
     * Records an observation of the calling mentor. The session must have started and not been cancelled; the item
     * must be in the rubric; a marker belongs to its own phase; an anti-signal to the phase given or, by default, the
     * one the session was in at the time code.
     */
    public Observation record(
            String observationId,
            ObservationDraft draft,
            UserId mentor,
            Rubric scoredAgainst,
            SessionTimeline session,
            Instant now) {
        // Recorded before under this id: the same keyed request, run again after its key was taken over.
        Optional<Observation> recorded =
                observations.stream().filter(o -> o.id().equals(observationId)).findFirst();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        requireRunningOrEnded(session, "Observations are recorded");
        if (rubric != null && !rubric.equals(scoredAgainst.ref())) {
            throw new IllegalStateException(
                    "Session " + sessionId + " is scored against " + rubric + ", not " + scoredAgainst.ref());
        }
        if (observations.size() >= MAX_OBSERVATIONS) {
            throw ScoringRuleException.conflict(
                    "Session " + sessionId + " already has " + MAX_OBSERVATIONS + " observations, the most it keeps.");
        }
        if (draft.kind() == null) {
            throw ScoringRuleException.invalid("kind", "must be MARKER or ANTI_SIGNAL");
        }
        String note = draft.note() == null || draft.note().isBlank()
                ? null
                : draft.note().strip();
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw ScoringRuleException.invalid("note", "must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        long timeCode = timeCode(draft.timeCodeMs(), session, at);
        Phase phase = phaseOf(draft, scoredAgainst.content(), session, timeCode);
        Observation observation =
                new Observation(observationId, mentor, draft.kind(), draft.itemId(), phase, timeCode, note, at, null);
        useRubric(scoredAgainst.ref());
        observations.add(observation);
        record(
                new ObservationRecorded(
                        sessionId,
                        observationId,
                        mentor,
                        draft.kind(),
                        draft.itemId(),
                        phase,
                        timeCode,
                        note,
                        rubric.rubricId(),
                        rubric.version(),
                        at),
                at);
        return observation;
    }

    /** Takes back one of the mentor's own observations; it stays on record, and no longer counts. */
    public Observation retract(String observationId, UserId mentor, String reason, Instant now) {
        return retract(observationId, mentor, reason, now, null);
    }

    /**
     * {@link #retract(String, UserId, String, Instant)} by the request {@code requestId} (derived from its caller and
     * Idempotency-Key, or {@code null}): the same request run again after its key was taken over finds its own
     * retraction and answers it, with no second event, instead of refusing an observation already retracted.
     */
    public Observation retract(String observationId, UserId mentor, String reason, Instant now, String requestId) {
        int index = indexOf(observationId);
        Observation observation = index < 0 ? null : observations.get(index);
        if (observation == null || !observation.mentorId().equals(mentor)) {
            throw ScoringRuleException.notFound("Observation", observationId);
        }
        if (!observation.counts()
                && requestId != null
                && requestId.equals(observation.retraction().requestId())) {
            return observation;
        }
        if (!observation.counts()) {
            throw ScoringRuleException.conflict("Observation " + observationId + " was already retracted.");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > MAX_REASON_LENGTH) {
            throw ScoringRuleException.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Observation retracted = observation.retracted(new Observation.Retraction(at, why, requestId));
        observations.set(index, retracted);
        record(new ObservationRetracted(sessionId, observationId, mentor, why, at), at);
        return retracted;
    }

    /**
     * Publishes the mentor's scorecard as computed now: revision 1 announces {@link ScorecardPublished}, later ones
     * {@link ScorecardRevised}. Only after the session ended, and only if it says something else than the last
     * publication.
     */
    public PublishedScorecard publish(Scorecard card, SessionTimeline session, Instant now) {
        return publish(card, session, now, null);
    }

    /**
     * {@link #publish(Scorecard, SessionTimeline, Instant)} by the request {@code requestId} (derived from its caller
     * and Idempotency-Key, or {@code null}): the same request run again after its key was taken over (the first run
     * stored the publication, then the service died before completing the key) answers the mentor's publication
     * instead of refusing it as "nothing changed". The last {@value #PUBLICATIONS_KEPT} keyed publications are kept.
     */
    public PublishedScorecard publish(Scorecard card, SessionTimeline session, Instant now, String requestId) {
        if (requestId != null && publications.contains(requestId) && published.containsKey(card.mentorId())) {
            return published.get(card.mentorId());
        }
        PublishedScorecard next = publishOnce(card, session, now);
        if (requestId != null) {
            publications.add(requestId);
            if (publications.size() > PUBLICATIONS_KEPT) {
                publications.subList(0, publications.size() - PUBLICATIONS_KEPT).clear();
            }
        }
        return next;
    }

    private PublishedScorecard publishOnce(Scorecard card, SessionTimeline session, Instant now) {
        if (session.status() != TimelineStatus.ENDED) {
            throw ScoringRuleException.conflict("Session " + sessionId + " is " + session.status()
                    + "; a scorecard is published once the session has ended.");
        }
        PublishedScorecard last = published.get(card.mentorId());
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        PublishedScorecard next = PublishedScorecard.of(card, last == null ? 1 : last.revision() + 1, at);
        if (next.sameAssessmentAs(last)) {
            throw ScoringRuleException.conflict("Nothing changed since revision " + last.revision()
                    + " was published; record or retract observations first.");
        }
        useRubric(card.rubric());
        published.put(card.mentorId(), next);
        if (next.revision() == 1) {
            record(
                    new ScorecardPublished(
                            sessionId,
                            card.mentorId(),
                            session.studentId(),
                            session.programId(),
                            1,
                            card.rubric().rubricId(),
                            card.rubric().version(),
                            next.overall(),
                            next.phases(),
                            next.skippedPhases(),
                            next.timeInPhaseMs(),
                            at),
                    at);
        } else {
            record(
                    new ScorecardRevised(
                            sessionId,
                            card.mentorId(),
                            session.studentId(),
                            session.programId(),
                            next.revision(),
                            card.rubric().rubricId(),
                            card.rubric().version(),
                            next.overall(),
                            next.phases(),
                            next.skippedPhases(),
                            next.timeInPhaseMs(),
                            at),
                    at);
        }
        return next;
    }

    /** Every observation of one mentor, retracted ones included, in the order they were recorded. */
    public List<Observation> observationsOf(UserId mentor) {
        return observations.stream().filter(o -> o.mentorId().equals(mentor)).toList();
    }

    public List<Observation> observations() {
        return List.copyOf(observations);
    }

    public PublishedScorecard publishedBy(UserId mentor) {
        return published.get(mentor);
    }

    public List<PublishedScorecard> published() {
        return List.copyOf(published.values());
    }

    public List<EventEnvelope<ScoreEvent>> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public SessionId sessionId() {
        return sessionId;
    }

    public Snapshot snapshot() {
        return new Snapshot(
                sessionId, rubric, observations, List.copyOf(published.values()), lastSequence, publications, version);
    }

    /** The facts of a session that the formula needs, from its timeline. */
    public static SessionFacts factsOf(SessionTimeline session) {
        return new SessionFacts(
                session.phases().stream()
                        .map(PhaseVisit::phase)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(Phase.class))),
                session.timeInPhaseMs(),
                session.skippedPhases());
    }

    private void useRubric(RubricRef ref) {
        if (rubric == null) {
            rubric = ref;
        } else if (!rubric.equals(ref)) {
            throw new IllegalStateException("Session " + sessionId + " is scored against " + rubric + ", not " + ref);
        }
    }

    private void requireRunningOrEnded(SessionTimeline session, String what) {
        if (session.status() != TimelineStatus.IN_PROGRESS && session.status() != TimelineStatus.ENDED) {
            throw ScoringRuleException.conflict("Session " + sessionId + " is " + session.status() + ". " + what
                    + " once it has started, and not on a cancelled session.");
        }
    }

    // LIVE: now since the start, unless given; REVIEW: the offset into the recording, which must be given.
    private static long timeCode(Long given, SessionTimeline session, Instant now) {
        if (given == null) {
            if (session.mode() == SessionMode.REVIEW) {
                throw ScoringRuleException.invalid(
                        "timeCodeMs", "is required in a REVIEW session: the offset into the recording");
            }
            Instant end = session.endedAt() != null && session.endedAt().isBefore(now) ? session.endedAt() : now;
            return Math.max(0, Duration.between(session.startedAt(), end).toMillis());
        }
        if (given < 0 || given > MAX_TIME_CODE_MS) {
            throw ScoringRuleException.invalid("timeCodeMs", "must be between 0 and " + MAX_TIME_CODE_MS);
        }
        return given;
    }

    private static Phase phaseOf(ObservationDraft draft, RubricContent rubric, SessionTimeline session, long timeCode) {
        if (draft.itemId() == null || draft.itemId().isBlank()) {
            throw ScoringRuleException.invalid("itemId", "must name a marker or anti-signal of the rubric");
        }
        if (draft.kind() == ObservationKind.MARKER) {
            Phase own = rubric.phaseOfMarker(draft.itemId())
                    .orElseThrow(() -> ScoringRuleException.invalid(
                            "itemId", "the rubric has no marker '" + draft.itemId() + "'"));
            if (draft.phase() != null && draft.phase() != own) {
                throw ScoringRuleException.invalid(
                        "phase", "marker '" + draft.itemId() + "' belongs to " + own + ", not " + draft.phase());
            }
            return own;
        }
        if (rubric.antiSignal(draft.itemId()).isEmpty()) {
            throw ScoringRuleException.invalid("itemId", "the rubric has no anti-signal '" + draft.itemId() + "'");
        }
        Phase phase = draft.phase() != null ? draft.phase() : phaseAt(session, timeCode);
        if (rubric.phase(phase).isEmpty()) {
            throw ScoringRuleException.invalid("phase", "the rubric does not score " + phase);
        }
        return phase;
    }

    /** The phase the session was in at a time code: the last one entered at or before it (OPENING before any). */
    static Phase phaseAt(SessionTimeline session, long timeCode) {
        Phase phase = Phase.OPENING;
        for (PhaseVisit visit : session.phases()) {
            long entered = visit.offsetMs() != null
                    ? visit.offsetMs()
                    : session.startedAt() == null
                            ? 0
                            : Duration.between(session.startedAt(), visit.enteredAt())
                                    .toMillis();
            if (entered <= timeCode) {
                phase = visit.phase();
            } else {
                break;
            }
        }
        return phase;
    }

    private int indexOf(String observationId) {
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i).id().equals(observationId)) {
                return i;
            }
        }
        return -1;
    }

    private void record(ScoreEvent event, Instant at) {
        lastSequence++;
        pendingEvents.add(EventEnvelope.of(SOURCE, at, lastSequence, event));
    }

    /** The stored state. */
    public record Snapshot(
            SessionId sessionId,
            RubricRef rubric,
            List<Observation> observations,
            List<PublishedScorecard> published,
            long lastSequence,
            List<String> publications,
            Long version) {

        public Snapshot {
            observations = List.copyOf(observations);
            published = List.copyOf(published);
            publications = publications == null ? List.of() : List.copyOf(publications);
        }
    }
}
