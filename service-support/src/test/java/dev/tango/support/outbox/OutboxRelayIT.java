package dev.tango.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import dev.tango.events.EventEnvelope;
import dev.tango.events.EventSerializer;
import dev.tango.events.SessionId;
import dev.tango.events.Topics;
import dev.tango.events.session.SessionCancelled;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TestInfrastructureCondition;
import dev.tango.testsupport.TopicProbe;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The relay against a real broker and a real MongoDB server (the embedded ones, or real containers under
 * {@code -Dtango.test.infra=containers}), with no Spring context.
 */
@ExtendWith(TestInfrastructureCondition.class)
class OutboxRelayIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private static DefaultKafkaProducerFactory<Object, Object> producers;
    private static DefaultKafkaProducerFactory<Object, Object> deadProducers;
    private static TopicProbe probe;

    private final String collection =
            "aggregates_" + UUID.randomUUID().toString().replace("-", "");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void infrastructure() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        infrastructure.createTopics(Topics.SESSION_EVENTS);
        client = MongoClients.create(infrastructure.mongoUri());
        mongo = new ReactiveMongoTemplate(client, "outbox_it");
        producers = producerFactory(infrastructure.kafkaBootstrapServers(), Map.of());
        // Nothing listens on port 1: every send fails once max.block.ms is over.
        deadProducers = producerFactory("127.0.0.1:1", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300));
        probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), Topics.SESSION_EVENTS.name());
    }

    @AfterAll
    static void closeClients() {
        probe.close();
        producers.destroy();
        deadProducers.destroy();
        client.close();
    }

    @AfterEach
    void closeRelays() {
        relays.forEach(OutboxRelay::close);
    }

    @Test
    void publishesADocumentsEntriesInSequenceOrderKeyedBySessionThenRemovesThem() {
        String id = newId();
        insert(id, entry(id, 2), entry(id, 1), entry(id, 3));
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));

        StepVerifier.create(relay.relay(collection, id)).expectComplete().verify(WAIT);

        await().atMost(WAIT).until(() -> probe.events(id).size() == 3);
        assertThat(probe.events(id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(recordsOf(id)).extracting(ConsumerRecord::key).containsOnly(id);
        assertThat(outboxOf(id)).isEmpty();
        assertThat(nameOf(id)).isEqualTo("kept");
        assertThat(meters.get("tango.outbox.relay.lag")
                        .tag("type", "tango.session.cancelled.v1")
                        .timer()
                        .count())
                .isEqualTo(3);
        assertThat(backlog()).isZero();
    }

    @Test
    void keepsAndThenPublishesWhatAWriteAppendsWhileItIsPublishing() {
        String id = newId();
        insert(id, entry(id, 1));
        AtomicBoolean appended = new AtomicBoolean();
        KafkaTemplate<Object, Object> appendingOnFirstSend = new KafkaTemplate<>(producers) {
            @Override
            public CompletableFuture<SendResult<Object, Object>> send(String topic, Object key, Object data) {
                if (appended.compareAndSet(false, true)) {
                    // A concurrent write lands between reading the outbox and removing what was sent.
                    mongo.updateFirst(
                                    Query.query(Criteria.where("_id").is(id)),
                                    Outbox.append(new Update(), List.of(entry(id, 2))),
                                    Aggregate.class,
                                    collection)
                            .block();
                }
                return super.send(topic, key, data);
            }
        };
        OutboxRelay relay = relay(appendingOnFirstSend);

        StepVerifier.create(relay.relay(collection, id)).expectComplete().verify(WAIT);

        await().atMost(WAIT).until(() -> probe.events(id).size() == 2);
        assertThat(probe.events(id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(outboxOf(id)).isEmpty();
    }

    @Test
    void relaysADocumentWhoseWriteWasCancelledAfterItWasStoredOrFailed() {
        // Scenario 2 of RELIABILITY.md: a client gave up on a write to a freshly restarted service; the write was
        // stored, its Mono cancelled, and the entry waited in the outbox for the next start of the service.
        String cancelled = newId();
        String failed = newId();
        insert(cancelled, entry(cancelled, 1));
        insert(failed, entry(failed, 1));
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));

        relay.afterWriteOf(collection, cancelled, Mono.never()).subscribe().dispose();
        StepVerifier.create(relay.afterWriteOf(
                        collection, failed, Mono.error(new IllegalStateException("the answer was lost"))))
                .expectError(IllegalStateException.class)
                .verify(WAIT);

        await().atMost(WAIT)
                .until(() -> probe.events(cancelled).size() == 1
                        && probe.events(failed).size() == 1);
        assertThat(outboxOf(cancelled)).isEmpty();
        assertThat(outboxOf(failed)).isEmpty();
    }

    @Test
    void leavesTheEntriesInTheOutboxWhileKafkaIsDownRetriesWithBackoffAndASweepPublishesThemLater() {
        String id = newId();
        insert(id, entry(id, 1), entry(id, 2));
        OutboxRelay down = relay(new KafkaTemplate<>(deadProducers));

        down.afterWrite(collection, id);

        // The first relay and at least one recovery sweep after it have failed.
        await().atMost(WAIT).until(() -> failures("unavailable") >= 2);
        assertThat(outboxOf(id)).hasSize(2);
        assertThat(backlog()).isEqualTo(2);
        assertThat(probe.events(id)).isEmpty();
        down.close();

        OutboxRelay up = relay(new KafkaTemplate<>(producers));
        StepVerifier.create(up.sweep()).expectNext(1L).expectComplete().verify(WAIT);

        await().atMost(WAIT).until(() -> probe.events(id).size() == 2);
        assertThat(probe.events(id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
        assertThat(outboxOf(id)).isEmpty();
    }

    @Test
    void sweepsOnlyDocumentsWithPendingEntriesAndRefreshesTheBacklog() {
        String pendingTwo = newId();
        String empty = newId();
        String pendingOne = newId();
        insert(pendingTwo, entry(pendingTwo, 1), entry(pendingTwo, 2));
        insert(empty);
        mongo.insert(new org.bson.Document("_id", newId()).append("name", "no outbox field"), collection)
                .block();
        insert(pendingOne, entry(pendingOne, 1));
        OutboxRelay down = relay(new KafkaTemplate<>(deadProducers));

        StepVerifier.create(down.sweep()).expectError().verify(WAIT);
        assertThat(backlog(down)).isEqualTo(3);
        down.close();

        OutboxRelay up = relay(new KafkaTemplate<>(producers));
        StepVerifier.create(up.sweep()).expectNext(2L).expectComplete().verify(WAIT);

        await().atMost(WAIT)
                .until(() -> probe.events(pendingTwo).size() == 2
                        && probe.events(pendingOne).size() == 1);
        assertThat(probe.events(empty)).isEmpty();
        assertThat(backlog(up)).isZero();
    }

    @Test
    void skipsADocumentWhoseEntryThisBuildCannotPublishAndRelaysTheOthers() {
        String poisoned = newId();
        String healthy = newId();
        insert(
                poisoned,
                new OutboxEntry(UUID.randomUUID().toString(), "tango.unknown.v9", 1, Instant.now(), "/t", "{}"));
        insert(healthy, entry(healthy, 1));
        OutboxRelay relay = relay(new KafkaTemplate<>(producers));

        StepVerifier.create(relay.sweep()).expectNext(2L).expectComplete().verify(WAIT);

        await().atMost(WAIT).until(() -> probe.events(healthy).size() == 1);
        assertThat(outboxOf(poisoned)).hasSize(1);
        assertThat(failures("poison")).isEqualTo(1);
        assertThat(failures("unavailable")).isZero();
    }

    private OutboxRelay relay(KafkaTemplate<Object, Object> kafka) {
        OutboxRelay relay = new OutboxRelay(
                mongo,
                kafka,
                OutboxCollections.of(collection),
                Clock.systemUTC(),
                meters,
                new TangoOutboxProperties(Duration.ofMillis(100), Duration.ofMillis(400), 4));
        relays.add(relay);
        return relay;
    }

    private void insert(String id, OutboxEntry... entries) {
        mongo.insert(new Aggregate(id, "kept", List.of(entries)), collection).block();
    }

    private List<?> outboxOf(String id) {
        return document(id).getList(Outbox.FIELD, Object.class);
    }

    private String nameOf(String id) {
        return document(id).getString("name");
    }

    private org.bson.Document document(String id) {
        return mongo.findById(id, org.bson.Document.class, collection).block();
    }

    private List<ConsumerRecord<String, byte[]>> recordsOf(String id) {
        return probe.records().stream().filter(r -> id.equals(r.key())).toList();
    }

    private double failures(String reason) {
        var counter =
                meters.find("tango.outbox.relay.failures").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double backlog() {
        return meters.get("tango.outbox.backlog")
                .tag("collection", collection)
                .gauge()
                .value();
    }

    private long backlog(OutboxRelay relay) {
        return relay.backlog(collection);
    }

    private static OutboxEntry entry(String sessionId, long sequence) {
        Instant now = Instant.now();
        return OutboxEntry.of(EventEnvelope.of(
                "/tango/test", now, sequence, new SessionCancelled(SessionId.of(sessionId), now, "n" + sequence)));
    }

    private static String newId() {
        return "s-" + UUID.randomUUID();
    }

    private static DefaultKafkaProducerFactory<Object, Object> producerFactory(
            String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                EventSerializer.class,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all"));
        config.putAll(extra);
        return new DefaultKafkaProducerFactory<>(config);
    }

    /** An aggregate document as a service stores it: its own fields and the outbox list. */
    record Aggregate(@Id String id, String name, List<OutboxEntry> outbox) {}
}
