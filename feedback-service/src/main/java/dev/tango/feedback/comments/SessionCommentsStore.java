package dev.tango.feedback.comments;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/** Where each session's comments are kept; saving is conditional on the version read. */
public interface SessionCommentsStore {

    Mono<SessionComments> find(SessionId sessionId);

    Mono<SessionComments> save(SessionComments comments);
}
