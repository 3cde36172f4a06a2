package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Topics;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every rejected request answers a 4xx {@code application/problem+json} and leaves no trace: no document written or
 * changed, no event published.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class RejectedRequestsIT {

    private static final String MARKER = "student-rejected";

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
        web = SessionsClient.asAdmin(web);
        sessions = new SessionsClient(web);
    }

    static Stream<Arguments> rejectedCreations() {
        String valid = "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "\",\"mentorIds\":[\"mentor-marco\"]";
        String elevenMentors = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> "\"m-" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("malformed JSON", "{\"programId\":", 400, null),
                Arguments.of("not an object", "[1,2]", 400, null),
                Arguments.of("empty object", "{}", 400, List.of("mentorIds", "programId", "studentId")),
                Arguments.of(
                        "no mentors",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "\"}",
                        400,
                        List.of("mentorIds")),
                Arguments.of(
                        "empty mentor list",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "\",\"mentorIds\":[]}",
                        400,
                        List.of("mentorIds")),
                Arguments.of(
                        "eleven mentors",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "\",\"mentorIds\":" + elevenMentors
                                + "}",
                        400,
                        List.of("mentorIds")),
                Arguments.of(
                        "the same mentor twice",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER
                                + "\",\"mentorIds\":[\"mentor-marco\",\"mentor-marco\"]}",
                        400,
                        List.of("mentorIds")),
                Arguments.of(
                        "a null mentor",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "\",\"mentorIds\":[null]}",
                        400,
                        List.of("mentorIds[0]")),
                Arguments.of(
                        "a program id with a blank",
                        "{\"programId\":\"pcc 2026\",\"studentId\":\"" + MARKER + "\",\"mentorIds\":[\"m\"]}",
                        400,
                        List.of("programId")),
                Arguments.of(
                        "an empty student id",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"\",\"mentorIds\":[\"mentor-" + MARKER + "\"]}",
                        400,
                        List.of("studentId")),
                Arguments.of(
                        "a student id of 65 characters",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER + "x".repeat(65 - MARKER.length())
                                + "\",\"mentorIds\":[\"m\"]}",
                        400,
                        List.of("studentId")),
                Arguments.of(
                        "a bad second mentor id",
                        "{\"programId\":\"pcc-2026\",\"studentId\":\"" + MARKER
                                + "\",\"mentorIds\":[\"mentor-marco\",\"-mentor\"]}",
                        400,
                        List.of("mentorIds[1]")),
                Arguments.of("an unknown field", valid + ",\"role\":\"ADMIN\"}", 400, List.of("role")),
                // Found by the hostile input suite: coerced or stored as given before.
                Arguments.of("a number as the goal", valid + ",\"goal\":12}", 400, List.of("goal")),
                Arguments.of(
                        "a boolean as the client label", valid + ",\"clientLabel\":true}", 400, List.of("clientLabel")),
                Arguments.of(
                        "half a surrogate pair in the goal",
                        valid + ",\"goal\":\"say no\\ud800\"}",
                        400,
                        List.of("goal")),
                Arguments.of("an unknown mode", valid + ",\"mode\":\"RECORDED\"}", 400, List.of("mode")),
                Arguments.of(
                        "a date that is no instant",
                        valid + ",\"scheduledFor\":\"tomorrow\"}",
                        400,
                        List.of("scheduledFor")),
                Arguments.of(
                        "a date two years away",
                        valid + ",\"scheduledFor\":\"2099-01-01T00:00:00Z\"}",
                        400,
                        List.of("scheduledFor")),
                Arguments.of("a body over 2 MB", valid + ",\"x\":\"" + "x".repeat(2_200_000) + "\"}", 413, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedCreations")
    void rejectsACreationAndStoresNothing(String why, String body, int status, List<String> fields) {
        long before = sessionCount();

        Map<String, Object> problem = problem(sessions.post("/api/sessions", body), status);

        if (fields != null) {
            assertThat(problem).containsEntry("title", "Invalid request");
            assertThat(fieldsOf(problem)).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertThat(sessionCount()).isEqualTo(before);
        assertNothingPublishedFor(MARKER);
    }

    @Test
    void explainsABadIdInTheBodyWithoutLeakingJavaNames() {
        Map<String, Object> problem = problem(sessions.post("/api/sessions", """
                        {"programId":"pcc 2026","studentId":"s","mentorIds":["m"]}"""), 400);

        assertThat((String) problem.get("detail"))
                .startsWith("programId: ")
                .contains("1-64 characters")
                .doesNotContain("dev.tango", "Exception", "jackson");
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        long before = sessionCount();

        web.post()
                .uri("/api/sessions")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("programId=pcc-2026")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(sessionCount()).isEqualTo(before);
    }

    @Test
    void answersNotFoundForEveryOperationOnAnUnknownSession() {
        String unknown = "no-such-session";
        long before = sessionCount();

        problem(sessions.get(unknown), 404);
        problem(sessions.start(unknown), 404);
        problem(sessions.phase(unknown, "EXPLORING"), 404);
        problem(sessions.end(unknown), 404);
        Map<String, Object> problem = problem(sessions.cancel(unknown, "gone"), 404);

        assertThat(problem).containsEntry("detail", "Session no-such-session was not found");
        assertThat(sessionCount()).isEqualTo(before);
        assertThat(topic.events(unknown)).isEmpty();
    }

    @Test
    void rejectsAMalformedIdInThePath() {
        problem(sessions.get("bad!id"), 400);
        problem(sessions.start("x".repeat(65)), 400);
    }

    @Test
    void rejectsAMoveThePartnershipModelDoesNotAllowAndListsTheAllowedMoves() {
        String id = sessions.createStarted();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(sessions.phase(id, "CLOSING"), 409);

        assertThat(problem)
                .containsEntry("title", "Phase move not allowed")
                .containsEntry("currentPhase", "OPENING")
                .containsEntry("requestedPhase", "CLOSING")
                .containsEntry("allowedMoves", List.of("EXPLORING", "MEANING_MAKING"));
        assertUnchangedThenOnly(
                id, version, 3, s -> s.phase(id, "EXPLORING").expectStatus().isOk());
    }

    @Test
    void rejectsStartingTwice() {
        String id = sessions.createStarted();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(sessions.start(id), 409);

        assertThat(problem).containsEntry("sessionStatus", "IN_PROGRESS");
        assertThat((String) problem.get("detail")).contains("Only a SCHEDULED session can be started");
        assertUnchangedThenOnly(
                id, version, 3, s -> s.phase(id, "EXPLORING").expectStatus().isOk());
    }

    @Test
    void rejectsAMoveBeforeTheStart() {
        String id = sessions.create();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(sessions.phase(id, "EXPLORING"), 409);

        assertThat(problem).containsEntry("sessionStatus", "SCHEDULED");
        assertUnchangedThenOnly(id, version, 1, s -> s.start(id).expectStatus().isOk(), 2);
    }

    @Test
    void rejectsEndingASessionThatHasNotStarted() {
        String id = sessions.create();
        long version = sessions.version(id);

        problem(sessions.end(id), 409);

        assertUnchangedThenOnly(id, version, 1, s -> s.start(id).expectStatus().isOk(), 2);
    }

    @Test
    void rejectsCancellingAnEndedSession() {
        String id = sessions.createStarted();
        sessions.end(id).expectStatus().isOk();
        long version = sessions.version(id);

        problem(sessions.cancel(id, "too late"), 409);

        assertUnchangedThenOnly(id, version, 4, null);
    }

    @Test
    void rejectsAnOffsetForALiveSession() {
        String id = sessions.createStarted();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(
                sessions.post("/api/sessions/" + id + "/phase", "{\"phase\":\"EXPLORING\",\"offsetMs\":1}"), 400);

        assertThat(fieldsOf(problem)).containsExactly("offsetMs");
        assertUnchangedThenOnly(
                id, version, 3, s -> s.phase(id, "EXPLORING").expectStatus().isOk());
    }

    @Test
    void rejectsAnOffsetBeforeThePreviousOneForAReviewSession() {
        String id = sessions.createReview();
        sessions.start(id).expectStatus().isOk();
        sessions.post("/api/sessions/" + id + "/phase", "{\"phase\":\"EXPLORING\",\"offsetMs\":5000}")
                .expectStatus()
                .isOk();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(
                sessions.post("/api/sessions/" + id + "/phase", "{\"phase\":\"MEANING_MAKING\",\"offsetMs\":4999}"),
                400);

        assertThat(fieldsOf(problem)).containsExactly("offsetMs");
        assertUnchangedThenOnly(
                id,
                version,
                4,
                s -> s.post("/api/sessions/" + id + "/phase", "{\"phase\":\"MEANING_MAKING\",\"offsetMs\":5000}")
                        .expectStatus()
                        .isOk());
    }

    static Stream<Arguments> rejectedMoves() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"phase\":", null),
                Arguments.of("no phase", "{}", List.of("phase")),
                Arguments.of("an unknown phase", "{\"phase\":\"TANGO\"}", List.of("phase")),
                Arguments.of("a negative offset", "{\"phase\":\"EXPLORING\",\"offsetMs\":-1}", List.of("offsetMs")),
                Arguments.of(
                        "an offset over a day", "{\"phase\":\"EXPLORING\",\"offsetMs\":86400001}", List.of("offsetMs")),
                Arguments.of("an unknown field", "{\"phase\":\"EXPLORING\",\"at\":\"now\"}", List.of("at")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedMoves")
    void rejectsAnInvalidMoveRequestAndChangesNothing(String why, String body, List<String> fields) {
        String id = sessions.createStarted();
        long version = sessions.version(id);

        Map<String, Object> problem = problem(sessions.post("/api/sessions/" + id + "/phase", body), 400);

        if (fields != null) {
            assertThat(fieldsOf(problem)).containsExactlyInAnyOrderElementsOf(fields);
        }
        assertUnchangedThenOnly(
                id, version, 3, s -> s.phase(id, "EXPLORING").expectStatus().isOk());
    }

    @Test
    void rejectsACancellationWithoutAReasonOrWithOneOver500Characters() {
        String id = sessions.create();
        long version = sessions.version(id);

        assertThat(fieldsOf(problem(sessions.post("/api/sessions/" + id + "/cancel", "{}"), 400)))
                .containsExactly("reason");
        assertThat(fieldsOf(problem(sessions.cancel(id, "   "), 400))).containsExactly("reason");
        assertThat(fieldsOf(problem(sessions.cancel(id, "x".repeat(501)), 400))).containsExactly("reason");

        assertUnchangedThenOnly(
                id,
                version,
                1,
                s -> s.cancel(id, "x".repeat(500)).expectStatus().isOk());
    }

    /**
     * The session is as it was, and its events on the topic are exactly the {@code count} it had; then a valid change
     * (the fence, if any) comes out as the very next sequence, so the rejected request did not emit anything.
     */
    private void assertUnchangedThenOnly(String id, long version, int count, Consumer<SessionsClient> fence) {
        assertUnchangedThenOnly(id, version, count, fence, 1);
    }

    private void assertUnchangedThenOnly(
            String id, long version, int count, Consumer<SessionsClient> fence, int fenceEvents) {
        assertThat(sessions.version(id)).isEqualTo(version);
        assertThat(sequencesOf(id, count)).containsExactlyElementsOf(upTo(count));
        if (fence != null) {
            fence.accept(sessions);
            int after = count + fenceEvents;
            assertThat(sequencesOf(id, after)).containsExactlyElementsOf(upTo(after));
        }
    }

    private List<Long> sequencesOf(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(id).size() >= count);
        return topic.events(id).stream().map(EventEnvelope::sequence).toList();
    }

    private static List<Long> upTo(int count) {
        return LongStream.rangeClosed(1, count).boxed().toList();
    }

    private void assertNothingPublishedFor(String marker) {
        // A session created afterwards reaches the topic, so anything published before it would have had time too.
        String fence = sessions.create();
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic.events(fence).isEmpty());
        assertThat(topic.records())
                .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
    }

    private long sessionCount() {
        return mongo.count(new Query(), "sessions").block();
    }

    private static Map<String, Object> problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(problem).containsEntry("status", status).containsKeys("type", "title", "detail");
        return problem;
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldsOf(Map<String, Object> problem) {
        assertThat(problem).containsKey("errors");
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(error -> (String) error.get("field")).toList();
    }
}
