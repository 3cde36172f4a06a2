package dev.tango.events.session;

import dev.tango.events.SessionId;
import java.util.List;

/**
 * Segments were added to the end of a session's transcript, appended in a batch or imported from a file. A large
 * batch or import is split into several events, each with consecutive indexes.
 *
 * @param firstIndex the index of the first segment carried
 * @param origin how the segments came: {@code APPENDED} through the API in batches, or {@code IMPORTED} from a file
 */
public record TranscriptAppended(SessionId sessionId, int firstIndex, Origin origin, List<TranscriptSegment> segments)
        implements SessionEvent {

    public TranscriptAppended {
        segments = List.copyOf(segments);
    }

    /** How segments reached the transcript. */
    public enum Origin {
        APPENDED,
        IMPORTED
    }
}
