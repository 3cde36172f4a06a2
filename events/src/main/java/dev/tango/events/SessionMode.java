package dev.tango.events;

/** LIVE sessions are marked while they happen; REVIEW sessions afterwards, from a recording or transcript. */
public enum SessionMode {
    LIVE,
    REVIEW
}
