package dev.tango.scoring.rubric;

import dev.tango.events.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rubric's content in its JSON import and export format, exactly as received: nothing here is checked yet, so that
 * {@link RubricValidator} can report every problem with its path (phases are plain strings, so an unknown phase can be
 * named; any field may be missing). {@link #of(RubricContent)} writes the canonical form: phases in the order of the
 * conversation, {@code requiredMarkers} in the order of the phases.
 */
public record RubricJson(
        String name,
        String description,
        List<PhaseJson> phases,
        List<AntiSignalJson> antiSignals,
        ScoringJson scoring) {

    /** The export of a validated rubric, which imports back to the same content. */
    public static RubricJson of(RubricContent content) {
        Map<String, Integer> required = new LinkedHashMap<>();
        for (RubricPhase phase : content.phases()) {
            required.put(phase.phase().name(), content.scoring().requiredIn(phase.phase()));
        }
        return new RubricJson(
                content.name(),
                content.description(),
                content.phases().stream().map(PhaseJson::of).toList(),
                content.antiSignals().stream().map(AntiSignalJson::of).toList(),
                new ScoringJson(required, content.scoring().penaltyPerAntiSignal()));
    }

    /** One phase: {@code phase} is one of {@link Phase}'s names. */
    public record PhaseJson(String phase, String title, List<MarkerJson> markers) {

        static PhaseJson of(RubricPhase phase) {
            return new PhaseJson(
                    phase.phase().name(),
                    phase.title(),
                    phase.markers().stream().map(MarkerJson::of).toList());
        }
    }

    public record MarkerJson(String id, String label, String description, List<String> exampleQuestions) {

        static MarkerJson of(Marker marker) {
            return new MarkerJson(marker.id(), marker.label(), marker.description(), marker.exampleQuestions());
        }
    }

    public record AntiSignalJson(String id, String label, String description) {

        static AntiSignalJson of(AntiSignal antiSignal) {
            return new AntiSignalJson(antiSignal.id(), antiSignal.label(), antiSignal.description());
        }
    }

    /** {@code requiredMarkers} by phase name, for every phase of the rubric. */
    public record ScoringJson(Map<String, Integer> requiredMarkers, Integer penaltyPerAntiSignal) {}
}
