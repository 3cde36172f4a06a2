package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.scoring.rubric.RubricRef;
import java.util.List;
import java.util.Map;

/**
 * One mentor's assessment of one session against one rubric version, as {@link ScoreFormula} computes it.
 *
 * @param phases one score per phase of the rubric, in the rubric's order
 * @param overall the mean of the phase scores, rounded half up to an integer, 0..100
 * @param explanation how the overall score came about
 */
public record Scorecard(
        RubricRef rubric,
        UserId mentorId,
        List<PhaseScore> phases,
        int overall,
        List<Phase> skippedPhases,
        Map<Phase, Long> timeInPhaseMs,
        String explanation) {

    public Scorecard {
        phases = List.copyOf(phases);
        skippedPhases = List.copyOf(skippedPhases);
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
    }
}
