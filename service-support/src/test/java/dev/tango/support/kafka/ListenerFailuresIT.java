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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.NewTopic;
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
 * A record that fails because the service's database is away is not poison: it is retried until the database is back
 * ({@link PerKeyOrder}, which every service's listeners run their work through), not dead-lettered after the few quick retries meant for records
 * that can never be processed. Before, a 30 s MongoDB outage sent every event consumed meanwhile to the dead-letter
 * topic, and the projections never saw them (found by the reliability suite's MongoDB outage scenario).
 */
@ServiceIntegrationTest
@TestPropertySource(
        properties = {
            "spring.config.import=classpath:tango-defaults.yml",
            "spring.application.name=outage-retry-it",
            "spring.mongodb.database=outage_retry_it",
            "tango.kafka.retry-interval=20ms"
        })
class DatabaseOutageRetryIT {

    /** More failures than {@code tango.kafka.max-retries} (3) allows for a poison record. */
    private static final int FAILURES = 6;

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
        EventEnvelope<?> sample = GoldenSamples.of("tango.session.scheduled.v1").envelope();
        EventEnvelope<?> event = new EventEnvelope<>(
                UUID.randomUUID().toString(), sample.source(), sample.time(), sample.sequence(), sample.data());
        listener.failFor(event.id());
        try (SessionEventsPublisher publisher =
                new SessionEventsPublisher(EmbeddedInfrastructure.get().kafkaBootstrapServers())) {
            publisher.publish(event);
        }

        await("the event processed once the outage is over")
                .atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(listener.processed).contains(event.id()));
        assertThat(listener.attempts.get()).isEqualTo(FAILURES + 1);
        assertThat(meters.find("tango.events.dead.lettered").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .as("records dead-lettered")
                .isZero();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(FlakyListener.class)
    static class App {}

    /** Fails one chosen event {@link #FAILURES} times as a repository does while MongoDB is away, then takes it. */
    static class FlakyListener {
        final AtomicInteger attempts = new AtomicInteger();
        final Set<String> processed = ConcurrentHashMap.newKeySet();
        private final PerKeyOrder order = new PerKeyOrder(Duration.ofSeconds(30));
        private volatile String failing;

        void failFor(String eventId) {
            failing = eventId;
        }

        @KafkaListener(id = "outage-retry-it", groupId = "outage-retry-it", topics = "tango.session-events.v1")
        Mono<Void> onEvent(EventEnvelope<?> event) {
            return order.submit(
                    event.sessionId().value(),
                    () -> Mono.defer(() -> {
                        if (!event.id().equals(failing)) {
                            return Mono.empty();
                        }
                        if (attempts.incrementAndGet() <= FAILURES) {
                            return Mono.error(new DataAccessResourceFailureException(
                                    "Timed out while waiting for a server", new MongoTimeoutException("no server")));
                        }
                        processed.add(event.id());
                        return Mono.empty();
                    }));
        }
    }
}
