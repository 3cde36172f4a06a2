package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import dev.tango.scoring.rubric.AntiSignal;
import dev.tango.scoring.rubric.Marker;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricContent;
import dev.tango.scoring.rubric.RubricPhase;
import dev.tango.scoring.rubric.RubricRef;
import dev.tango.scoring.rubric.RubricStatus;
import dev.tango.scoring.rubric.ScoringParameters;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Rubrics for the formula's tests: the shape of the partnership rubric (DESIGN.md), and smaller ones. */
final class TestRubrics {

    static final Map<Phase, List<String>> PARTNERSHIP_MARKERS = Map.of(
            Phase.OPENING, List.of("opening.work-together", "opening.what-is-important", "opening.what-to-discuss"),
            Phase.EXPLORING, List.of("exploring.progress-to-goal", "exploring.use-learning"),
            Phase.MEANING_MAKING,
                    List.of("meaning.all-the-pieces", "meaning.how-things-relate", "meaning.not-thought-about"),
            Phase.ACTION_PLANNING,
                    List.of(
                            "action.still-in-thoughts",
                            "action.move-forward",
                            "action.plan",
                            "action.support",
                            "action.in-the-way",
                            "action.motivation"),
            Phase.CLOSING,
                    List.of(
                            "closing.learned",
                            "closing.not-got-to",
                            "closing.missing",
                            "closing.ok-to-close",
                            "closing.anything-else"));

    static final List<String> ANTI_SIGNALS = List.of(
            "anti.makes-meaning",
            "anti.problem-focus",
            "anti.no-observations",
            "anti.no-acknowledgement",
            "anti.completes-sentences",
            "anti.leads");

    private TestRubrics() {}

    /** The partnership rubric's markers and anti-signals with the default parameters. */
    static Rubric partnership() {
        return rubric(
                Arrays.asList(Phase.values()),
                Map.of(
                        Phase.OPENING, 2,
                        Phase.EXPLORING, 1,
                        Phase.MEANING_MAKING, 1,
                        Phase.ACTION_PLANNING, 3,
                        Phase.CLOSING, 2),
                15);
    }

    static Rubric rubric(List<Phase> phases, Map<Phase, Integer> required, int penalty) {
        return new Rubric(
                new RubricRef("test", 1),
                null,
                RubricStatus.PUBLISHED,
                new RubricContent(
                        "Test rubric",
                        "For the formula's tests",
                        phases.stream()
                                .map(phase -> new RubricPhase(
                                        phase,
                                        phase.name(),
                                        PARTNERSHIP_MARKERS.get(phase).stream()
                                                .map(id -> new Marker(id, id, id, List.of()))
                                                .toList()))
                                .toList(),
                        ANTI_SIGNALS.stream()
                                .map(id -> new AntiSignal(id, id, id))
                                .toList(),
                        new ScoringParameters(required, penalty)),
                Instant.parse("2026-11-01T00:00:00Z"),
                null,
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
