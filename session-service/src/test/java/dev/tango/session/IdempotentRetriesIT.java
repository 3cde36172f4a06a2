package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Topics;
import dev.tango.events.session.SessionScheduled;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.support.idempotency.IdempotencyKey;
import dev.tango.support.idempotency.IdempotencyRecord;
import dev.tango.support.idempotency.RequestFingerprint;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Writes of the session API retried with the same {@code Idempotency-Key}: the retry answers the first result and
 * changes nothing, not even when the session moved on in between; a refused request leaves the key free.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class IdempotentRetriesIT {

    private static TopicProbe topic;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoOperations mongo;

    private SessionsClient sessions;

    @BeforeAll
    static void probe() {
        topic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.name());
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    @BeforeEach
    void client() {
        sessions = new SessionsClient(web);
    }

    @Test
    void aRetriedCreateAnswersTheSameSessionAndSchedulesOnlyOne() {
        String key = UUID.randomUUID().toString();
        String student = SessionsClient.newStudent();

        Map<String, Object> first = create(key, student)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        WebTestClient.ResponseSpec retry = create(key, student);

        Map<String, Object> second = retry.expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectHeader()
                .valueEquals("Location", "/api/sessions/" + first.get("id"))
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(second).isEqualTo(first);
        sessions.list("?studentId=" + student)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1);
    }

    @Test
    void aRetriedMoveAnswersItsFirstResultEvenAfterTheSessionMovedOn() {
        String id = sessions.createStarted();
        String key = UUID.randomUUID().toString();

        Map<String, Object> moved = move(id, "EXPLORING", key)
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        sessions.phase(id, "ACTION_PLANNING").expectStatus().isOk();
        long version = sessions.version(id);

        Map<String, Object> replayed = move(id, "EXPLORING", key)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(replayed).isEqualTo(moved).containsEntry("currentPhase", "EXPLORING");
        assertThat(sessions.version(id)).isEqualTo(version);
        List<EventEnvelope<?>> events = eventsOf(id, 5);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndChangesNothing() {
        String id = sessions.createStarted();
        String key = UUID.randomUUID().toString();
        move(id, "EXPLORING", key).expectStatus().isOk();
        long version = sessions.version(id);

        move(id, "MEANING_MAKING", key)
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/idempotency-key-reused");

        assertThat(sessions.version(id)).isEqualTo(version);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFreeForTheCorrectedRetry() {
        String id = sessions.createStarted();
        String key = UUID.randomUUID().toString();

        move(id, "CLOSING", key).expectStatus().isEqualTo(409);
        sessions.phase(id, "EXPLORING").expectStatus().isOk();
        sessions.phase(id, "ACTION_PLANNING").expectStatus().isOk();

        move(id, "CLOSING", key)
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody()
                .jsonPath("$.currentPhase")
                .isEqualTo("CLOSING");
    }

    @Test
    void aCreateRunAgainAfterItsKeyWasTakenOverAnswersTheFirstSessionAndSchedulesNoSecond() {
        String key = UUID.randomUUID().toString();
        String student = SessionsClient.newStudent();
        Map<String, Object> first = create(key, student)
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        // Killed after storing the session, before completing the key: the retry takes the key over and runs again.
        stillPendingSinceLongAgo(SessionsClient.ADMIN, key);

        Map<String, Object> second = create(key, student)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectHeader()
                .valueEquals("Location", "/api/sessions/" + first.get("id"))
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(second).isEqualTo(first);
        assertThat(first.get("id").toString()).matches("[0-9a-f-]{36}");
        sessions.list("?studentId=" + student)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1);
        String id = first.get("id").toString();
        sessions.start(id).expectStatus().isOk();
        // Events leave in order: the start (started, opening entered) comes after any second scheduling.
        List<EventEnvelope<?>> events = eventsOf(id, 3);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).data()).isInstanceOf(SessionScheduled.class);
    }

    @Test
    void aMoveAndATranscriptBatchRunAgainAfterTheirKeysWereTakenOverAreAppliedOnce() {
        String id = sessions.createStarted();
        String moveKey = UUID.randomUUID().toString();
        move(id, "EXPLORING", moveKey).expectStatus().isOk();
        long moved = sessions.version(id);
        // Killed after storing the move, before completing the key: the retry takes the key over and runs again.
        stillPendingSinceLongAgo(SessionsClient.ADMIN, moveKey);

        move(id, "EXPLORING", moveKey)
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody()
                .jsonPath("$.currentPhase")
                .isEqualTo("EXPLORING");
        assertThat(sessions.version(id)).as("nothing stored again").isEqualTo(moved);

        String batchKey = UUID.randomUUID().toString();
        String batch = "{\"segments\":[{\"speaker\":\"COACH\",\"text\":\"What would you like to explore?\","
                + "\"startMs\":1000,\"endMs\":3000},{\"speaker\":\"CLIENT\",\"text\":\"My next step.\","
                + "\"startMs\":3500,\"endMs\":5000}]}";
        append(id, batch, batchKey).expectStatus().isOk();
        stillPendingSinceLongAgo(SessionsClient.ADMIN, batchKey);
        append(id, batch, batchKey).expectStatus().isOk().expectHeader().doesNotExist("Idempotent-Replayed");

        SessionsClient.asAdmin(web)
                .get()
                .uri("/api/sessions/{id}/transcript", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(2);
        // One more move, unkeyed: it is event 6 only if neither retry published a second event before it.
        sessions.phase(id, "MEANING_MAKING").expectStatus().isOk();
        List<EventEnvelope<?>> events = eventsOf(id, 6);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(events.get(4).data()).isInstanceOf(TranscriptAppended.class);
    }

    private WebTestClient.ResponseSpec append(String id, String json, String key) {
        return SessionsClient.asAdmin(web)
                .post()
                .uri("/api/sessions/{id}/transcript/segments", id)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private void stillPendingSinceLongAgo(String subject, String idempotencyKey) {
        long changed = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(RequestFingerprint.recordId(subject, new IdempotencyKey(idempotencyKey)))),
                        new Update()
                                .set("state", IdempotencyRecord.State.PENDING.name())
                                .set("createdAt", Instant.now().minus(Duration.ofHours(1))),
                        IdempotencyRecord.COLLECTION)
                .block()
                .getModifiedCount();
        assertThat(changed).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec create(String key, String student) {
        return SessionsClient.asAdmin(web)
                .post()
                .uri("/api/sessions")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SessionsClient.createBody(student))
                .exchange();
    }

    private WebTestClient.ResponseSpec move(String id, String phase, String key) {
        return SessionsClient.asAdmin(web)
                .post()
                .uri("/api/sessions/{id}/phase", id)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phase\":\"" + phase + "\"}")
                .exchange();
    }

    private List<EventEnvelope<?>> eventsOf(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(id).size() >= count);
        List<EventEnvelope<?>> events = topic.events(id);
        assertThat(events).hasSize(count);
        return events;
    }
}
