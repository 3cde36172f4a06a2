package dev.tango.session;

import dev.tango.events.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * One stay in a phase; a phase can be visited more than once.
 *
 * @param enteredAt server time of the move
 * @param offsetMs for REVIEW sessions, the offset into the recording if the mentor gave one
 */
public record PhaseVisit(Phase phase, Instant enteredAt, Long offsetMs) {

    public PhaseVisit {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(enteredAt, "enteredAt");
    }
}
