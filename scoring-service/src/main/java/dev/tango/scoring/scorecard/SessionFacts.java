package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the session events say about a session, as far as scoring needs it.
 *
 * @param entered the phases the session entered so far
 * @param timeInPhaseMs time per phase, once the session ended; empty before
 * @param skippedPhases phases never entered, once the session ended; empty before
 */
public record SessionFacts(Set<Phase> entered, Map<Phase, Long> timeInPhaseMs, List<Phase> skippedPhases) {

    public SessionFacts {
        entered = Set.copyOf(entered);
        timeInPhaseMs = Map.copyOf(timeInPhaseMs);
        skippedPhases = List.copyOf(skippedPhases);
    }
}
