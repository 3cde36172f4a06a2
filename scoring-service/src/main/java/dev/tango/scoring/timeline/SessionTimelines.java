package dev.tango.scoring.timeline;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/**
 * Where timelines are kept. Saving is conditional on the version read: a concurrent change fails the save with an
 * {@link org.springframework.dao.OptimisticLockingFailureException} (or a
 * {@link org.springframework.dao.DuplicateKeyException} when two first saves race), so nothing is applied twice.
 */
public interface SessionTimelines {

    Mono<SessionTimeline> find(SessionId sessionId);

    Mono<SessionTimeline> save(SessionTimeline timeline);
}
