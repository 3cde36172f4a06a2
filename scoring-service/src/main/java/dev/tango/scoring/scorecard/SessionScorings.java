package dev.tango.scoring.scorecard;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/**
 * Where the scoring of each session is kept. Saving stores the pending score events in the document's outbox with the
 * change, only if nobody saved the session's scoring since it was read; otherwise it fails with an
 * {@code OptimisticLockingFailureException} (or {@code DuplicateKeyException} when two first saves race).
 */
public interface SessionScorings {

    /** The session's scoring, or a fresh one if nothing was scored yet. */
    Mono<SessionScoring> find(SessionId sessionId);

    Mono<SessionScoring> save(SessionScoring scoring);
}
