package dev.tango.feedback.comments.kafka;

import dev.tango.events.EventEnvelope;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.feedback.comments.CommentsService;
import dev.tango.support.events.ProcessedEvents;
import dev.tango.support.kafka.PerKeyOrder;
import java.time.Duration;
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

    ScorecardPublicationsListener(CommentsService comments, ProcessedEvents processed) {
        this.comments = comments;
        this.processed = processed;
    }

    @KafkaListener(
            id = CONSUMER,
            groupId = "${spring.application.name}." + CONSUMER,
            topics = "#{T(dev.tango.events.Topics).SCORE_EVENTS.name()}")
    Mono<Void> onScoreEvent(EventEnvelope<?> event) {
        return order.submit(event.sessionId().value(), () -> handle(event));
    }

    private Mono<?> handle(EventEnvelope<?> event) {
        Mono<Boolean> applied;
        if (event.data() instanceof ScorecardPublished p) {
            applied = comments.publishWithScorecard(p.sessionId(), p.mentorId(), p.revision(), p.publishedAt())
                    .map(publication -> !publication.duplicate());
        } else if (event.data() instanceof ScorecardRevised r) {
            applied = comments.publishWithScorecard(r.sessionId(), r.mentorId(), r.revision(), r.publishedAt())
                    .map(publication -> !publication.duplicate());
        } else {
            processed.record(CONSUMER, event, ProcessedEvents.Outcome.IGNORED);
            return Mono.empty();
        }
        return applied.doOnNext(isNew -> processed.record(
                CONSUMER, event, isNew ? ProcessedEvents.Outcome.APPLIED : ProcessedEvents.Outcome.DUPLICATE));
    }
}
