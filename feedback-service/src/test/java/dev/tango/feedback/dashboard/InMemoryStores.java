package dev.tango.feedback.dashboard;

import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import reactor.core.publisher.Mono;

/**
 * Stores for unit tests with the same contract as the MongoDB adapters: a save is conditional on the version read.
 * A test can make the next saves of routes lose a race, as if another writer got there first.
 */
final class InMemoryStores {

    final Map<UserId, StudentSessions> dashboardsById = new ConcurrentHashMap<>();
    final Map<SessionId, SessionRoute> routesById = new ConcurrentHashMap<>();
    final AtomicInteger routeSavesToLose = new AtomicInteger();

    final Dashboards dashboards = new Dashboards() {
        @Override
        public Mono<StudentSessions> find(UserId studentId) {
            return Mono.justOrEmpty(dashboardsById.get(studentId));
        }

        @Override
        public Mono<StudentSessions> save(StudentSessions dashboard) {
            return Mono.fromCallable(() -> {
                StudentSessions stored = dashboardsById.get(dashboard.studentId());
                checkVersion(stored == null ? null : stored.version(), dashboard.version());
                StudentSessions saved =
                        new StudentSessions(dashboard.studentId(), dashboard.sessions(), next(dashboard.version()));
                dashboardsById.put(dashboard.studentId(), saved);
                return saved;
            });
        }
    };

    final SessionRoutes routes = new SessionRoutes() {
        @Override
        public Mono<SessionRoute> find(SessionId sessionId) {
            return Mono.justOrEmpty(routesById.get(sessionId));
        }

        @Override
        public Mono<SessionRoute> save(SessionRoute route) {
            return Mono.fromCallable(() -> {
                if (routeSavesToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new OptimisticLockingFailureException("Lost a race on route " + route.sessionId());
                }
                SessionRoute stored = routesById.get(route.sessionId());
                checkVersion(stored == null ? null : stored.version(), route.version());
                SessionRoute saved =
                        new SessionRoute(route.sessionId(), route.studentId(), route.pending(), next(route.version()));
                routesById.put(route.sessionId(), saved);
                return saved;
            });
        }
    };

    private static void checkVersion(Long stored, Long read) {
        if (stored == null && read != null) {
            throw new OptimisticLockingFailureException("Document is gone");
        }
        if (stored != null && read == null) {
            throw new DuplicateKeyException("Document exists");
        }
        if (!Objects.equals(stored, read)) {
            throw new OptimisticLockingFailureException("Version " + read + " is stale, stored is " + stored);
        }
    }

    private static Long next(Long version) {
        return version == null ? 0L : version + 1;
    }
}
