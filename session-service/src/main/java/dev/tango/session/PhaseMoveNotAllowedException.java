package dev.tango.session;

import dev.tango.events.Phase;
import java.util.List;

/** The session may not move from its current phase to the one asked for; nothing was changed. */
public class PhaseMoveNotAllowedException extends RuntimeException {

    private final Phase currentPhase;
    private final Phase requestedPhase;
    private final List<Phase> allowedMoves;

    public PhaseMoveNotAllowedException(Phase currentPhase, Phase requestedPhase, List<Phase> allowedMoves) {
        super("A session in " + currentPhase + " cannot move to " + requestedPhase + "; it can move to "
                + allowedMoves.stream()
                        .map(Phase::name)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("no phase")
                + ".");
        this.currentPhase = currentPhase;
        this.requestedPhase = requestedPhase;
        this.allowedMoves = List.copyOf(allowedMoves);
    }

    public Phase currentPhase() {
        return currentPhase;
    }

    public Phase requestedPhase() {
        return requestedPhase;
    }

    public List<Phase> allowedMoves() {
        return allowedMoves;
    }
}
