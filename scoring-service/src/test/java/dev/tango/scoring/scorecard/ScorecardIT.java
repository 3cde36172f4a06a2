package dev.tango.scoring.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.Topics;
import dev.tango.events.score.ObservationRecorded;
import dev.tango.events.score.ObservationRetracted;
import dev.tango.events.score.ScorecardPublished;
import dev.tango.events.score.ScorecardRevised;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.support.idempotency.IdempotencyKey;
import dev.tango.support.idempotency.IdempotencyRecord;
import dev.tango.support.idempotency.RequestFingerprint;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TestTokens;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Scoring over a real broker and MongoDB-protocol server: session events in (published as session-service would),
 * observations and scorecards through the API, score events out on {@code tango.score-events.v1}.
 */
class ScorecardIT extends ScoringServiceIntegrationTest {

    private static TopicProbe scores;

    private final SessionStory story = SessionStory.newSession();
    private WebTestClient mentor;
    private WebTestClient student;

    @Autowired
    ReactiveMongoOperations mongo;

    @BeforeAll
    static void probe() {
        scores = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SCORE_EVENTS.name());
    }

    @AfterAll
    static void closeProbe() {
        scores.close();
    }

    @BeforeEach
    void callers() {
        mentor = as(TestTokens.get().mentor(SessionStory.DEFAULT_MENTOR.value()));
        student = as(TestTokens.get().student(story.studentId().value()));
    }

    @Test
    void scoresASessionPublishesAndRevisesAndTheStudentSeesOnlyWhatWasPublished() {
        running();
        Map<String, Object> rubric = rubric();
        String opening = firstMarker(rubric, "OPENING");
        String exploring = firstMarker(rubric, "EXPLORING");
        String antiSignal = firstAntiSignal(rubric);

        String first = observe("{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":60000,\"note\":\"Asked first\"}"
                .formatted(opening));
        observe("{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":400000}".formatted(exploring));
        String anti =
                observe("{\"kind\":\"ANTI_SIGNAL\",\"itemId\":\"%s\",\"timeCodeMs\":420000}".formatted(antiSignal));

        mentor.get()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[2].phase")
                .isEqualTo("EXPLORING")
                .jsonPath("$[0].note")
                .isEqualTo("Asked first");
        mentor.post()
                .uri("/api/scoring/sessions/{id}/observations/{o}/retract", id(), anti)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"Misheard\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.retracted")
                .isEqualTo(true);

        mentor.post()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/publish", id())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        publisher.publish(story.ended(Duration.ofMinutes(10)));
        awaitStatus("ENDED");

        mentor.get()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/preview", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.revision")
                .isEqualTo(1)
                .jsonPath("$.phases[1].antiSignals")
                .isEmpty();
        student.get()
                .uri("/api/scoring/sessions/{id}/scorecards", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$")
                .isEmpty();

        Map<String, Object> published = publish();
        assertThat(published).containsEntry("revision", 1).containsEntry("revised", false);
        mentor.post()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/publish", id())
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        observe("{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":70000}"
                .formatted(secondMarker(rubric, "OPENING")));
        mentor.get()
                .uri("/api/scoring/sessions/{id}/scorecards/mine", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.unpublishedChanges")
                .isEqualTo(true)
                .jsonPath("$.lastPublished.revision")
                .isEqualTo(1);
        student.get()
                .uri("/api/scoring/sessions/{id}/scorecards", id())
                .exchange()
                .expectBody()
                .jsonPath("$[0].revision")
                .isEqualTo(1)
                .jsonPath("$[0].overall")
                .isEqualTo(published.get("overall"));

        Map<String, Object> revised = publish();
        assertThat(revised).containsEntry("revision", 2).containsEntry("revised", true);
        assertThat((Integer) revised.get("overall")).isGreaterThan((Integer) published.get("overall"));
        student.get()
                .uri("/api/scoring/sessions/{id}/scorecards", id())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].revised")
                .isEqualTo(true)
                .jsonPath("$[0].phases[0].explanation")
                .value(text -> assertThat((String) text).contains("2 of 2 required markers observed"));

        List<EventEnvelope<?>> events = scoreEvents(7);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events)
                .<Class<?>>extracting(event -> event.data().getClass())
                .containsExactly(
                        ObservationRecorded.class,
                        ObservationRecorded.class,
                        ObservationRecorded.class,
                        ObservationRetracted.class,
                        ScorecardPublished.class,
                        ObservationRecorded.class,
                        ScorecardRevised.class);
        assertThat(((ObservationRecorded) events.get(0).data()).observationId()).isEqualTo(first);
        assertThat(((ScorecardRevised) events.get(6).data()).overallScore()).isEqualTo(revised.get("overall"));
    }

    @Test
    void aRedeliveredSessionEventDoesNotChangeTheScore() {
        running();
        String opening = firstMarker(rubric(), "OPENING");
        observe("{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":1000}".formatted(opening));
        publisher.publish(story.ended(Duration.ofMinutes(10)));
        awaitStatus("ENDED");
        Object before = myScorecard().get("draft");

        story.events().forEach(publisher::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        count("tango.events.processed", "type", "tango.session.ended.v1", "outcome", "duplicate") >= 1);

        assertThat(myScorecard().get("draft")).isEqualTo(before);
    }

    @Test
    void onlyAssignedMentorsWriteAndOthersAreToldNothing() {
        running();
        String opening = firstMarker(rubric(), "OPENING");
        String body = "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":1000}".formatted(opening);

        for (WebTestClient notAMentor : List.of(student, web)) {
            notAMentor
                    .post()
                    .uri("/api/scoring/sessions/{id}/observations", id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        WebTestClient stranger = as(TestTokens.get().mentor("mentor-somebody-else"));
        stranger.post()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isNotFound();
        stranger.get()
                .uri("/api/scoring/sessions/{id}/scorecards", id())
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.get().student("student-somebody-else"))
                .get()
                .uri("/api/scoring/sessions/{id}/scorecards", id())
                .exchange()
                .expectStatus()
                .isNotFound();
        student.get()
                .uri("/api/scoring/sessions/{id}/scorecards/mine", id())
                .exchange()
                .expectStatus()
                .isForbidden();
        mentor.get()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .exchange()
                .expectBody()
                .jsonPath("$")
                .isEmpty();
    }

    @Test
    void refusesBadObservationsWithProblemsAndRecordsNothing() {
        running();
        String opening = firstMarker(rubric(), "OPENING");

        for (String bad : List.of(
                "{\"kind\":\"MARKER\",\"itemId\":\"no.such.marker\",\"timeCodeMs\":1000}",
                "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"phase\":\"CLOSING\",\"timeCodeMs\":1000}".formatted(opening),
                "{\"kind\":\"SOMETHING\",\"itemId\":\"%s\"}".formatted(opening),
                "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":-5}".formatted(opening),
                "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"note\":\"%s\"}".formatted(opening, "n".repeat(1001)))) {
            mentor.post()
                    .uri("/api/scoring/sessions/{id}/observations", id())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(bad)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }

        mentor.get()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .exchange()
                .expectBody()
                .jsonPath("$")
                .isEmpty();
    }

    @Test
    void anObservationRunAgainAfterItsIdempotencyKeyWasTakenOverAnswersTheFirstAndRecordsNoSecond() {
        running();
        String json = "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":60000,\"note\":\"Once\"}"
                .formatted(firstMarker(rubric(), "OPENING"));
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = observe(key, json);
        // Killed after storing the observation, before completing the key: the retry takes the key over, runs again.
        stillPendingSinceLongAgo(SessionStory.DEFAULT_MENTOR.value(), key);

        Map<String, Object> second = observe(key, json);
        Map<String, Object> other = observe(UUID.randomUUID().toString(), json);

        assertThat(second).isEqualTo(first);
        assertThat(other.get("id")).isNotEqualTo(first.get("id"));
        mentor.get()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].id")
                .isEqualTo(List.of(first.get("id"), other.get("id")));
        // Events leave in order: the other observation's event comes after any second one of the first.
        assertThat(scoreEvents(2))
                .extracting(event -> (Object) ((ObservationRecorded) event.data()).observationId())
                .containsExactly(first.get("id"), other.get("id"));
    }

    @Test
    void aRetractionRunAgainAfterItsIdempotencyKeyWasTakenOverAnswersTheFirstAndCausesNoSecondEvent() {
        // Scenario 2 of RELIABILITY.md: the client gave up on a retraction that was stored; its key stayed PENDING,
        // and the retry that took it over was refused with 409 "already retracted" until the client gave up.
        running();
        String json = "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":60000}"
                .formatted(firstMarker(rubric(), "OPENING"));
        Object observationId = observe(UUID.randomUUID().toString(), json).get("id");
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = retract(key, observationId);
        stillPendingSinceLongAgo(SessionStory.DEFAULT_MENTOR.value(), key);

        Map<String, Object> second = retract(key, observationId);

        assertThat(second).isEqualTo(first);
        assertThat(first.get("retracted")).isEqualTo(true);
        mentor.post()
                .uri("/api/scoring/sessions/{id}/observations/{o}/retract", id(), observationId)
                .header(IdempotencyKey.HEADER, UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"again\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        // Events leave in order: another observation's event comes after any second retraction.
        observe(UUID.randomUUID().toString(), json);
        assertThat(scoreEvents(3))
                .extracting(event -> event.data().getClass().getSimpleName())
                .containsExactly("ObservationRecorded", "ObservationRetracted", "ObservationRecorded");
    }

    @Test
    void aPublicationRunAgainAfterItsIdempotencyKeyWasTakenOverAnswersTheFirstAndCausesNoSecondEvent() {
        // Scenario 2 of RELIABILITY.md: a publication whose service died before completing its key was refused with
        // 409 "nothing changed" when the retry took the key over and ran it again.
        running();
        String json = "{\"kind\":\"MARKER\",\"itemId\":\"%s\",\"timeCodeMs\":60000}"
                .formatted(firstMarker(rubric(), "OPENING"));
        observe(UUID.randomUUID().toString(), json);
        publisher.publish(story.ended(Duration.ofMinutes(10)));
        awaitStatus("ENDED");
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = publish(key);
        stillPendingSinceLongAgo(SessionStory.DEFAULT_MENTOR.value(), key);

        Map<String, Object> second = publish(key);

        assertThat(second).isEqualTo(first).containsEntry("revision", 1);
        mentor.post()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/publish", id())
                .header(IdempotencyKey.HEADER, UUID.randomUUID().toString())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        // Events leave in order: another observation's event comes after any second publication.
        observe(UUID.randomUUID().toString(), json.replace("60000", "65000"));
        assertThat(scoreEvents(3))
                .extracting(event -> event.data().getClass().getSimpleName())
                .containsExactly("ObservationRecorded", "ScorecardPublished", "ObservationRecorded");
    }

    private Map<String, Object> publish(String idempotencyKey) {
        return mentor.post()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/publish", id())
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> retract(String idempotencyKey, Object observationId) {
        return mentor.post()
                .uri("/api/scoring/sessions/{id}/observations/{o}/retract", id(), observationId)
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\":\"mis-click\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> observe(String idempotencyKey, String json) {
        return mentor.post()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .header(IdempotencyKey.HEADER, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .doesNotExist("Idempotent-Replayed")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
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

    private void running() {
        publisher.publish(story.scheduled());
        publisher.publish(story.started());
        publisher.publish(story.phase(Phase.OPENING, Duration.ZERO));
        publisher.publish(story.phase(Phase.EXPLORING, Duration.ofMinutes(6)));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri("/api/scoring/sessions/{id}/timeline", id())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.lastSequence")
                        .isEqualTo(4));
    }

    private void awaitStatus(String status) {
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri("/api/scoring/sessions/{id}/timeline", id())
                        .exchange()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(status));
    }

    private String id() {
        return story.sessionId().value();
    }

    private Map<String, Object> rubric() {
        return mentor.get()
                .uri("/api/scoring/sessions/{id}/rubric", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> markers(Map<String, Object> rubric, String phase) {
        List<Map<String, Object>> phases =
                (List<Map<String, Object>>) ((Map<String, Object>) rubric.get("content")).get("phases");
        return phases.stream()
                .filter(p -> phase.equals(p.get("phase")))
                .findFirst()
                .map(p -> (List<Map<String, Object>>) p.get("markers"))
                .orElseThrow();
    }

    private static String firstMarker(Map<String, Object> rubric, String phase) {
        return (String) markers(rubric, phase).get(0).get("id");
    }

    private static String secondMarker(Map<String, Object> rubric, String phase) {
        return (String) markers(rubric, phase).get(1).get("id");
    }

    @SuppressWarnings("unchecked")
    private static String firstAntiSignal(Map<String, Object> rubric) {
        List<Map<String, Object>> signals =
                (List<Map<String, Object>>) ((Map<String, Object>) rubric.get("content")).get("antiSignals");
        return (String) signals.get(0).get("id");
    }

    private String observe(String json) {
        return (String) mentor.post()
                .uri("/api/scoring/sessions/{id}/observations", id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id");
    }

    private Map<String, Object> publish() {
        return mentor.post()
                .uri("/api/scoring/sessions/{id}/scorecards/mine/publish", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private Map<String, Object> myScorecard() {
        return mentor.get()
                .uri("/api/scoring/sessions/{id}/scorecards/mine", id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private List<EventEnvelope<?>> scoreEvents(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> scores.events(id()).size() >= count);
        List<EventEnvelope<?>> events = scores.events(id());
        assertThat(events).hasSize(count);
        return events;
    }
}
