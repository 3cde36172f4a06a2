package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The score of one phase and how it came about.
 *
 * @param observedMarkers the phase's distinct markers observed, in the rubric's order
 * @param missedMarkers the phase's markers not observed, in the rubric's order
 * @param antiSignals occurrences per anti-signal observed in this phase
 * @param markerPoints {@code 100 * min(1, observed / required)}, to two decimals (100 when nothing is required)
 * @param penalty anti-signal occurrences times the rubric's penalty
 * @param score {@code markerPoints - penalty} clamped to 0..100, to two decimals; 0 for a phase never entered
 * @param explanation the same in words
 */
public record PhaseScore(
        Phase phase,
        boolean entered,
        int requiredMarkers,
        List<String> observedMarkers,
        List<String> missedMarkers,
        Map<String, Integer> antiSignals,
        BigDecimal markerPoints,
        int penalty,
        BigDecimal score,
        String explanation) {

    public PhaseScore {
        observedMarkers = List.copyOf(observedMarkers);
        missedMarkers = List.copyOf(missedMarkers);
        antiSignals = Map.copyOf(antiSignals);
    }
}
