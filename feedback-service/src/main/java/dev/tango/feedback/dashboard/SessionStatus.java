package dev.tango.feedback.dashboard;

/** Where a session is in its lifecycle, as far as its events tell. */
public enum SessionStatus {
    SCHEDULED,
    IN_PROGRESS,
    ENDED,
    CANCELLED
}
