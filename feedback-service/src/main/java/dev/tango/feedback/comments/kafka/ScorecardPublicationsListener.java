package dev.tango.feedback.comments.kafka;

import dev.tango.events.EventEnvelope;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.feedback.comments.CommentsService;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.support.kafka.DeadLetters;
import dev.tango.support.kafka.PerKeyOrder;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Publishes a mentor's draft comments when their scorecard is published or revised, in its own consumer group. Not a
 * projection: a rebuild does not replay it, and each revision publishes drafts once (the session's comments remember
 * the revisions seen).
 */
@Component
class ScorecardPublicationsListener {

    /** The consumer name in {@code tango.events.*} metrics. */
    static final String CONSUMER = "comment-publication";

    private final CommentsService comments;
    private final ProcessedEvents processed;
    private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(30));
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;

    ScorecardPublicationsListener(
            CommentsService comments, ProcessedEvents processed, MeterRegistry meters, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.comments = comments;
        this.processed = processed;
        this.meters = meters;
    }

    @KafkaListener(
            id = CONSUMER,
            groupId = "${spring.application.name}." + CONSUMER,
            topics = "#{T(dev.tango.events.Topics).SCORE_EVENTS.name()}")
    Mono<Void> onScoreEvent(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> event = record.value();
        return deadLetters.process(record, order, event.sessionId().value(), () -> handle(event));
    }

    private Mono<?> handle(EventEnvelope<?> event) {
        Mono<Boolean> applied;
        if (event.data() instanceof ScorecardPublished p) {
            applied = comments.publishWithScorecard(p.sessionId(), p.mentorId(), p.revision(), p.publishedAt())
                    .map(publication -> !publication.duplicate())
                    .doOnNext(isNew -> score(isNew, p.revision(), p.overallScore()));
        } else if (event.data() instanceof ScorecardRevised r) {
            applied = comments.publishWithScorecard(r.sessionId(), r.mentorId(), r.revision(), r.publishedAt())
                    .map(publication -> !publication.duplicate())
                    .doOnNext(isNew -> score(isNew, r.revision(), r.overallScore()));
        } else {
            processed.record(CONSUMER, event, ProcessedEvents.Outcome.IGNORED);
            return Mono.empty();
        }
        return applied.doOnNext(isNew -> processed.record(
                CONSUMER, event, isNew ? ProcessedEvents.Outcome.APPLIED : ProcessedEvents.Outcome.DUPLICATE));
    }

    /** The program dashboard's score distribution: each published revision once, in buckets of ten (le=10 holds 0-10). */
    private void score(boolean isNew, int revision, int overallScore) {
        if (isNew) {
            DistributionSummary.builder("tango.feedback.partnership.score")
                    .description("Overall partnership scores of published scorecard revisions (0-100)")
                    .tag("revision", revision == 1 ? "first" : "revised")
                    .serviceLevelObjectives(10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
                    .register(meters)
                    .record(overallScore);
        }
    }
}
