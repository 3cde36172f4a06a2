package dev.tango.support.events;

/** What a projection did with one event. */
public enum Disposition {
    /** The event changed the projection. */
    APPLIED,
    /** The event was in sequence but carries nothing this projection keeps; only the sequence moved on. */
    IGNORED,
    /** The event was seen before; nothing changed. */
    DUPLICATE,
    /** The event arrived ahead of an earlier one and waits for it. */
    PARKED
}
