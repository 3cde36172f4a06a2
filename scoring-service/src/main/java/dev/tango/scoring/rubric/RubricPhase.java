package dev.tango.scoring.rubric;

import dev.tango.events.Phase;
import java.util.List;

/** One phase of a rubric and the markers looked for in it. */
public record RubricPhase(Phase phase, String title, List<Marker> markers) {

    public RubricPhase {
        markers = List.copyOf(markers);
    }
}
