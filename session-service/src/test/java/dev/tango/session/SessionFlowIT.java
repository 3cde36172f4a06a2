package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Phase;
import dev.tango.events.Topics;
import dev.tango.events.session.PhaseEntered;
import dev.tango.events.session.SessionCancelled;
import dev.tango.events.session.SessionEnded;
import dev.tango.events.session.SessionScheduled;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
@AutoConfigureWebTestClient
class SessionFlowIT {

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
        // The first requests of a fresh context (api-docs, prometheus) can be slow on a busy two-core machine.
        web = SessionsClient.asAdmin(
                web.mutate().responseTimeout(Duration.ofSeconds(30)).build());
        sessions = new SessionsClient(web);
    }

    @Test
    void runsTheReadmeFlowAndPublishesItsEventsInOrderKeyedBySession() {
        String student = SessionsClient.newStudent();
        Map<String, Object> created = sessions.post("/api/sessions", SessionsClient.createBody(student))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/sessions/[0-9a-f-]{36}")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String id = (String) created.get("id");
        assertThat(created)
                .containsEntry("programId", "pcc-2026")
                .containsEntry("studentId", student)
                .containsEntry("mentorIds", List.of("mentor-marco"))
                .containsEntry("mode", "LIVE")
                .containsEntry("status", "SCHEDULED")
                .containsEntry("allowedMoves", List.of())
                .containsEntry("phases", List.of())
                .containsEntry("version", 0);
        assertThat(created.get("scheduledFor")).isNotNull();
        assertThat(created.get("currentPhase")).isNull();

        sessions.start(id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("IN_PROGRESS")
                .jsonPath("$.currentPhase")
                .isEqualTo("OPENING")
                .jsonPath("$.allowedMoves")
                .isEqualTo(List.of("EXPLORING", "MEANING_MAKING"))
                .jsonPath("$.phases[0].phase")
                .isEqualTo("OPENING")
                .jsonPath("$.version")
                .isEqualTo(1);
        sessions.phase(id, "EXPLORING")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentPhase")
                .isEqualTo("EXPLORING")
                .jsonPath("$.allowedMoves")
                .isEqualTo(List.of("MEANING_MAKING", "ACTION_PLANNING"));
        sessions.end(id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ENDED")
                .jsonPath("$.endedAt")
                .isNotEmpty()
                .jsonPath("$.allowedMoves")
                .isEmpty();
        sessions.get(id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.phases.length()")
                .isEqualTo(2)
                .jsonPath("$.version")
                .isEqualTo(3);

        List<EventEnvelope<?>> events = eventsOf(id, 5);
        assertThat(events)
                .extracting(EventEnvelope::type)
                .containsExactly(
                        "tango.session.scheduled.v1",
                        "tango.session.started.v1",
                        "tango.session.phase-entered.v1",
                        "tango.session.phase-entered.v1",
                        "tango.session.ended.v1");
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(topic.records().stream().filter(r -> id.equals(r.key()))).hasSize(5);
        assertThat(((SessionScheduled) events.get(0).data()).studentId().value())
                .isEqualTo(student);
        assertThat(((PhaseEntered) events.get(2).data()).phase()).isEqualTo(Phase.OPENING);
        assertThat(((PhaseEntered) events.get(2).data()).previousPhase()).isNull();
        assertThat(((PhaseEntered) events.get(3).data()).previousPhase()).isEqualTo(Phase.OPENING);
        SessionEnded ended = (SessionEnded) events.get(4).data();
        assertThat(ended.finalPhase()).isEqualTo(Phase.EXPLORING);
        assertThat(ended.timeInPhaseMs()).containsOnlyKeys(Phase.OPENING, Phase.EXPLORING);
        assertThat(ended.skippedPhases()).containsExactly(Phase.MEANING_MAKING, Phase.ACTION_PLANNING, Phase.CLOSING);
        assertThat(ended.timeInPhaseMs().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(ended.durationMs());
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxOf(id).isEmpty());
    }

    @Test
    void walksEveryPhaseAndBackThenEndsWithSequencesWithoutGaps() {
        String id = sessions.createStarted();
        for (String phase :
                List.of("MEANING_MAKING", "EXPLORING", "ACTION_PLANNING", "CLOSING", "ACTION_PLANNING", "CLOSING")) {
            sessions.phase(id, phase).expectStatus().isOk();
        }
        sessions.end(id).expectStatus().isOk();

        List<EventEnvelope<?>> events = eventsOf(id, 10);
        assertThat(events)
                .extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        SessionEnded ended = (SessionEnded) events.get(9).data();
        assertThat(ended.skippedPhases()).isEmpty();
        assertThat(ended.finalPhase()).isEqualTo(Phase.CLOSING);
    }

    @Test
    void cancelsARunningSessionWithItsReason() {
        String id = sessions.createStarted();

        sessions.cancel(id, "Client was unwell")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.cancelReason")
                .isEqualTo("Client was unwell")
                .jsonPath("$.allowedMoves")
                .isEmpty();

        List<EventEnvelope<?>> events = eventsOf(id, 4);
        assertThat(events.get(3).data()).isInstanceOf(SessionCancelled.class);
        assertThat(((SessionCancelled) events.get(3).data()).reason()).isEqualTo("Client was unwell");
    }

    @Test
    void recordsRecordingOffsetsForAReviewSession() {
        String id = sessions.createReview();
        sessions.start(id).expectStatus().isOk();

        sessions.post("/api/sessions/" + id + "/phase", "{\"phase\":\"EXPLORING\",\"offsetMs\":390000}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mode")
                .isEqualTo("REVIEW")
                .jsonPath("$.phases[1].offsetMs")
                .isEqualTo(390000);

        assertThat(((PhaseEntered) eventsOf(id, 4).get(3).data()).offsetMs()).isEqualTo(390_000L);
    }

    @Test
    void countsPhaseTransitionsPhaseDurationsSessionsByStatusAndReportsTheOutboxBacklog() {
        String id = sessions.createStarted();
        sessions.phase(id, "MEANING_MAKING").expectStatus().isOk();
        sessions.end(id).expectStatus().isOk();

        String metrics = prometheus();
        assertThat(metrics)
                .containsPattern("tango_sessions_transitions_total\\{[^}]*phase=\"MEANING_MAKING\"")
                .containsPattern("tango_sessions_lifecycle_total\\{[^}]*status=\"IN_PROGRESS\"")
                .containsPattern("tango_sessions_phase_duration_seconds_bucket\\{[^}]*phase=\"MEANING_MAKING\"")
                .containsPattern("tango_sessions_phase_duration_seconds_count\\{[^}]*phase=\"OPENING\"")
                .containsPattern("tango_outbox_backlog\\{[^}]*collection=\"sessions\"")
                .contains("tango_outbox_relay_lag_seconds");
        // The gauges count the store: at least this session has ENDED (others of this context may have too).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(prometheus())
                        .containsPattern("tango_sessions_current\\{[^}]*status=\"ENDED\"[^}]*} [1-9]"));
    }

    private String prometheus() {
        return web.mutate()
                // The scrape outgrows the client's default 256 KB buffer once every consumer has its histograms.
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    @Test
    void documentsTheApiWithIdsAsStrings() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/sessions'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}'].get")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/start'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/phase'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/end'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/cancel'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/transcript'].get")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/transcript/segments'].post")
                .exists()
                .jsonPath("$.paths['/api/sessions/{id}/transcript/import'].post")
                .exists()
                .jsonPath("$.components.schemas.CreateSessionRequest.properties.programId.type")
                .isEqualTo("string")
                .jsonPath("$.components.schemas.CreateSessionRequest.properties.mentorIds.items.type")
                .isEqualTo("string")
                .jsonPath("$.components.schemas.SessionView.properties.id.type")
                .isEqualTo("string");
    }

    private List<EventEnvelope<?>> eventsOf(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(id).size() >= count);
        List<EventEnvelope<?>> events = topic.events(id);
        assertThat(events).hasSize(count);
        return events;
    }

    private List<?> outboxOf(String id) {
        org.bson.Document document =
                mongo.findById(id, org.bson.Document.class, "sessions").block();
        return document.getList("outbox", Object.class);
    }
}
