package dev.tango.session;

import dev.tango.session.TranscriptParser.LineError;
import java.util.List;

/** A transcript file has lines that cannot be read, and skipping them was not asked for; nothing was imported. */
public class TranscriptUnreadableException extends RuntimeException {

    private final List<LineError> lineErrors;

    public TranscriptUnreadableException(String message, List<LineError> lineErrors) {
        super(message);
        this.lineErrors = List.copyOf(lineErrors);
    }

    public List<LineError> lineErrors() {
        return lineErrors;
    }
}
