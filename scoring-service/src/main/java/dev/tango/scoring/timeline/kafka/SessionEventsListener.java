package dev.tango.scoring.timeline.kafka;

import dev.tango.events.EventEnvelope;
import dev.tango.scoring.timeline.TimelineProjector;
import dev.tango.support.kafka.DeadLetters;
import dev.tango.support.kafka.PerKeyOrder;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Feeds session events into timelines. The returned {@code Mono} makes the container acknowledge the record only once
 * it has been stored; a failure goes to the shared error handler (bounded retries, then the dead-letter topic).
 * Records that do not deserialize never get here: the error handler sends them to the dead-letter topic directly.
 */
@Component
class SessionEventsListener {

    private final TimelineProjector projector;
    private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(30));
    private final DeadLetters deadLetters;

    SessionEventsListener(TimelineProjector projector, DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
        this.projector = projector;
    }

    @KafkaListener(
            id = TimelineProjector.CONSUMER,
            idIsGroup = false,
            topics = "#{T(dev.tango.events.Topics).SESSION_EVENTS.name()}")
    Mono<Void> onSessionEvent(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> event = record.value();
        return deadLetters.process(record, order, event.sessionId().value(), () -> projector.project(event));
    }
}
