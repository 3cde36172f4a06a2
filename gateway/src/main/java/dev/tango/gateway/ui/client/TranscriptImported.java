package dev.tango.gateway.ui.client;

import java.util.List;

/** What session-service did with a transcript file: how many segments it imported, which lines it skipped. */
public record TranscriptImported(int imported, List<ServiceProblem.LineError> skippedLines, int segments) {

    public TranscriptImported {
        skippedLines = skippedLines == null ? List.of() : List.copyOf(skippedLines);
    }
}
