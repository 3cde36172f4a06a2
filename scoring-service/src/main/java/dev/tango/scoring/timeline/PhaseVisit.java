package dev.tango.scoring.timeline;

import dev.tango.events.Phase;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry into a phase. A phase entered twice appears twice.
 *
 * @param enteredAt server time at which the move was recorded
 * @param offsetMs for REVIEW sessions, the offset into the recording; {@code null} for LIVE sessions
 */
public record PhaseVisit(Phase phase, Instant enteredAt, Long offsetMs) {

    public PhaseVisit {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(enteredAt, "enteredAt");
    }
}
