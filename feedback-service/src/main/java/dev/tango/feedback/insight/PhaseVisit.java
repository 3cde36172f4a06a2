package dev.tango.feedback.insight;

import dev.tango.events.Phase;
import java.time.Instant;

/**
 * The session entered a phase.
 *
 * @param offsetMs for REVIEW sessions the offset into the recording; {@code null} for LIVE sessions
 */
public record PhaseVisit(Phase phase, Instant enteredAt, Long offsetMs) {}
