package dev.tango.session;

import dev.tango.events.SessionId;
import dev.tango.events.session.TranscriptSegment;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Where sessions are kept. Each write stores the session's pending events in its outbox, atomically with it. */
public interface PracticeSessions {

    /** The session's state, without its transcript segments. */
    Mono<PracticeSession> findById(SessionId id);

    /** The session's transcript segments in order; empty for a session without any (or that does not exist). */
    Mono<List<TranscriptSegment>> transcript(SessionId id);

    /** The sessions that match the query and lie in the scope, newest scheduled first, one page of them. */
    Mono<SessionPage> search(SessionQuery query, SessionScope scope);

    /** How many sessions there are in each status; every status is present. */
    Mono<Map<SessionStatus, Long>> countByStatus();

    /** Stores a new session; emits it as stored. */
    Mono<PracticeSession> insert(PracticeSession session);

    /**
     * Stores the changes of a session loaded earlier, if nobody changed it since; otherwise fails with an
     * {@code OptimisticLockingFailureException} and stores nothing. New transcript segments are added after the stored
     * ones. Emits the session as stored.
     */
    Mono<PracticeSession> update(PracticeSession session);
}
