package dev.tango.session;

import dev.tango.events.Speaker;

/** A speaker turn to add to a transcript; it gets its index when it is added. */
public record SegmentDraft(Speaker speaker, String text, long startMs, long endMs) {}
