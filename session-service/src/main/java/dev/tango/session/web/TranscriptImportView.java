package dev.tango.session.web;

import dev.tango.events.SessionId;
import dev.tango.session.ImportedTranscript;
import dev.tango.session.PracticeSession;
import dev.tango.session.TranscriptParser.LineError;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "What an import brought in, the lines it skipped, and the transcript's size now")
record TranscriptImportView(
        @Schema(implementation = String.class) SessionId sessionId,
        @Schema(description = "segments imported") int imported,

        @Schema(description = "lines that could not be read and were skipped, as asked; empty otherwise")
        List<LineError> skippedLines,

        int segments,
        int characters,
        Long lastEndMs,

        @Schema(description = "the session's version after the import")
        long version) {

    static TranscriptImportView of(ImportedTranscript result) {
        PracticeSession session = result.session();
        return new TranscriptImportView(
                session.id(),
                result.imported(),
                result.skippedLines(),
                session.transcript().segments(),
                session.transcript().characters(),
                session.transcript().lastEndMs(),
                session.version() == null ? 0 : session.version());
    }
}
