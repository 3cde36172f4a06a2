package dev.tango.feedback.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventTypes;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.testsupport.GoldenStory;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of the score event contracts: every golden sample of {@code tango.score-events.v1}, sent byte for
 * byte as scoring-service would, is accepted and applied; a record that is not a score event goes to the score
 * topic's dead-letter topic.
 */
class ScoreEventsContractIT extends FeedbackServiceIntegrationTest {

    @Test
    void everyScoreGoldenSampleIsAcceptedAndApplied() {
        Map<String, Double> before = new LinkedHashMap<>();
        EventTypes.onTopic(Topics.SCORE_EVENTS).forEach(type -> before.put(type, applied(type)));
        // Session samples are left to GoldenSamplesContractIT, which must see them applied first; the scorecards
        // name the student and program, which is enough to show the session.
        EventTypes.onTopic(Topics.SCORE_EVENTS).forEach(type -> publisher.publish(GoldenSamples.of(type)));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> EventTypes.onTopic(Topics.SCORE_EVENTS)
                        .forEach(type -> assertThat(applied(type)).as(type).isGreaterThan(before.get(type))));
        web.get()
                .uri("/api/feedback/sessions/{id}", GoldenStory.COMPLETED.value())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.overallScore")
                .isEqualTo(67)
                .jsonPath("$.mentorScores[0].revision")
                .isEqualTo(2);
    }

    @Test
    void aScoreRecordThatIsNoEventGoesToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        double deadLettered = count("tango.events.dead.lettered", "topic", Topics.SCORE_EVENTS.name());
        Map<String, String> headers = new LinkedHashMap<>(
                GoldenSamples.of("tango.score.scorecard-published.v1").headers());
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_subject", key);
        try (TopicProbe deadLetters =
                new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SCORE_EVENTS.deadLetter())) {
            publisher.publishRaw(
                    Topics.SCORE_EVENTS, key, headers, "{\"sessionId\": 42".getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(deadLetters.records())
                            .extracting(ConsumerRecord::key)
                            .contains(key));
        }
        // Two consumers read the score topic (insights and comment publication); each dead-letters it.
        assertThat(count("tango.events.dead.lettered", "topic", Topics.SCORE_EVENTS.name()) - deadLettered)
                .isGreaterThanOrEqualTo(1);
    }

    private double applied(String type) {
        return count(
                "tango.events.processed", "consumer", InsightProjector.CONSUMER, "type", type, "outcome", "applied");
    }
}
