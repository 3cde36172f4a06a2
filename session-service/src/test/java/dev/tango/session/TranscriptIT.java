package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Speaker;
import dev.tango.events.Topics;
import dev.tango.events.session.TranscriptAppended;
import dev.tango.events.session.TranscriptSegment;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TestTokens;
import dev.tango.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transcripts through the API, stored in a real MongoDB-protocol server and announced on a real broker: batches of
 * segments, the ICF import with its line errors, who may do it, and that a refused request leaves nothing behind.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class TranscriptIT {

    private static final String FILE = """
            [00:00:05] Coach: How shall we do this work together today?
            [00:00:09] Client: I'd like to figure out how to say no to extra projects.
            Marco (00:00:31): What would make this conversation worth your time?
            """;

    private static TopicProbe topic;

    @Autowired
    WebTestClient web;

    private SessionsClient admin;
    private SessionsClient mentor;

    @BeforeAll
    static void probe() {
        topic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.name());
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    @BeforeEach
    void clients() {
        admin = new SessionsClient(web);
        mentor = new SessionsClient(web, TestTokens.get().mentor("mentor-marco"));
    }

    @Test
    void keepsTheGoalAndClientLabelOfASession() {
        admin.post("/api/sessions", """
                        {"programId":"pcc-2026","studentId":"%s","mentorIds":["mentor-marco"],
                         "clientLabel":" Client A ","goal":"Say no to extra projects"}""".formatted(SessionsClient.newStudent()))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.clientLabel")
                .isEqualTo("Client A")
                .jsonPath("$.goal")
                .isEqualTo("Say no to extra projects")
                .jsonPath("$.transcript.segments")
                .isEqualTo(0);

        admin.post("/api/sessions", """
                        {"programId":"pcc-2026","studentId":"%s","mentorIds":["mentor-marco"],"goal":"%s"}""".formatted(
                                SessionsClient.newStudent(), "g".repeat(PracticeSession.MAX_GOAL_LENGTH + 1)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("goal");
    }

    @Test
    void appendsBatchesOfSegmentsAndAnnouncesThem() {
        String id = admin.createStarted();

        mentor.post("/api/sessions/" + id + "/transcript/segments", """
                        {"segments":[
                          {"speaker":"COACH","text":"How shall we do this work together today?","startMs":5000,"endMs":9000},
                          {"speaker":"CLIENT","text":"I'd like to say no.","startMs":9000,"endMs":12000}]}""")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.appended")
                .isEqualTo(2)
                .jsonPath("$.segments")
                .isEqualTo(2)
                .jsonPath("$.lastEndMs")
                .isEqualTo(12000);
        mentor.post("/api/sessions/" + id + "/transcript/segments", """
                        {"segments":[{"speaker":"COACH","text":"What else?","startMs":12000,"endMs":14000}]}""")
                .expectStatus()
                .isOk();

        admin.get(id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.transcript.segments")
                .isEqualTo(3);
        mentor.web()
                .get()
                .uri("/api/sessions/{id}/transcript", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(3)
                .jsonPath("$.segments[*].index")
                .isEqualTo(List.of(0, 1, 2))
                .jsonPath("$.segments[2].text")
                .isEqualTo("What else?");
        List<TranscriptAppended> announced = transcriptEvents(id, 2);
        assertThat(announced.get(0).segments())
                .containsExactly(
                        new TranscriptSegment(
                                0, Speaker.COACH, "How shall we do this work together today?", 5000, 9000),
                        new TranscriptSegment(1, Speaker.CLIENT, "I'd like to say no.", 9000, 12000));
        assertThat(announced.get(1).firstIndex()).isEqualTo(2);
        assertThat(announced)
                .allSatisfy(event -> assertThat(event.origin()).isEqualTo(TranscriptAppended.Origin.APPENDED));
    }

    @Test
    void refusesABatchListingEveryBrokenRuleAndStoresNothing() {
        String id = admin.createStarted();
        long version = admin.version(id);

        mentor.post("/api/sessions/" + id + "/transcript/segments", """
                        {"segments":[
                          {"speaker":"COACH","text":"Fine","startMs":5000,"endMs":9000},
                          {"speaker":"CLIENT","text":"Earlier","startMs":4000,"endMs":3000}]}""")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("segments[1].startMs", "segments[1].endMs"));
        mentor.post("/api/sessions/" + id + "/transcript/segments", """
                        {"segments":[{"speaker":"NARRATOR","text":"Who?","startMs":0,"endMs":1}]}""")
                .expectStatus()
                .isBadRequest();
        String tooMany = IntStream.range(0, TranscriptLimits.SEGMENTS_PER_BATCH + 1)
                .mapToObj(i -> "{\"speaker\":\"COACH\",\"text\":\"t\",\"startMs\":%d,\"endMs\":%d}".formatted(i, i))
                .collect(Collectors.joining(",", "{\"segments\":[", "]}"));
        mentor.post("/api/sessions/" + id + "/transcript/segments", tooMany)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("segments");

        assertThat(admin.version(id)).isEqualTo(version);
        admin.get(id).expectBody().jsonPath("$.transcript.segments").isEqualTo(0);
    }

    @Test
    void refusesAFileWithUnreadableLinesListingThemAndImportsNothing() {
        String id = admin.createStarted();
        long version = admin.version(id);

        mentor.post("/api/sessions/" + id + "/transcript/import", importBody(FILE + "the end\n", null, false))
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/transcript-unreadable")
                .jsonPath("$.lineErrors[*].line")
                .isEqualTo(List.of(3, 4))
                .jsonPath("$.lineErrors[0].reason")
                .value(reason -> assertThat((String) reason).contains("unknown speaker \"Marco\""))
                .jsonPath("$.lineErrors[1].text")
                .isEqualTo("the end");

        assertThat(admin.version(id)).isEqualTo(version);
        admin.get(id).expectBody().jsonPath("$.transcript.segments").isEqualTo(0);
    }

    @Test
    void importsWithTheSpeakersNamedOrSkippingWhatCannotBeReadButOnlyOnce() {
        String named = admin.createStarted();
        mentor.post("/api/sessions/" + named + "/transcript/import", importBody(FILE, Map.of("Marco", "COACH"), false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.imported")
                .isEqualTo(3)
                .jsonPath("$.skippedLines")
                .isEmpty()
                .jsonPath("$.lastEndMs")
                .isEqualTo(31000);
        assertThat(transcriptEvents(named, 1).get(0).origin()).isEqualTo(TranscriptAppended.Origin.IMPORTED);

        String skipping = admin.createStarted();
        admin.post("/api/sessions/" + skipping + "/transcript/import", importBody(FILE, null, true))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.imported")
                .isEqualTo(2)
                .jsonPath("$.skippedLines[0].line")
                .isEqualTo(3);

        mentor.post("/api/sessions/" + skipping + "/transcript/import", importBody(FILE, null, true))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.transcriptSegments")
                .isEqualTo(2);
    }

    @Test
    void announcesALongImportInEventsOfBoundedSize() {
        String id = admin.createStarted();
        String file = IntStream.range(0, 450)
                .mapToObj(i -> "[%02d:%02d:%02d] %s: Turn %d"
                        .formatted(i / 3600, i / 60 % 60, i % 60, i % 2 == 0 ? "Coach" : "Client", i))
                .collect(Collectors.joining("\n"));

        mentor.post("/api/sessions/" + id + "/transcript/import", importBody(file, null, false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.imported")
                .isEqualTo(450);

        List<TranscriptAppended> announced = transcriptEvents(id, 3);
        assertThat(announced).extracting(TranscriptAppended::firstIndex).containsExactly(0, 200, 400);
        assertThat(announced).extracting(event -> event.segments().size()).containsExactly(200, 200, 50);
    }

    @Test
    void letsOnlyMentorsAndAdminsWriteTranscriptsAndOnlyWhileTheSessionRunsOrEnded() {
        String id = admin.create();
        String student = (String) admin.get(id)
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("studentId");
        String batch = """
                {"segments":[{"speaker":"COACH","text":"Hi","startMs":0,"endMs":1}]}""";

        mentor.post("/api/sessions/" + id + "/transcript/segments", batch)
                .expectStatus()
                .isEqualTo(409);
        admin.start(id).expectStatus().isOk();

        SessionsClient theStudent = new SessionsClient(web, TestTokens.get().student(student));
        theStudent
                .post("/api/sessions/" + id + "/transcript/segments", batch)
                .expectStatus()
                .isForbidden();
        theStudent
                .post("/api/sessions/" + id + "/transcript/import", importBody(FILE, null, true))
                .expectStatus()
                .isForbidden();
        theStudent
                .web()
                .get()
                .uri("/api/sessions/{id}/transcript", id)
                .exchange()
                .expectStatus()
                .isOk();

        SessionsClient stranger = new SessionsClient(web, TestTokens.get().mentor("mentor-somebody-else"));
        stranger.post("/api/sessions/" + id + "/transcript/segments", batch)
                .expectStatus()
                .isNotFound();
        stranger.web()
                .get()
                .uri("/api/sessions/{id}/transcript", id)
                .exchange()
                .expectStatus()
                .isNotFound();

        admin.get(id).expectBody().jsonPath("$.transcript.segments").isEqualTo(0);
    }

    private static String importBody(String text, Map<String, String> speakers, boolean skip) {
        java.util.LinkedHashMap<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("text", text);
        if (speakers != null) {
            body.put("speakers", speakers);
        }
        body.put("skipInvalidLines", skip);
        return JsonMapper.builder().build().writeValueAsString(body);
    }

    private List<TranscriptAppended> transcriptEvents(String id, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> transcriptOnly(topic.events(id)).size() >= count);
        List<TranscriptAppended> events = transcriptOnly(topic.events(id));
        assertThat(events).hasSize(count);
        return events;
    }

    private static List<TranscriptAppended> transcriptOnly(List<EventEnvelope<?>> events) {
        return events.stream()
                .map(EventEnvelope::data)
                .filter(TranscriptAppended.class::isInstance)
                .map(TranscriptAppended.class::cast)
                .toList();
    }
}
