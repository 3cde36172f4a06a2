package dev.tango.events;

/** Who speaks in a transcript segment: the student coach, or the client being coached. */
public enum Speaker {
    COACH,
    CLIENT
}
