package dev.tango.feedback.dashboard.mongo;

import dev.tango.feedback.rebuild.ProjectionStore;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Empties the students' session lists and the session routes for a rebuild; routes go first, then dashboards. */
@Repository
class DashboardProjectionStore implements ProjectionStore {

    private final StudentSessionsRepository dashboards;
    private final SessionRouteRepository routes;

    DashboardProjectionStore(StudentSessionsRepository dashboards, SessionRouteRepository routes) {
        this.dashboards = dashboards;
        this.routes = routes;
    }

    @Override
    public String name() {
        return "student_sessions+session_routes";
    }

    @Override
    public Mono<Long> reset() {
        Mono<Long> routesRemoved =
                routes.count().flatMap(count -> routes.deleteAll().thenReturn(count));
        Mono<Long> dashboardsRemoved =
                dashboards.count().flatMap(count -> dashboards.deleteAll().thenReturn(count));
        return routesRemoved.zipWith(dashboardsRemoved, Long::sum);
    }
}
