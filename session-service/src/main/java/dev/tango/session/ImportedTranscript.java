package dev.tango.session;

import dev.tango.session.TranscriptParser.LineError;
import java.util.List;

/** The outcome of an import: the session with its transcript, how many segments came in, and the lines skipped. */
public record ImportedTranscript(PracticeSession session, int imported, List<LineError> skippedLines) {

    public ImportedTranscript {
        skippedLines = List.copyOf(skippedLines);
    }
}
