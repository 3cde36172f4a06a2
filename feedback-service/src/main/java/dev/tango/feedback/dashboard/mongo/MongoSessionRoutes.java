package dev.tango.feedback.dashboard.mongo;

import dev.tango.events.SessionId;
import dev.tango.feedback.dashboard.SessionRoute;
import dev.tango.feedback.dashboard.SessionRoutes;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Session routes by {@code _id} (the session id), saved with optimistic locking on {@code version}. */
@Repository
class MongoSessionRoutes implements SessionRoutes {

    private final SessionRouteRepository documents;

    MongoSessionRoutes(SessionRouteRepository documents) {
        this.documents = documents;
    }

    @Override
    public Mono<SessionRoute> find(SessionId sessionId) {
        return documents.findById(sessionId.value()).map(SessionRouteDocument::toRoute);
    }

    @Override
    public Mono<SessionRoute> save(SessionRoute route) {
        return documents.save(SessionRouteDocument.of(route)).map(SessionRouteDocument::toRoute);
    }
}
