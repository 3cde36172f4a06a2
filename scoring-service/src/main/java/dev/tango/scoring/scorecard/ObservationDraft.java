package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import dev.tango.events.score.ObservationKind;

/**
 * An observation as a mentor asks to record it.
 *
 * @param phase {@code null}: the marker's phase, or for an anti-signal the phase the session was in at the time code
 * @param timeCodeMs {@code null} in a LIVE session: now; required in a REVIEW session
 * @param note may be {@code null}
 */
public record ObservationDraft(ObservationKind kind, String itemId, Phase phase, Long timeCodeMs, String note) {}
