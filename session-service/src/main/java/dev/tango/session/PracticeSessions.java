package dev.tango.session;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/** Where sessions are kept. Each write stores the session's pending events in its outbox, atomically with it. */
public interface PracticeSessions {

    Mono<PracticeSession> findById(SessionId id);

    /** The sessions that match the query and lie in the scope, newest scheduled first, one page of them. */
    Mono<SessionPage> search(SessionQuery query, SessionScope scope);

    /** Stores a new session; emits it as stored. */
    Mono<PracticeSession> insert(PracticeSession session);

    /**
     * Stores the changes of a session loaded earlier, if nobody changed it since; otherwise fails with an
     * {@code OptimisticLockingFailureException} and stores nothing. Emits the session as stored.
     */
    Mono<PracticeSession> update(PracticeSession session);
}
