package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One observation a mentor recorded: a marker of the rubric or an anti-signal occurrence, in a phase, at a time code
 * (ms since the start of a LIVE session, or into the recording of a REVIEW). A retracted one stays on record.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Observation(
        String id,
        String mentorId,
        String kind,
        String itemId,
        String phase,
        long timeCodeMs,
        String note,
        Instant recordedAt,
        boolean retracted,
        Instant retractedAt,
        String retractReason) {

    public boolean marker() {
        return "MARKER".equals(kind);
    }
}
