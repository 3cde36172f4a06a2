package dev.tango.support.kafka;

import dev.tango.support.web.DatabaseUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Where records go that cannot be processed: the record's {@code <topic>.dlt} topic, counted in {@code
 * tango.events.dead.lettered} (tags {@code topic}, {@code reason}).
 *
 * <p>The container's error handler sends records here that fail before the listener (they do not deserialize). Work
 * of the listeners, which return a {@link Mono}, comes here through {@link #process}: spring-kafka 4.0.6 neither retried
 * nor dead-lettered a record whose returned {@code Mono} failed (one attempt, then nothing, the record never
 * acknowledged and its partition's committed offset stuck behind it; {@code ListenerFailuresIT}).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final TangoKafkaProperties properties;
    private final MeterRegistry meters;

    public DeadLetters(DeadLetterPublishingRecoverer recoverer, TangoKafkaProperties properties, MeterRegistry meters) {
        this.recoverer = recoverer;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * A listener's work for a record, in its key's turn ({@link PerKeyOrder}): a failure other than a database outage
     * is tried again {@code tango.kafka.max-retries} times, {@code tango.kafka.retry-interval} apart, within the key's
     * turn; what still fails (also a database outage longer than {@link PerKeyOrder}'s retries) goes to the dead-letter
     * topic, and the record counts as handled, so that the records after it go on.
     */
    public Mono<Void> process(ConsumerRecord<?, ?> record, PerKeyOrder order, String key, Supplier<Mono<?>> work) {
        return order.submit(
                        key,
                        () -> Mono.defer(work)
                                .retryWhen(Retry.fixedDelay(properties.maxRetries(), properties.retryInterval())
                                        .filter(error -> !DatabaseUnavailable.isCause(error))
                                        .onRetryExhaustedThrow((spec, signal) -> signal.failure())))
                .onErrorResume(failure -> publish(record, failure));
    }

    /** Publishes the record to its dead-letter topic and counts it; completes once the broker has it. */
    public Mono<Void> publish(ConsumerRecord<?, ?> record, Throwable failure) {
        return Mono.<Void>fromRunnable(() -> accept(record, failure)).subscribeOn(Schedulers.boundedElastic());
    }

    /** The same, blocking until the broker has it: for the container's error handler, on the consumer thread. */
    void accept(ConsumerRecord<?, ?> record, Throwable failure) {
        Throwable cause = rootCause(failure);
        log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), cause.toString());
        Counter.builder("tango.events.dead.lettered")
                .description("Records that could not be processed and went to a dead-letter topic")
                .tag("topic", record.topic())
                .tag("reason", cause.getClass().getSimpleName())
                .register(meters)
                .increment();
        recoverer.accept(record, failure instanceof Exception e ? e : new IllegalStateException(failure));
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
