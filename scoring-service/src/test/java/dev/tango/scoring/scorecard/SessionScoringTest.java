package dev.tango.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.ScoreEvent;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.timeline.SessionTimeline;
import dev.tango.testsupport.SessionStory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionScoringTest {

    private static final UserId MARCO = SessionStory.DEFAULT_MENTOR;
    private static final Rubric RUBRIC = TestRubrics.partnership();

    private final SessionStory story = SessionStory.newSession();
    private SessionTimeline timeline;

    @Test
    void putsAnAntiSignalInThePhaseTheSessionWasInAtItsTimeCodeAndAMarkerInItsOwnPhase() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());

        Observation early = scoring.record("o1", anti(60_000L), MARCO, RUBRIC, timeline, now());
        Observation later = scoring.record("o2", anti(7 * 60_000L), MARCO, RUBRIC, timeline, now());
        Observation marker = scoring.record(
                "o3",
                new ObservationDraft(ObservationKind.MARKER, "closing.learned", null, 60_000L, "late but there"),
                MARCO,
                RUBRIC,
                timeline,
                now());

        assertThat(early.phase()).isEqualTo(Phase.OPENING);
        assertThat(later.phase()).isEqualTo(Phase.EXPLORING);
        assertThat(marker.phase()).isEqualTo(Phase.CLOSING);
        assertThat(scoring.rubric()).isEqualTo(RUBRIC.ref());
        assertThat(scoring.pendingEvents()).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(scoring.pendingEvents().get(2).data())
                .isEqualTo(new ObservationRecorded(
                        story.sessionId(),
                        "o3",
                        MARCO,
                        ObservationKind.MARKER,
                        "closing.learned",
                        Phase.CLOSING,
                        60_000L,
                        "late but there",
                        "test",
                        1,
                        now()));
    }

    @Test
    void timesALiveObservationNowWhenNoTimeCodeIsGiven() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        Instant startedAt = timeline.startedAt();

        Observation observation = scoring.record(
                "o1",
                new ObservationDraft(ObservationKind.ANTI_SIGNAL, "anti.leads", null, null, null),
                MARCO,
                RUBRIC,
                timeline,
                startedAt.plus(Duration.ofMinutes(9)));

        assertThat(observation.timeCodeMs()).isEqualTo(Duration.ofMinutes(9).toMillis());
        assertThat(observation.phase()).isEqualTo(Phase.EXPLORING);
    }

    @Test
    void refusesItemsTheRubricDoesNotHaveAndAMarkerInAnotherPhase() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());

        assertRule(
                () -> scoring.record(
                        "o1",
                        new ObservationDraft(ObservationKind.MARKER, "no.such", null, 0L, null),
                        MARCO,
                        RUBRIC,
                        timeline,
                        now()),
                ScoringRuleException.Kind.INVALID,
                "itemId");
        assertRule(
                () -> scoring.record(
                        "o1",
                        new ObservationDraft(ObservationKind.MARKER, "closing.learned", Phase.OPENING, 0L, null),
                        MARCO,
                        RUBRIC,
                        timeline,
                        now()),
                ScoringRuleException.Kind.INVALID,
                "phase");
        assertRule(
                () -> scoring.record("o1", anti(-1L), MARCO, RUBRIC, timeline, now()),
                ScoringRuleException.Kind.INVALID,
                "timeCodeMs");
        assertThat(scoring.observations()).isEmpty();
        assertThat(scoring.pendingEvents()).isEmpty();
        assertThat(scoring.rubric()).isNull();
    }

    @Test
    void refusesObservationsBeforeTheStartAndOnACancelledSession() {
        timeline = receive(story.scheduled());
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        assertRule(
                () -> scoring.record("o1", anti(0L), MARCO, RUBRIC, timeline, now()),
                ScoringRuleException.Kind.CONFLICT,
                null);

        timeline = receive(story.cancelled("unwell"));
        assertRule(
                () -> scoring.record("o1", anti(0L), MARCO, RUBRIC, timeline, now()),
                ScoringRuleException.Kind.CONFLICT,
                null);
        assertThat(scoring.pendingEvents()).isEmpty();
    }

    @Test
    void anObservationRecordedAgainUnderItsIdAnswersTheFirstAndCausesNoSecondEvent() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        Observation first = scoring.record("o1", anti(60_000L), MARCO, RUBRIC, timeline, now());

        Observation again = scoring.record("o1", anti(7 * 60_000L), MARCO, RUBRIC, timeline, now().plusSeconds(5));

        assertThat(again).isEqualTo(first);
        assertThat(scoring.observations()).containsExactly(first);
        assertThat(scoring.pendingEvents()).hasSize(1);
    }

    @Test
    void retractsOnlyTheMentorsOwnObservationOnceAndKeepsIt() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        scoring.record("o1", anti(0L), MARCO, RUBRIC, timeline, now());

        assertRule(
                () -> scoring.retract("o1", UserId.of("mentor-lena"), null, now()),
                ScoringRuleException.Kind.NOT_FOUND,
                "Observation");
        Observation retracted = scoring.retract("o1", MARCO, " wrong button ", now());
        assertRule(() -> scoring.retract("o1", MARCO, null, now()), ScoringRuleException.Kind.CONFLICT, null);

        assertThat(retracted.counts()).isFalse();
        assertThat(retracted.retraction().reason()).isEqualTo("wrong button");
        assertThat(scoring.observations()).singleElement().isEqualTo(retracted);
        assertThat(scoring.pendingEvents().get(1).data()).isInstanceOf(ObservationRetracted.class);
    }

    @Test
    void aRetractionRunAgainByTheSameRequestAnswersTheFirstAndAnotherIsRefused() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        scoring.record("o1", anti(0L), MARCO, RUBRIC, timeline, now());
        Observation first = scoring.retract("o1", MARCO, "mis-click", now(), "request-1");

        Observation again = scoring.retract("o1", MARCO, "mis-click", now().plusSeconds(60), "request-1");

        assertThat(again).isEqualTo(first);
        assertThat(first.retraction().requestId()).isEqualTo("request-1");
        assertThat(scoring.pendingEvents()).hasSize(2);
        assertRule(
                () -> scoring.retract("o1", MARCO, "mis-click", now(), "request-2"),
                ScoringRuleException.Kind.CONFLICT,
                null);
        assertRule(() -> scoring.retract("o1", MARCO, null, now(), null), ScoringRuleException.Kind.CONFLICT, null);
    }

    @Test
    void publishesOnlyAfterTheEndThenRevisesOnlyWhenSomethingChanged() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        scoring.record(
                "o1",
                new ObservationDraft(ObservationKind.MARKER, "opening.work-together", null, 0L, null),
                MARCO,
                RUBRIC,
                timeline,
                now());
        assertRule(() -> scoring.publish(card(scoring), timeline, now()), ScoringRuleException.Kind.CONFLICT, null);

        timeline = receive(story.ended(Duration.ofMinutes(3)));
        PublishedScorecard first = scoring.publish(card(scoring), timeline, now());
        assertRule(() -> scoring.publish(card(scoring), timeline, now()), ScoringRuleException.Kind.CONFLICT, null);
        scoring.record(
                "o2",
                new ObservationDraft(ObservationKind.MARKER, "opening.what-is-important", null, 0L, null),
                MARCO,
                RUBRIC,
                timeline,
                now());
        PublishedScorecard second = scoring.publish(card(scoring), timeline, now());

        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.revised()).isFalse();
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.revised()).isTrue();
        assertThat(second.overall()).isGreaterThan(first.overall());
        assertThat(scoring.publishedBy(MARCO)).isEqualTo(second);
        List<ScoreEvent> events =
                scoring.pendingEvents().stream().map(EventEnvelope::data).toList();
        assertThat(events.get(1)).isInstanceOfSatisfying(ScorecardPublished.class, published -> {
            assertThat(published.studentId()).isEqualTo(story.studentId());
            assertThat(published.overallScore()).isEqualTo(first.overall());
            assertThat(published.timeInPhaseMs()).containsKeys(Phase.OPENING, Phase.EXPLORING);
        });
        assertThat(events.get(3))
                .isInstanceOfSatisfying(
                        ScorecardRevised.class,
                        revised -> assertThat(revised.revision()).isEqualTo(2));
    }

    @Test
    void comesBackFromItsSnapshotTheSameWithoutPendingEvents() {
        running();
        SessionScoring scoring = SessionScoring.fresh(story.sessionId());
        scoring.record("o1", anti(0L), MARCO, RUBRIC, timeline, now());

        SessionScoring restored = SessionScoring.restore(scoring.snapshot());

        assertThat(restored.snapshot()).isEqualTo(scoring.snapshot());
        assertThat(restored.pendingEvents()).isEmpty();
    }

    private Scorecard card(SessionScoring scoring) {
        return ScoreFormula.score(RUBRIC, MARCO, SessionScoring.factsOf(timeline), scoring.observations());
    }

    // OPENING for 6 minutes, then EXPLORING.
    private void running() {
        story.scheduled();
        story.started();
        story.phase(Phase.OPENING, Duration.ZERO);
        story.phase(Phase.EXPLORING, Duration.ofMinutes(6));
        timeline = receiveAll(story.events());
    }

    private SessionTimeline receive(EventEnvelope<?> event) {
        SessionTimeline from = timeline == null ? SessionTimeline.unknown(story.sessionId()) : timeline;
        return from.receive(event).state();
    }

    private SessionTimeline receiveAll(List<EventEnvelope<?>> events) {
        SessionTimeline t = SessionTimeline.unknown(story.sessionId());
        for (EventEnvelope<?> event : events) {
            t = t.receive(event).state();
        }
        return t;
    }

    private Instant now() {
        return Instant.parse("2026-11-21T15:00:00Z");
    }

    private static ObservationDraft anti(Long timeCodeMs) {
        return new ObservationDraft(ObservationKind.ANTI_SIGNAL, "anti.leads", null, timeCodeMs, null);
    }

    private static void assertRule(Runnable call, ScoringRuleException.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ScoringRuleException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (field != null) {
                assertThat(e.field()).isEqualTo(field);
            }
        });
    }
}
