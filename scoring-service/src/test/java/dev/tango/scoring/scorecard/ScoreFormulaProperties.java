package dev.tango.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.scoring.rubric.Rubric;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What must hold for any observations, any phases entered and any parameters within the rubric rules. */
class ScoreFormulaProperties {

    private static final UserId MENTOR = UserId.of("mentor-marco");

    @Property(tries = 300)
    void scoresStayWithinZeroToAHundred(@ForAll("cases") Case c) {
        Scorecard card = ScoreFormula.score(c.rubric(), MENTOR, c.facts(), c.observations());

        assertThat(card.overall()).isBetween(0, 100);
        assertThat(card.phases()).allSatisfy(phase -> {
            assertThat(phase.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            assertThat(phase.markerPoints()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        });
    }

    @Property(tries = 300)
    void retractingAnObservationRestoresThePreviousScore(@ForAll("cases") Case c, @ForAll("extra") Observation extra) {
        Scorecard before = ScoreFormula.score(c.rubric(), MENTOR, c.facts(), c.observations());
        List<Observation> withExtra = new ArrayList<>(c.observations());
        withExtra.add(extra);
        List<Observation> retracted = new ArrayList<>(c.observations());
        retracted.add(extra.retracted(new Observation.Retraction(Instant.EPOCH, "took it back")));

        assertThat(ScoreFormula.score(c.rubric(), MENTOR, c.facts(), retracted)).isEqualTo(before);
    }

    @Property(tries = 300)
    void theOrderOfArrivalDoesNotChangeTheResult(@ForAll("cases") Case c, @ForAll long seed) {
        List<Observation> shuffled = new ArrayList<>(c.observations());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(ScoreFormula.score(c.rubric(), MENTOR, c.facts(), shuffled))
                .isEqualTo(ScoreFormula.score(c.rubric(), MENTOR, c.facts(), c.observations()));
    }

    @Property(tries = 200)
    void observingOneMoreMarkerNeverLowersAScore(@ForAll("cases") Case c, @ForAll("markers") Observation marker) {
        List<Observation> more = new ArrayList<>(c.observations());
        more.add(marker);

        assertThat(ScoreFormula.score(c.rubric(), MENTOR, c.facts(), more).overall())
                .isGreaterThanOrEqualTo(ScoreFormula.score(c.rubric(), MENTOR, c.facts(), c.observations())
                        .overall());
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Map<Phase, Integer>> required = Combinators.combine(
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 5))
                .as((o, e, m, a, c) -> Map.of(
                        Phase.OPENING, o,
                        Phase.EXPLORING, e,
                        Phase.MEANING_MAKING, m,
                        Phase.ACTION_PLANNING, a,
                        Phase.CLOSING, c));
        Arbitrary<Rubric> rubric = Combinators.combine(
                        required, Arbitraries.integers().between(0, 100))
                .as((req, penalty) -> TestRubrics.rubric(List.of(Phase.values()), req, penalty));
        Arbitrary<SessionFacts> facts = Arbitraries.subsetOf(Phase.values())
                .map(entered -> new SessionFacts(
                        entered.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(entered),
                        Map.of(),
                        List.of()));
        return Combinators.combine(rubric, facts, observation().list().ofMaxSize(40))
                .as(Case::new);
    }

    @Provide
    Arbitrary<Observation> extra() {
        return observation();
    }

    @Provide
    Arbitrary<Observation> markers() {
        return markerObservation();
    }

    private static Arbitrary<Observation> observation() {
        return Arbitraries.oneOf(markerObservation(), antiSignalObservation());
    }

    private static Arbitrary<Observation> markerObservation() {
        return Arbitraries.of(Phase.class)
                .flatMap(phase -> Arbitraries.of(TestRubrics.PARTNERSHIP_MARKERS.get(phase))
                        .map(id -> observation(ObservationKind.MARKER, phase, id)));
    }

    private static Arbitrary<Observation> antiSignalObservation() {
        return Combinators.combine(Arbitraries.of(Phase.class), Arbitraries.of(TestRubrics.ANTI_SIGNALS))
                .as((phase, id) -> observation(ObservationKind.ANTI_SIGNAL, phase, id));
    }

    private static Observation observation(ObservationKind kind, Phase phase, String id) {
        return new Observation(
                java.util.UUID.randomUUID().toString(), MENTOR, kind, id, phase, 0, null, Instant.EPOCH, null);
    }

    record Case(Rubric rubric, SessionFacts facts, List<Observation> observations) {}
}
