package dev.tango.session;

import dev.tango.events.SessionId;

/** An import brings in a whole transcript, so a session that already has segments does not take one. */
public class TranscriptExistsException extends RuntimeException {

    private final int segments;

    public TranscriptExistsException(SessionId id, int segments) {
        super("Session " + id + " already has a transcript of " + segments
                + " segments; an import brings in a whole transcript, so it is only accepted while there is none.");
        this.segments = segments;
    }

    public int segments() {
        return segments;
    }
}
