package dev.tango.feedback.dashboard.mongo;

import dev.tango.events.EventEnvelope;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.SessionRoute;
import dev.tango.support.events.StoredEvent;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A session's route as stored, keyed by session id: its student once known, and events parked until then. */
@Document("session_routes")
record SessionRouteDocument(
        @Id String id,
        String studentId,
        List<StoredEvent> pending,
        @Version Long version) {

    static SessionRouteDocument of(SessionRoute route) {
        return new SessionRouteDocument(
                route.sessionId().value(),
                route.studentId() == null ? null : route.studentId().value(),
                route.pending().stream().map(StoredEvent::of).toList(),
                route.version());
    }

    SessionRoute toRoute() {
        return new SessionRoute(
                SessionId.of(id),
                studentId == null ? null : UserId.of(studentId),
                pending == null
                        ? List.of()
                        : pending.stream()
                                .<EventEnvelope<?>>map(StoredEvent::toEnvelope)
                                .toList(),
                version);
    }
}
