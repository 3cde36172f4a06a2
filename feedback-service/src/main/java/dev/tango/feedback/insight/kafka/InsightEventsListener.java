package dev.tango.feedback.insight.kafka;

import dev.tango.events.EventEnvelope;
import dev.tango.feedback.insight.InsightProjector;
import dev.tango.feedback.rebuild.kafka.ReplayableListener;
import dev.tango.support.kafka.DeadLetters;
import dev.tango.support.kafka.PerKeyOrder;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds session and score events into session insights, in its own consumer group (both topics, every partition).
 * Both topics are keyed by session id, so one session's events, whichever topic they come from, are handled one at a
 * time. Acknowledged once stored; failures go to the shared error handler and then the topic's dead-letter topic.
 */
@Component
class InsightEventsListener extends ReplayableListener {

    private final InsightProjector projector;
    private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(30));
    private final DeadLetters deadLetters;

    InsightEventsListener(
            InsightProjector projector,
            ObjectProvider<KafkaListenerEndpointRegistry> registry,
            DeadLetters deadLetters) {
        super(registry);
        this.deadLetters = deadLetters;
        this.projector = projector;
    }

    @KafkaListener(
            id = InsightProjector.CONSUMER,
            groupId = "${spring.application.name}." + InsightProjector.CONSUMER,
            topics = {
                "#{T(dev.tango.events.Topics).SESSION_EVENTS.name()}",
                "#{T(dev.tango.events.Topics).SCORE_EVENTS.name()}"
            })
    Mono<Void> onEvent(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> event = record.value();
        return deadLetters.process(record, order, event.sessionId().value(), () -> projector.project(event));
    }

    @Override
    public String name() {
        return InsightProjector.CONSUMER;
    }
}
