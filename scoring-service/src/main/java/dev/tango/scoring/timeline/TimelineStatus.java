package dev.tango.scoring.timeline;

/** Where a session is in its lifecycle, as far as its events tell. */
public enum TimelineStatus {
    SCHEDULED,
    IN_PROGRESS,
    ENDED,
    CANCELLED
}
