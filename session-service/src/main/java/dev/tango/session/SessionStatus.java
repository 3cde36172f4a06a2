package dev.tango.session;

/** Where a session is in its life: SCHEDULED, then IN_PROGRESS, then ENDED; or CANCELLED before it ended. */
public enum SessionStatus {
    SCHEDULED,
    IN_PROGRESS,
    ENDED,
    CANCELLED
}
