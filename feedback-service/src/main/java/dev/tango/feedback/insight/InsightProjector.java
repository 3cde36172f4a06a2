package dev.tango.feedback.insight;

import dev.tango.events.EventEnvelope;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.support.events.Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Applies session and score events to the insight of their session: one read and at most one write by id per event,
 * and once per session one more write that lists the session under its student.
 * A lost optimistic-locking race is retried from a fresh read, where the inboxes turn anything already applied into
 * a duplicate.
 */
@Service
public class InsightProjector {

    /** The consumer name in {@code tango.events.*} metrics. */
    public static final String CONSUMER = "session-insight";

    private static final RetryBackoffSpec ON_CONFLICT = Retry.backoff(10, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final SessionInsights insights;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public InsightProjector(SessionInsights insights, ProcessedEvents processed, MeterRegistry meters) {
        this.insights = insights;
        this.processed = processed;
        this.meters = meters;
    }

    public Mono<List<Receipt.Handled>> project(EventEnvelope<?> event) {
        return Mono.defer(() -> insights.find(event.sessionId()))
                .defaultIfEmpty(SessionInsight.empty(event.sessionId()))
                .flatMap(insight -> {
                    Receipt<SessionInsight> receipt = insight.receive(event);
                    if (!receipt.changed()) {
                        return Mono.just(receipt.handled());
                    }
                    SessionInsight changed = receipt.state();
                    // Listed before the save: once the insight names its student, the student's list has it.
                    Mono<Void> listed = insight.studentId() == null && changed.studentId() != null
                            ? insights.listUnderStudent(changed)
                            : Mono.empty();
                    return listed.then(insights.save(changed)).thenReturn(receipt.handled());
                })
                .retryWhen(ON_CONFLICT)
                .doOnNext(this::report);
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
