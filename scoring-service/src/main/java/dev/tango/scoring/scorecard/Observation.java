package dev.tango.scoring.scorecard;

import dev.tango.events.Phase;
import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import java.time.Instant;
import java.util.Objects;

/**
 * What one mentor saw at one moment of a session: a marker of the rubric, or an occurrence of an anti-signal. A
 * retracted observation no longer counts, but it is kept.
 *
 * @param phase for a marker, the phase the rubric puts it in; for an anti-signal, the phase it was observed in
 * @param timeCodeMs LIVE: milliseconds since the session started; REVIEW: the offset into the recording
 * @param note may be {@code null}
 * @param retraction {@code null} while the observation counts
 */
public record Observation(
        String id,
        UserId mentorId,
        ObservationKind kind,
        String itemId,
        Phase phase,
        long timeCodeMs,
        String note,
        Instant recordedAt,
        Retraction retraction) {

    public Observation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mentorId, "mentorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(phase, "phase");
    }

    public boolean counts() {
        return retraction == null;
    }

    public Observation retracted(Retraction how) {
        return new Observation(id, mentorId, kind, itemId, phase, timeCodeMs, note, recordedAt, how);
    }

    /**
     * How and why an observation was taken back.
     *
     * @param reason may be {@code null}
     * @param requestId derived from the caller and the request's Idempotency-Key ({@code IdempotentIds}); {@code null}
     *     for a retraction without a key, or stored before it was kept
     */
    public record Retraction(Instant at, String reason, String requestId) {

        public Retraction(Instant at, String reason) {
            this(at, reason, null);
        }
    }
}
