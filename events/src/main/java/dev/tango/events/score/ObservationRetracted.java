package dev.tango.events.score;

import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import java.time.Instant;

/**
 * A mentor took an observation back. It no longer counts; the record of it stays.
 *
 * @param reason may be {@code null}
 */
public record ObservationRetracted(
        SessionId sessionId, String observationId, UserId mentorId, String reason, Instant retractedAt)
        implements ScoreEvent {}
