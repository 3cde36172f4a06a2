package dev.tango.session.web;

import dev.tango.events.SessionId;
import dev.tango.session.PracticeSession;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "How many segments a request appended, and the transcript's size now")
record TranscriptAppendView(
        @Schema(implementation = String.class) SessionId sessionId,

        @Schema(description = "segments added by this request")
        int appended,

        int segments,
        int characters,
        Long lastEndMs,

        @Schema(description = "the session's version after the change")
        long version) {

    static TranscriptAppendView of(PracticeSession session, int appended) {
        return new TranscriptAppendView(
                session.id(),
                appended,
                session.transcript().segments(),
                session.transcript().characters(),
                session.transcript().lastEndMs(),
                session.version() == null ? 0 : session.version());
    }
}
