package dev.tango.session.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventSerializer;
import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.Topics;
import dev.tango.events.UserId;
import dev.tango.session.PracticeSession;
import dev.tango.session.PracticeSessions;
import dev.tango.session.ScheduleSession;
import dev.tango.session.SessionMetrics;
import dev.tango.session.SessionService;
import dev.tango.support.outbox.OutboxCollections;
import dev.tango.support.outbox.OutboxRelay;
import dev.tango.support.outbox.TangoOutboxProperties;
import dev.tango.support.security.Caller;
import dev.tango.support.security.Role;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.test.StepVerifier;

/** The session document, its optimistic lock and its outbox, on the real MongoDB-protocol server and broker. */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class MongoPracticeSessionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final Caller ADMIN =
            new Caller(UserId.of("admin-pcc"), Set.of(Role.ADMIN), Set.of(ProgramId.of("pcc-2026")));

    private static TopicProbe topic;

    @Autowired
    ReactiveMongoOperations mongo;

    @Autowired
    PracticeSessions sessions;

    @Autowired
    SessionService service;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Clock clock;

    @BeforeAll
    static void probe() {
        topic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.name());
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    @Test
    void refusesTheSecondOfTwoChangesMadeFromTheSameVersion() {
        SessionId id = service.schedule(command(), ADMIN)
                .flatMap(session -> service.start(session.id(), ADMIN))
                .block(WAIT)
                .id();
        PracticeSession first = sessions.findById(id).block(WAIT);
        PracticeSession second = sessions.findById(id).block(WAIT);
        first.enterPhase(Phase.EXPLORING, clock.instant());
        second.enterPhase(Phase.MEANING_MAKING, clock.instant());

        StepVerifier.create(sessions.update(first))
                .assertNext(stored -> assertThat(stored.version()).isEqualTo(2))
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(sessions.update(second))
                .expectError(OptimisticLockingFailureException.class)
                .verify(WAIT);

        PracticeSession stored = sessions.findById(id).block(WAIT);
        assertThat(stored.currentPhase()).isEqualTo(Phase.EXPLORING);
        assertThat(stored.phases()).hasSize(2);
        assertThat(stored.lastSequence()).isEqualTo(4);
        await().atMost(WAIT).until(() -> topic.events(id.value()).size() >= 4);
        assertThat(topic.events(id.value())).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        await().atMost(WAIT).until(() -> outboxOf(id).isEmpty());
    }

    @Test
    void acceptsChangesWhileKafkaIsDownKeepingTheirEventsInTheSessionsDocumentUntilTheRelayPublishesThem() {
        // Nothing listens on port 1; a send would wait for the broker far longer than the writes below may take.
        DefaultKafkaProducerFactory<Object, Object> deadBroker = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                60_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                EventSerializer.class));
        OutboxRelay down = new OutboxRelay(
                mongo,
                new KafkaTemplate<>(deadBroker),
                OutboxCollections.of(MongoPracticeSessions.COLLECTION),
                clock,
                new SimpleMeterRegistry(),
                new TangoOutboxProperties(Duration.ofMinutes(10), Duration.ofMinutes(10), 1));
        SessionService kafkaDown = new SessionService(
                new MongoPracticeSessions(mongo, down), clock, new SessionMetrics(new SimpleMeterRegistry()));
        try {
            SessionId id = kafkaDown
                    .schedule(command(), ADMIN)
                    .block(Duration.ofSeconds(10))
                    .id();
            StepVerifier.create(kafkaDown.start(id, ADMIN))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));
            StepVerifier.create(kafkaDown.enterPhase(id, Phase.EXPLORING, null, ADMIN))
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(10));

            List<Document> outbox = outboxOf(id);
            assertThat(outbox)
                    .extracting(entry -> entry.getString("type"))
                    .containsExactly(
                            "tango.session.scheduled.v1",
                            "tango.session.started.v1",
                            "tango.session.phase-entered.v1",
                            "tango.session.phase-entered.v1");
            assertThat(outbox).extracting(entry -> entry.get("sequence")).containsExactly(1L, 2L, 3L, 4L);
            assertThat(topic.events(id.value())).isEmpty();

            // Kafka is back: the recovery sweep of the service's own relay publishes them in order.
            StepVerifier.create(relay.sweep())
                    .assertNext(found -> assertThat(found).isPositive())
                    .expectComplete()
                    .verify(WAIT);
            await().atMost(WAIT).until(() -> topic.events(id.value()).size() >= 4);
            assertThat(topic.events(id.value()))
                    .extracting(EventEnvelope::sequence)
                    .containsExactly(1L, 2L, 3L, 4L);
            assertThat(outboxOf(id)).isEmpty();
        } finally {
            down.close();
            deadBroker.destroy();
        }
    }

    private List<Document> outboxOf(SessionId id) {
        Document document = mongo.findById(id.value(), Document.class, MongoPracticeSessions.COLLECTION)
                .block(WAIT);
        return document.getList("outbox", Document.class);
    }

    private static ScheduleSession command() {
        return new ScheduleSession(
                ProgramId.of("pcc-2026"),
                UserId.of("student-ana"),
                List.of(UserId.of("mentor-marco")),
                null,
                null,
                null,
                null);
    }
}
