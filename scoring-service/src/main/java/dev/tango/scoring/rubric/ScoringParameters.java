package dev.tango.scoring.rubric;

import dev.tango.events.Phase;
import java.util.Map;

/**
 * The parameters of the scoring formula (DESIGN.md, "Rubrics and scores").
 *
 * @param requiredMarkers per phase of the rubric: how many distinct markers give the phase full marks; never more
 *     than the phase has
 * @param penaltyPerAntiSignal points taken from a phase's score per anti-signal occurrence observed in it; never
 *     negative
 */
public record ScoringParameters(Map<Phase, Integer> requiredMarkers, int penaltyPerAntiSignal) {

    public ScoringParameters {
        requiredMarkers = Map.copyOf(requiredMarkers);
    }

    public int requiredIn(Phase phase) {
        return requiredMarkers.getOrDefault(phase, 0);
    }
}
