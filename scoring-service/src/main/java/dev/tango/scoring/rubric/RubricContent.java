package dev.tango.scoring.rubric;

import dev.tango.events.Phase;
import java.util.List;
import java.util.Optional;

/**
 * What a rubric says: its phases (each of the five at most once, in the order of the conversation) with their markers,
 * the anti-signals, and the scoring parameters. This is the part that is imported and exported as JSON; it is
 * validated by {@code RubricValidator} before it is stored.
 */
public record RubricContent(
        String name,
        String description,
        List<RubricPhase> phases,
        List<AntiSignal> antiSignals,
        ScoringParameters scoring) {

    public RubricContent {
        phases = List.copyOf(phases);
        antiSignals = List.copyOf(antiSignals);
    }

    public Optional<RubricPhase> phase(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }

    public Optional<Marker> marker(String id) {
        return phases.stream()
                .flatMap(p -> p.markers().stream())
                .filter(m -> m.id().equals(id))
                .findFirst();
    }

    public Optional<AntiSignal> antiSignal(String id) {
        return antiSignals.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** The phase a marker belongs to, if the rubric has the marker. */
    public Optional<Phase> phaseOfMarker(String markerId) {
        return phases.stream()
                .filter(p -> p.markers().stream().anyMatch(m -> m.id().equals(markerId)))
                .map(RubricPhase::phase)
                .findFirst();
    }
}
