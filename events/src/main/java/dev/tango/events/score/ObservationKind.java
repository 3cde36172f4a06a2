package dev.tango.events.score;

/** What a mentor observed: a partnering marker of the rubric, or an occurrence of an anti-signal. */
public enum ObservationKind {
    MARKER,
    ANTI_SIGNAL
}
