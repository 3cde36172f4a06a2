package dev.tango.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/scoring.md, number for number. */
class ScoreFormulaTest {

    private static final UserId MARCO = UserId.of("mentor-marco");
    private static final UserId LENA = UserId.of("mentor-lena");
    private static final SessionFacts ALL_ENTERED = new SessionFacts(EnumSet.allOf(Phase.class), Map.of(), List.of());

    private final List<Observation> observations = new ArrayList<>();

    @Test
    void example1NothingObservedScoresZeroEverywhere() {
        Scorecard card = ScoreFormula.score(TestRubrics.partnership(), MARCO, ALL_ENTERED, observations);

        assertThat(card.phases()).allSatisfy(phase -> {
            assertThat(phase.score()).isEqualByComparingTo("0");
            assertThat(phase.observedMarkers()).isEmpty();
            assertThat(phase.missedMarkers()).isEqualTo(TestRubrics.PARTNERSHIP_MARKERS.get(phase.phase()));
        });
        assertThat(card.overall()).isZero();
    }

    @Test
    void example2EveryMarkerObservedScoresAHundred() {
        TestRubrics.PARTNERSHIP_MARKERS.forEach((phase, markers) -> markers.forEach(id -> marker(MARCO, phase, id)));

        Scorecard card = ScoreFormula.score(TestRubrics.partnership(), MARCO, ALL_ENTERED, observations);

        assertThat(card.phases()).allSatisfy(phase -> {
            assertThat(phase.score()).isEqualByComparingTo("100");
            assertThat(phase.missedMarkers()).isEmpty();
        });
        assertThat(card.overall()).isEqualTo(100);
        assertThat(card.explanation())
                .isEqualTo("Mean of 5 phase scores: (100 + 100 + 100 + 100 + 100) / 5 ≈ 100, "
                        + "rounded half up to 100.");
    }

