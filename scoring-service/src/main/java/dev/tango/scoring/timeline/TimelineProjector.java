package dev.tango.scoring.timeline;

import dev.tango.events.EventEnvelope;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.support.events.Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Applies session events to timelines: read by id, let the timeline decide, save only if it changed. A save that
 * lost a race with another writer is retried from a fresh read, where the event is then seen as a duplicate or
 * applied on top of the winner's state.
 */
@Service
public class TimelineProjector {

    /** The consumer name in {@code tango.events.*} metrics. */
    public static final String CONSUMER = "session-timeline";

    private static final RetryBackoffSpec ON_CONFLICT = Retry.backoff(10, Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(200))
            .jitter(0.5)
            .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException);

    private final SessionTimelines timelines;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public TimelineProjector(SessionTimelines timelines, ProcessedEvents processed, MeterRegistry meters) {
        this.timelines = timelines;
        this.processed = processed;
        this.meters = meters;
    }

    public Mono<Receipt<SessionTimeline>> project(EventEnvelope<?> event) {
        return Mono.defer(() -> timelines.find(event.sessionId()))
                .defaultIfEmpty(SessionTimeline.unknown(event.sessionId()))
                .flatMap(timeline -> {
                    Receipt<SessionTimeline> receipt = timeline.receive(event);
                    return receipt.changed()
                            ? timelines.save(receipt.state()).map(saved -> new Receipt<>(saved, receipt.handled()))
                            : Mono.just(receipt);
                })
                .retryWhen(ON_CONFLICT)
                .doOnNext(this::report);
    }

    private void report(Receipt<SessionTimeline> receipt) {
        for (Receipt.Handled handled : receipt.handled()) {
            switch (handled.disposition()) {
                case APPLIED -> processed.record(CONSUMER, handled.event(), ProcessedEvents.Outcome.APPLIED);
                case IGNORED -> processed.record(CONSUMER, handled.event(), ProcessedEvents.Outcome.IGNORED);
                case DUPLICATE -> processed.record(CONSUMER, handled.event(), ProcessedEvents.Outcome.DUPLICATE);
                case PARKED ->
                    Counter.builder("tango.events.parked")
                            .description(
                                    "Events that arrived ahead of an earlier event of their session and wait for it")
                            .tag("consumer", CONSUMER)
                            .tag("type", handled.event().type())
                            .register(meters)
                            .increment();
            }
        }
    }
}
