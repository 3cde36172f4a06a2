package dev.tango.feedback.dashboard;

import dev.tango.events.SessionId;
import reactor.core.publisher.Mono;

/** Where session routes are kept, one per session, saved under the same optimistic locking as {@link Dashboards}. */
public interface SessionRoutes {

    Mono<SessionRoute> find(SessionId sessionId);

    Mono<SessionRoute> save(SessionRoute route);
}
