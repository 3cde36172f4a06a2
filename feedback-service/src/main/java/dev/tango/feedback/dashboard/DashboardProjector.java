package dev.tango.feedback.dashboard;

import dev.tango.events.EventEnvelope;
import dev.tango.events.UserId;
import dev.tango.events.session.SessionScheduled;
import dev.tango.support.events.Disposition;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.support.events.Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Applies session events to students' dashboards. The session's route says whose dashboard an event belongs to; until
 * the scheduled event names the student, events wait in the route.
 *
 * <p>Without transactions, two documents are kept consistent by the order of writes and optimistic locking: the
 * dashboard is written first and the route second, each conditional on the version read. A lost race is retried from
 * fresh reads, where per-session sequences in the dashboard turn anything already applied into a duplicate. Once a
 * session is routed, an event costs two reads by id and one write.
 */
@Service
public class DashboardProjector {

    /** The consumer name in {@code tango.events.*} metrics. */
    public static final String CONSUMER = "student-dashboard";

    private static final RetryBackoffSpec ON_CONFLICT = Retry.backoff(10, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final Dashboards dashboards;
    private final SessionRoutes routes;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public DashboardProjector(
            Dashboards dashboards, SessionRoutes routes, ProcessedEvents processed, MeterRegistry meters) {
        this.dashboards = dashboards;
        this.routes = routes;
        this.processed = processed;
        this.meters = meters;
    }

    /** What happened to the event and to any parked events it released. */
    public Mono<List<Receipt.Handled>> project(EventEnvelope<?> event) {
        // What a stored dashboard already holds from an earlier attempt whose route save then lost a race: the retry
        // sees those events as duplicates, but they were applied by this very delivery.
        AtomicReference<List<Receipt.Handled>> stored = new AtomicReference<>(List.of());
        return Mono.defer(() -> routes.find(event.sessionId()))
                .defaultIfEmpty(SessionRoute.unrouted(event.sessionId()))
                .flatMap(route -> {
                    if (route.isRouted()) {
                        return intoDashboard(route.studentId(), event);
                    }
                    if (event.data() instanceof SessionScheduled scheduled) {
                        return route(route, scheduled.studentId(), event, stored);
                    }
                    return park(route, event);
                })
                .retryWhen(ON_CONFLICT)
                .map(handled -> merge(stored.get(), handled))
                .doOnNext(this::report);
    }

    private Mono<List<Receipt.Handled>> intoDashboard(UserId studentId, EventEnvelope<?> event) {
        return dashboards
                .find(studentId)
                .defaultIfEmpty(StudentSessions.empty(studentId))
                .flatMap(dashboard -> {
                    Receipt<StudentSessions> receipt = dashboard.receive(event);
                    return receipt.changed()
                            ? dashboards.save(receipt.state()).thenReturn(receipt.handled())
                            : Mono.just(receipt.handled());
                });
    }

    // The scheduled event names the student: it and everything parked in the route move to the dashboard, then the
    // route remembers the student. If the route changed meanwhile, its save fails and all of this is retried.
    private Mono<List<Receipt.Handled>> route(
            SessionRoute route,
            UserId studentId,
            EventEnvelope<?> scheduled,
            AtomicReference<List<Receipt.Handled>> stored) {
        return dashboards
                .find(studentId)
                .defaultIfEmpty(StudentSessions.empty(studentId))
                .flatMap(dashboard -> {
                    Receipt<StudentSessions> receipt = dashboard.receive(scheduled);
                    List<Receipt.Handled> handled = new ArrayList<>(receipt.handled());
                    StudentSessions state = receipt.state();
                    boolean changed = receipt.changed();
                    for (EventEnvelope<?> parked : route.pending()) {
                        Receipt<StudentSessions> released = state.receive(parked);
                        // Parked events were counted when parked; only report them once they are applied.
                        released.handled().stream()
                                .filter(h -> h.disposition() == Disposition.APPLIED
                                        || h.disposition() == Disposition.IGNORED)
                                .forEach(handled::add);
                        changed |= released.changed();
                        state = released.state();
                    }
                    Mono<StudentSessions> saved = changed
                            ? dashboards.save(state).doOnNext(ok -> stored.set(merge(stored.get(), handled)))
                            : Mono.just(state);
                    return saved.then(routes.save(route.routedTo(studentId))).thenReturn(handled);
                });
    }

    private Mono<List<Receipt.Handled>> park(SessionRoute route, EventEnvelope<?> event) {
        Receipt<SessionRoute> receipt = route.park(event);
        return receipt.changed()
                ? routes.save(receipt.state()).thenReturn(receipt.handled())
                : Mono.just(receipt.handled());
    }

    // Per event, the strongest thing that happened to it: applied or ignored, else parked, else duplicate.
    private static List<Receipt.Handled> merge(List<Receipt.Handled> earlier, List<Receipt.Handled> later) {
        Map<String, Receipt.Handled> byEvent = new LinkedHashMap<>();
        Stream.concat(earlier.stream(), later.stream())
                .forEach(h -> byEvent.merge(
                        h.event().id(), h, (a, b) -> rank(b.disposition()) > rank(a.disposition()) ? b : a));
        return List.copyOf(byEvent.values());
    }

    private static int rank(Disposition disposition) {
        return switch (disposition) {
            case DUPLICATE -> 0;
            case PARKED -> 1;
            case APPLIED, IGNORED -> 2;
        };
    }

    private void report(List<Receipt.Handled> handled) {
        for (Receipt.Handled each : handled) {
            switch (each.disposition()) {
                case APPLIED -> processed.record(CONSUMER, each.event(), ProcessedEvents.Outcome.APPLIED);
                case IGNORED -> processed.record(CONSUMER, each.event(), ProcessedEvents.Outcome.IGNORED);
                case DUPLICATE -> processed.record(CONSUMER, each.event(), ProcessedEvents.Outcome.DUPLICATE);
                case PARKED ->
                    Counter.builder("tango.events.parked")
                            .description(
                                    "Events that arrived ahead of an earlier event of their session and wait for it")
                            .tag("consumer", CONSUMER)
                            .tag("type", each.event().type())
                            .register(meters)
                            .increment();
            }
        }
    }
}
