package dev.tango.gateway.ui.client;

import java.time.Instant;
import java.util.List;

/** One session as a home page lists it; fields a service did not send stay null. */
public record SessionRow(
        String sessionId,
        String programId,
        String mode,
        String status,
        Instant when,
        Long durationMs,
        List<String> phasesVisited,
        String currentPhase) {

    public Long durationMinutes() {
        return durationMs == null ? null : Math.round(durationMs / 60000.0);
    }
}
