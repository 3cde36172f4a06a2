package dev.tango.feedback.insight;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A mentor's observation of a session, as scoring-service announced it.
 *
 * @param timeCodeMs where in the session (LIVE: since its start) or its recording (REVIEW) it happened
 * @param note may be {@code null}
 * @param retracted taken back by the mentor: it no longer counts, but the record stays
 */
public record Observation(
        String observationId,
        UserId mentorId,
        ObservationKind kind,
        String itemId,
        Phase phase,
        long timeCodeMs,
        String note,
        Instant recordedAt,
        boolean retracted) {

    public Observation {
        Objects.requireNonNull(observationId, "observationId");
        Objects.requireNonNull(mentorId, "mentorId");
    }

    Observation retract() {
        return new Observation(observationId, mentorId, kind, itemId, phase, timeCodeMs, note, recordedAt, true);
    }
}
