package dev.tango.feedback.insight;

import dev.tango.events.Phase;
import dev.tango.events.score.PhaseResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One phase of a published scorecard, with its score as an exact decimal (two places, as published).
 *
 * @param antiSignals occurrences per anti-signal id
 */
public record PhaseScore(
        Phase phase,
        boolean entered,
        int requiredMarkers,
        List<String> observedMarkers,
        List<String> missedMarkers,
        Map<String, Integer> antiSignals,
        int penalty,
        BigDecimal score) {

    public PhaseScore {
        observedMarkers = List.copyOf(observedMarkers);
        missedMarkers = List.copyOf(missedMarkers);
        antiSignals = new TreeMap<>(antiSignals);
        score = score.setScale(2, RoundingMode.HALF_UP);
    }

    static PhaseScore of(PhaseResult result) {
        return new PhaseScore(
                result.phase(),
                result.entered(),
                result.requiredMarkers(),
                result.observedMarkers(),
                result.missedMarkers(),
                result.antiSignals(),
                result.penalty(),
                // Published to two decimals; the decimal string of the double is that exact value.
                BigDecimal.valueOf(result.score()));
    }

    /** Every marker of the phase in the rubric scored against: those observed and those missed. */
    public List<String> rubricMarkers() {
        return java.util.stream.Stream.concat(observedMarkers.stream(), missedMarkers.stream())
                .toList();
    }
}
