package dev.tango.feedback;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.PhaseResult;
import dev.tango.events.score.ScoreEvent;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.testsupport.SessionStory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test data: the score events scoring-service publishes for one session, numbered 1, 2, 3… on their own sequence.
 * Scorecards are given phase by phase with {@link #phase}; the overall score is stated, as the producer computes it.
 */
public final class ScoreStory {

    public static final String SOURCE = "/tango/scoring-service";

    private final SessionStory session;
    private final List<EventEnvelope<?>> events = new ArrayList<>();
    private int observations;

    public ScoreStory(SessionStory session) {
        this.session = session;
    }

    public List<EventEnvelope<?>> events() {
        return List.copyOf(events);
    }

    public EventEnvelope<?> observed(
            UserId mentor, ObservationKind kind, String item, Phase phase, long timeCodeMs, String note, Instant at) {
        observations++;
        return record(
                new ObservationRecorded(
                        session.sessionId(),
                        observationId(observations),
                        mentor,
                        kind,
                        item,
                        phase,
                        timeCodeMs,
                        note,
                        "partnership",
                        1,
                        at),
                at);
    }

    public static String observationId(int n) {
        return "obs-" + n;
    }

    public EventEnvelope<?> retracted(UserId mentor, String observationId, Instant at) {
        return record(new ObservationRetracted(session.sessionId(), observationId, mentor, "wrong marker", at), at);
    }

    public EventEnvelope<?> published(UserId mentor, int overall, List<PhaseResult> phases, Instant at) {
        return record(
                new ScorecardPublished(
                        session.sessionId(),
                        mentor,
                        session.studentId(),
                        session.programId(),
                        1,
                        "partnership",
                        1,
                        overall,
                        phases,
                        List.of(),
                        Map.of(),
                        at),
                at);
    }

    public EventEnvelope<?> revised(UserId mentor, int revision, int overall, List<PhaseResult> phases, Instant at) {
        return record(
                new ScorecardRevised(
                        session.sessionId(),
                        mentor,
                        session.studentId(),
                        session.programId(),
                        revision,
                        "partnership",
                        1,
                        overall,
                        phases,
                        List.of(),
                        Map.of(),
                        at),
                at);
    }

    /** A phase of a scorecard: entered, with its markers observed and missed, anti-signal counts and score. */
    public static PhaseResult phase(
            Phase phase, double score, List<String> observed, List<String> missed, Map<String, Integer> anti) {
        return new PhaseResult(
                phase,
                true,
                1,
                observed,
                missed,
                anti,
                Math.min(100.0, score),
                15 * anti.values().stream().mapToInt(Integer::intValue).sum(),
                score);
    }

    /** Every phase with the same score and no markers named. */
    public static List<PhaseResult> flat(double score) {
        return java.util.Arrays.stream(Phase.values())
                .map(p -> phase(p, score, List.of(), List.of(), Map.of()))
                .toList();
    }

    public SessionId sessionId() {
        return session.sessionId();
    }

    public ProgramId programId() {
        return session.programId();
    }

    private EventEnvelope<?> record(ScoreEvent data, Instant at) {
        EventEnvelope<?> event = EventEnvelope.of(SOURCE, at, events.size() + 1, data);
        events.add(event);
        return event;
    }
}
