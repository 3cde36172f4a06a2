package dev.tango.events.score;

import dev.tango.events.Phase;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import java.time.Instant;

/**
 * A mentor recorded an observation on a session.
 *
 * @param itemId the marker's or anti-signal's id in the rubric
 * @param phase the phase it belongs to
 * @param timeCodeMs where in the session (LIVE: since its start) or its recording (REVIEW) it happened
 * @param note the mentor's note; may be {@code null}
 * @param rubricId the rubric the session is scored against
 */
public record ObservationRecorded(
        SessionId sessionId,
        String observationId,
        UserId mentorId,
        ObservationKind kind,
        String itemId,
        Phase phase,
        long timeCodeMs,
        String note,
        String rubricId,
        int rubricVersion,
        Instant recordedAt)
        implements ScoreEvent {}
