package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.PhaseResult;
import dev.tango.scoring.rubric.RubricRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scorecard as its mentor published it: what the student sees. It is a copy, so later observations change the
 * mentor's draft, not this; publishing again makes the next revision.
 *
 * @param revision 1 for the first publication, then 2, 3, ...
 * @param explanations per phase, how its score came about
 */
public record PublishedScorecard(
        UserId mentorId,
        int revision,
        Instant publishedAt,
        RubricRef rubric,
        int overall,
        List<PhaseResult> phases,
        List<Phase> skippedPhases,
        Map<Phase, Long> timeInPhaseMs,
        Map<Phase, String> explanations,
        String explanation) {

    public PublishedScorecard {
        phases = List.copyOf(phases);
        skippedPhases = List.copyOf(skippedPhases);
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
        explanations = Map.copyOf(explanations);
    }

    /** The scorecard as it would be published now, as revision {@code revision}. */
    public static PublishedScorecard of(Scorecard card, int revision, Instant at) {
        return new PublishedScorecard(
                card.mentorId(),
                revision,
                at,
                card.rubric(),
                card.overall(),
                card.phases().stream().map(PublishedScorecard::result).toList(),
                card.skippedPhases(),
                card.timeInPhaseMs(),
                card.phases().stream()
                        .collect(java.util.stream.Collectors.toMap(PhaseScore::phase, PhaseScore::explanation)),
                card.explanation());
    }

    /** Whether this says the same as another publication, whatever their revisions and times. */
    public boolean sameAssessmentAs(PublishedScorecard other) {
        return other != null
                && rubric.equals(other.rubric)
                && overall == other.overall
                && phases.equals(other.phases)
                && skippedPhases.equals(other.skippedPhases)
                && timeInPhaseMs.equals(other.timeInPhaseMs);
    }

    /** Whether the student is told the assessment was revised. */
    public boolean revised() {
        return revision > 1;
    }

    private static PhaseResult result(PhaseScore score) {
        return new PhaseResult(
                score.phase(),
                score.entered(),
                score.requiredMarkers(),
                score.observedMarkers(),
                score.missedMarkers(),
                score.antiSignals(),
                score.markerPoints().doubleValue(),
                score.penalty(),
                score.score().doubleValue());
    }
}
