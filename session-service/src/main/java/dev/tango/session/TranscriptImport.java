package dev.tango.session;

import dev.tango.events.Speaker;
import java.util.Map;

/**
 * A whole transcript to import into a session.
 *
 * @param speakers names used in the file, mapped to their roles (Coach and Client are known without it)
 * @param skipInvalidLines import the lines that can be read and report the others, instead of refusing the file
 */
public record TranscriptImport(String text, Map<String, Speaker> speakers, boolean skipInvalidLines) {

    public TranscriptImport {
        speakers = speakers == null ? Map.of() : Map.copyOf(speakers);
    }
}
