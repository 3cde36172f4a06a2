package dev.tango.events.session;

import dev.tango.events.Speaker;
import java.util.Objects;

/**
 * One speaker turn of a session's transcript.
 *
 * @param index the segment's place in the transcript, from 0, without gaps
 * @param startMs offset into the session (or its recording) where the turn starts
 * @param endMs offset where it ends; never before {@code startMs}
 */
public record TranscriptSegment(int index, Speaker speaker, String text, long startMs, long endMs) {

    public TranscriptSegment {
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(text, "text");
    }
}
