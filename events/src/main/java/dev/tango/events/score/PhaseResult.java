package dev.tango.events.score;

import dev.tango.events.Phase;
import java.util.List;
import java.util.Map;

/**
 * One phase of a published scorecard.
 *
 * @param entered whether the session entered the phase; a phase never entered scores 0
 * @param requiredMarkers distinct markers that give full marks
 * @param observedMarkers ids of the distinct markers observed
 * @param missedMarkers ids of the phase's markers not observed
 * @param antiSignals occurrences per anti-signal id
 * @param markerPoints {@code 100 * min(1, observed / required)}, to two decimals
 * @param penalty points taken for anti-signals
 * @param score the phase score, 0..100, to two decimals
 */
public record PhaseResult(
        Phase phase,
        boolean entered,
        int requiredMarkers,
        List<String> observedMarkers,
        List<String> missedMarkers,
        Map<String, Integer> antiSignals,
        double markerPoints,
        int penalty,
        double score) {

    public PhaseResult {
        observedMarkers = List.copyOf(observedMarkers);
        missedMarkers = List.copyOf(missedMarkers);
        antiSignals = Map.copyOf(antiSignals);
    }
}
