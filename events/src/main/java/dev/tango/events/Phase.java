package dev.tango.events;

/** The five phases of a coaching conversation, in their natural order (DESIGN.md, the partnership model). */
public enum Phase {
    OPENING,
    EXPLORING,
    MEANING_MAKING,
    ACTION_PLANNING,
    CLOSING
}