    @Test
    void example3ASessionLikeTheGoldenSampleWithASkippedPhase() {
        marker(MARCO, Phase.OPENING, "opening.work-together");
        marker(MARCO, Phase.EXPLORING, "exploring.progress-to-goal");
        anti(MARCO, Phase.EXPLORING, "anti.completes-sentences");
        marker(MARCO, Phase.MEANING_MAKING, "meaning.all-the-pieces"); // in a phase never entered: no points
        marker(MARCO, Phase.ACTION_PLANNING, "action.plan");
        marker(MARCO, Phase.ACTION_PLANNING, "action.support");
        marker(MARCO, Phase.ACTION_PLANNING, "action.move-forward");
        marker(MARCO, Phase.ACTION_PLANNING, "action.plan"); // the same marker twice counts once
        marker(MARCO, Phase.CLOSING, "closing.learned");
        SessionFacts facts = new SessionFacts(
                EnumSet.complementOf(EnumSet.of(Phase.MEANING_MAKING)),
                Map.of(Phase.OPENING, 390_000L),
                List.of(Phase.MEANING_MAKING));

        Scorecard card = ScoreFormula.score(TestRubrics.partnership(), MARCO, facts, observations);

        assertThat(card.phases())
                .extracting(PhaseScore::score)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("50"),
                        new BigDecimal("85"),
                        new BigDecimal("0"),
                        new BigDecimal("100"),
                        new BigDecimal("50"));
        assertThat(card.overall()).isEqualTo(57);
        assertThat(card.skippedPhases()).containsExactly(Phase.MEANING_MAKING);
        PhaseScore exploring = card.phases().get(1);
        assertThat(exploring.antiSignals()).isEqualTo(Map.of("anti.completes-sentences", 1));
        assertThat(exploring.penalty()).isEqualTo(15);
        assertThat(exploring.explanation())
                .isEqualTo("1 of 1 required marker observed: 100 × min(1, 1/1) = 100 points; 1 anti-signal × 15 = −15;"
                        + " phase score 85.");
        assertThat(card.phases().get(2).explanation())
                .isEqualTo("The session never entered this phase, so it scores 0.");
        assertThat(card.phases().get(3).observedMarkers())
                .containsExactly("action.move-forward", "action.plan", "action.support");
    }

    @Test
    void example4MorePenaltiesThanPointsStopsAtZero() {
        marker(MARCO, Phase.EXPLORING, "exploring.progress-to-goal");
        for (int i = 0; i < 8; i++) {
            anti(MARCO, Phase.EXPLORING, i % 2 == 0 ? "anti.leads" : "anti.makes-meaning");
        }

        PhaseScore exploring = ScoreFormula.score(TestRubrics.partnership(), MARCO, ALL_ENTERED, observations)
                .phases()
                .get(1);

        assertThat(exploring.markerPoints()).isEqualByComparingTo("100");
        assertThat(exploring.penalty()).isEqualTo(120);
        assertThat(exploring.score()).isEqualByComparingTo("0");
        assertThat(exploring.antiSignals()).isEqualTo(Map.of("anti.leads", 4, "anti.makes-meaning", 4));
        assertThat(exploring.explanation()).endsWith("phase score 0 (never below 0).");
    }

    @Test
    void example5ThirdsAreExactAndTheMeanIsRoundedFromTheExactValue() {
        marker(MARCO, Phase.OPENING, "opening.work-together");
        marker(MARCO, Phase.OPENING, "opening.what-is-important");
        marker(MARCO, Phase.EXPLORING, "exploring.use-learning");
        marker(MARCO, Phase.MEANING_MAKING, "meaning.how-things-relate");
        marker(MARCO, Phase.ACTION_PLANNING, "action.plan");
        marker(MARCO, Phase.ACTION_PLANNING, "action.motivation");
        marker(MARCO, Phase.CLOSING, "closing.learned");
        marker(MARCO, Phase.CLOSING, "closing.missing");

        Scorecard card = ScoreFormula.score(TestRubrics.partnership(), MARCO, ALL_ENTERED, observations);

        // 100 + 100 + 100 + 66.67 + 100 = 466.67; / 5 = 93.33 -> 93
        assertThat(card.phases().get(3).score()).isEqualByComparingTo("66.67");
        assertThat(card.overall()).isEqualTo(93);
    }

    @Test
    void example6HalvesRoundUp() {
        // A program's own rubric of two phases: (85 + 0) / 2 = 42.5 -> 43
        var rubric = TestRubrics.rubric(
                List.of(Phase.OPENING, Phase.CLOSING), Map.of(Phase.OPENING, 1, Phase.CLOSING, 1), 15);
        marker(MARCO, Phase.OPENING, "opening.work-together");
        anti(MARCO, Phase.OPENING, "anti.leads");

        Scorecard card = ScoreFormula.score(rubric, MARCO, ALL_ENTERED, observations);

        assertThat(card.phases()).extracting(PhaseScore::phase).containsExactly(Phase.OPENING, Phase.CLOSING);
        assertThat(card.overall()).isEqualTo(43);
    }

    @Test
    void aPhaseWithNothingRequiredGivesFullPointsLessPenalties() {
        var rubric = TestRubrics.rubric(List.of(Phase.EXPLORING), Map.of(), 20);
        anti(MARCO, Phase.EXPLORING, "anti.leads");

        PhaseScore exploring = ScoreFormula.score(rubric, MARCO, ALL_ENTERED, observations)
                .phases()
                .get(0);

        assertThat(exploring.score()).isEqualByComparingTo("80");
        assertThat(exploring.explanation()).startsWith("No marker is required in this phase: 100 points");
    }

    @Test
    void countsOnlyTheMentorsOwnObservationsThatWereNotRetracted() {
        marker(LENA, Phase.OPENING, "opening.work-together");
        marker(LENA, Phase.OPENING, "opening.what-is-important");
        marker(MARCO, Phase.OPENING, "opening.work-together");
        Observation retracted = marker(MARCO, Phase.OPENING, "opening.what-to-discuss");
        observations.set(
                observations.indexOf(retracted),
                retracted.retracted(new Observation.Retraction(Instant.parse("2026-11-21T14:30:00Z"), "mis-click")));

        assertThat(ScoreFormula.score(TestRubrics.partnership(), MARCO, ALL_ENTERED, observations)
                        .phases()
                        .get(0)
                        .score())
                .isEqualByComparingTo("50");
        assertThat(ScoreFormula.score(TestRubrics.partnership(), LENA, ALL_ENTERED, observations)
                        .phases()
                        .get(0)
                        .score())
                .isEqualByComparingTo("100");
    }

    private Observation marker(UserId mentor, Phase phase, String id) {
        return add(mentor, ObservationKind.MARKER, phase, id);
    }

    private Observation anti(UserId mentor, Phase phase, String id) {
        return add(mentor, ObservationKind.ANTI_SIGNAL, phase, id);
    }

    private Observation add(UserId mentor, ObservationKind kind, Phase phase, String id) {
        Observation observation = new Observation(
                "obs-" + observations.size(),
                mentor,
                kind,
                id,
                phase,
                observations.size() * 1000L,
                null,
                Instant.parse("2026-11-21T14:00:00Z"),
                null);
        observations.add(observation);
        return observation;
    }
}
