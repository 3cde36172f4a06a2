package dev.tango.gateway.ui.client;

import java.util.Map;

/**
 * A transcript file to import: its whole text, whether lines that cannot be read are skipped (else nothing is
 * imported), and the names in the file that stand for the coach or the client ({@code Marco -> COACH}).
 */
public record TranscriptUpload(String text, boolean skipInvalidLines, Map<String, String> speakers) {

    public TranscriptUpload {
        speakers = speakers == null ? Map.of() : Map.copyOf(speakers);
    }
}
