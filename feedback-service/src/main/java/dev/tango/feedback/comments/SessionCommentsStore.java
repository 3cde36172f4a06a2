package dev.tango.feedback.comments;

import dev.tango.events.SessionId;
import java.util.Collection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where each session's comments are kept; saving is conditional on the version read. */
public interface SessionCommentsStore {

    Mono<SessionComments> find(SessionId sessionId);

    /** The comments of these sessions, in one query by {@code _id}; sessions without comments are left out. */
    Flux<SessionComments> findAll(Collection<SessionId> sessionIds);

    Mono<SessionComments> save(SessionComments comments);
}
