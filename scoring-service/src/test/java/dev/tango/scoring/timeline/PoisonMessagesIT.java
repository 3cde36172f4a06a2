package dev.tango.scoring.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import dev.tango.scoring.ScoringServiceIntegrationTest;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoisonMessagesIT extends ScoringServiceIntegrationTest {

    private final TopicProbe deadLetters =
            new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.deadLetter());

    @AfterEach
    void closeProbe() {
        deadLetters.close();
    }

    @Test
    void recordsThatAreNotTangoEventsGoToTheDeadLetterTopicAndLaterEventsStillFlow() {
        String randomBytes = "poison-" + UUID.randomUUID();
        String unknownType = "poison-" + UUID.randomUUID();
        String garbageBody = "poison-" + UUID.randomUUID();
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        double deadLettered = count("tango.events.dead.lettered", "topic", Topics.SESSION_EVENTS.name());

        publisher.publishRaw(randomBytes, Map.of(), noise);
        publisher.publishRaw(unknownType, headers(unknownType, "tango.session.rescheduled.v1"), body(unknownType));
        publisher.publishRaw(
                garbageBody,
                headers(garbageBody, "tango.session.started.v1"),
                "{\"sessionId\": ".getBytes(StandardCharsets.UTF_8));
        SessionStory after = SessionStory.newSession();
        publisher.publish(after.scheduled());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(deadLetters.records())
                        .extracting(ConsumerRecord::key)
                        .contains(randomBytes, unknownType, garbageBody));
        ConsumerRecord<String, byte[]> parked = deadLetters.records().stream()
                .filter(record -> record.key().equals(randomBytes))
                .findFirst()
                .orElseThrow();
        assertThat(parked.value()).isEqualTo(noise);
        assertThat(count("tango.events.dead.lettered", "topic", Topics.SESSION_EVENTS.name()) - deadLettered)
                .isGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri(
                                "/api/scoring/sessions/{id}/timeline",
                                after.sessionId().value())
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("SCHEDULED"));
    }

    /** The headers of a real event, for another session and possibly another type. */
    private static Map<String, String> headers(String sessionId, String type) {
        Map<String, String> headers =
                new LinkedHashMap<>(GoldenSamples.of("tango.session.started.v1").headers());
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_subject", sessionId);
        headers.put("ce_type", type);
        return headers;
    }

    private static byte[] body(String sessionId) {
        return ("{\"sessionId\":\"" + sessionId + "\",\"startedAt\":\"2026-11-21T14:00:05Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
