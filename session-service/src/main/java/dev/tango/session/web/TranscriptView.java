package dev.tango.session.web;

import dev.tango.events.SessionId;
import dev.tango.events.session.TranscriptSegment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "A session's transcript: its speaker turns, in order")
record TranscriptView(
        @Schema(implementation = String.class) SessionId sessionId, List<TranscriptSegment> segments, int total) {

    static TranscriptView of(SessionId id, List<TranscriptSegment> segments) {
        return new TranscriptView(id, segments, segments.size());
    }
}
