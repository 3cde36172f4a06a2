package dev.tango.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import dev.tango.events.EventEnvelope;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import dev.tango.testsupport.EmbeddedInfrastructure;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.SessionEventsPublisher;
import dev.tango.testsupport.TopicProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

/**
 * What the consumers' error handling does with a listener whose returned {@link Mono} fails, on a real broker: every
 * service's listeners return one and run their work through {@link PerKeyOrder}.
 *
 * <ul>
 *   <li>A record that fails because the service's database is away is not poison: it is retried until the database is
 *       back, not dead-lettered after the few quick retries meant for records that can never be processed. Before, a
 *       30 s MongoDB outage sent every event consumed meanwhile to the dead-letter topic, and the projections never
 *       saw them (found by the reliability suite's MongoDB outage scenario).
 *   <li>A record whose processing fails every time (a bug, a rule the event breaks) is tried {@code 1 +
 *       tango.kafka.max-retries} times, then published to the dead-letter topic and counted, and the records after it
 *       are processed.
 * </ul>
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "spring.config.import=classpath:tango-defaults.yml",
            "spring.application.name=listener-failures-it",
            "spring.mongodb.database=listener_failures_it",
            "tango.kafka.retry-interval=20ms"
        })
class ListenerFailuresIT {

    /** More failures than {@code tango.kafka.max-retries} (3) allows for a poison record. */
    private static final int OUTAGE_FAILURES = 6;

    private static final int MAX_RETRIES = 3;

    @Autowired
    FlakyListener listener;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void topics() {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        infrastructure.createTopics(Topics.SESSION_EVENTS);
        infrastructure.kafka().addTopics(new NewTopic(Topics.SESSION_EVENTS.deadLetter(), 1, (short) 1));
    }

    @Test
    void anEventThatMeetsADatabaseOutageIsRetriedUntilTheDatabaseIsBackNotDeadLettered() {
        EventEnvelope<?> event = newEvent();
        listener.failWhileDatabaseIsAway(event.id(), OUTAGE_FAILURES);
        double deadLetteredBefore = deadLettered();
        publish(event);

        await("the event processed once the outage is over")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(listener.processed).contains(event.id()));
        assertThat(listener.attempts(event.id())).isEqualTo(OUTAGE_FAILURES + 1);
        assertThat(deadLettered() - deadLetteredBefore)
                .as("records dead-lettered")
                .isZero();
    }

    @Test
    void anEventWhoseProcessingAlwaysFailsIsDeadLetteredAfterBoundedRetriesAndTheNextOneIsProcessed() {
        EventEnvelope<?> poison = newEvent();
        EventEnvelope<?> next = newEvent();
        listener.failForGood(poison.id());
        double deadLetteredBefore = deadLettered();

        try (TopicProbe deadLetters = new TopicProbe(
                EmbeddedInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.deadLetter())) {
            publish(poison);
            publish(next);

            await("the failing event on the dead-letter topic")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(deadLetters.records())
                            .map(ListenerFailuresIT::eventId)
                            .contains(poison.id()));
            await("the event after it processed")
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(listener.processed).contains(next.id()));
            assertThat(deadLetters.records())
                    .filteredOn(record -> poison.id().equals(eventId(record)))
                    .singleElement()
                    .satisfies(record -> assertThat(header(record, "kafka_dlt-exception-message"))
                            .contains("the rule this event breaks"));
        }
        assertThat(listener.attempts(poison.id())).isEqualTo(1 + MAX_RETRIES);
        assertThat(listener.attempts(next.id())).isOne();
        assertThat(listener.processed).doesNotContain(poison.id());
        assertThat(deadLettered() - deadLetteredBefore)
                .as("records dead-lettered")
                .isEqualTo(1);
    }

    // The golden scheduled event under a new id: same session (one key, one partition), so order matters.
    private static EventEnvelope<?> newEvent() {
        EventEnvelope<?> sample = GoldenSamples.of("tango.session.scheduled.v1").envelope();
        return new EventEnvelope<>(
                UUID.randomUUID().toString(), sample.source(), sample.time(), sample.sequence(), sample.data());
    }

    private static void publish(EventEnvelope<?> event) {
        try (SessionEventsPublisher publisher =
                new SessionEventsPublisher(EmbeddedInfrastructure.get().kafkaBootstrapServers())) {
            publisher.publish(event);
        }
    }

    private double deadLettered() {
        return meters.find("tango.events.dead.lettered").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_id");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(FlakyListener.class)
    static class App {}

    /**
     * Fails chosen events: for a while as a repository does while MongoDB is away, or every time. Runs its work as the
     * services' listeners do ({@link DeadLetters#process}).
     */
    static class FlakyListener {
        final Set<String> processed = ConcurrentHashMap.newKeySet();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Map<String, Integer> outages = new ConcurrentHashMap<>();
        private final Set<String> failingForGood = ConcurrentHashMap.newKeySet();
        private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(30));
        private final DeadLetters deadLetters;

        FlakyListener(DeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        void failWhileDatabaseIsAway(String eventId, int times) {
            outages.put(eventId, times);
        }

        void failForGood(String eventId) {
            failingForGood.add(eventId);
        }

        int attempts(String eventId) {
            AtomicInteger count = attempts.get(eventId);
            return count == null ? 0 : count.get();
        }

        @KafkaListener(
                id = "listener-failures-it",
                groupId = "listener-failures-it",
                topics = "tango.session-events.v1")
        Mono<Void> onEvent(ConsumerRecord<String, EventEnvelope<?>> record) {
            EventEnvelope<?> event = record.value();
            return deadLetters.process(
                    record,
                    order,
                    event.sessionId().value(),
                    () -> Mono.defer(() -> {
                        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger())
                                .incrementAndGet();
                        if (failingForGood.contains(event.id())) {
                            return Mono.error(new IllegalStateException("the rule this event breaks"));
                        }
                        if (attempt <= outages.getOrDefault(event.id(), 0)) {
                            return Mono.error(new DataAccessResourceFailureException(
                                    "Timed out while waiting for a server", new MongoTimeoutException("no server")));
                        }
                        processed.add(event.id());
                        return Mono.empty();
                    }));
        }
    }
}
