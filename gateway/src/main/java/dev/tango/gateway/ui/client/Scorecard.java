package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mentor's scorecard of a session as scoring-service shows it: a draft (no {@code revision}) or a publication
 * (revision 1, 2, ...; {@code revised} from the second on; both null in a draft). Every number comes with the
 * service's explanation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scorecard(
        String mentorId,
        RubricRef rubric,
        int overall,
        String explanation,
        List<PhaseResult> phases,
        List<String> skippedPhases,
        Map<String, Long> timeInPhaseMs,
        Integer revision,
        Boolean revised,
        Instant publishedAt) {

    public Scorecard {
        phases = phases == null ? List.of() : List.copyOf(phases);
        skippedPhases = skippedPhases == null ? List.of() : List.copyOf(skippedPhases);
        timeInPhaseMs = timeInPhaseMs == null ? Map.of() : Map.copyOf(timeInPhaseMs);
    }

    /** The rubric version a scorecard was scored against. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RubricRef(String rubricId, int version) {}

    /** One phase: the markers observed and missed (ids), anti-signal counts by id, and the score with its reasons. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseResult(
            String phase,
            boolean entered,
            int requiredMarkers,
            List<String> observedMarkers,
            List<String> missedMarkers,
            Map<String, Integer> antiSignals,
            BigDecimal markerPoints,
            int penalty,
            BigDecimal score,
            String explanation) {

        public PhaseResult {
            observedMarkers = observedMarkers == null ? List.of() : List.copyOf(observedMarkers);
            missedMarkers = missedMarkers == null ? List.of() : List.copyOf(missedMarkers);
            antiSignals = antiSignals == null ? Map.of() : Map.copyOf(antiSignals);
        }
    }
}
