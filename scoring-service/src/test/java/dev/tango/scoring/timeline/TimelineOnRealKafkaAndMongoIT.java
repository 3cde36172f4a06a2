package dev.tango.scoring.timeline;

import static org.awaitility.Awaitility.await;

import dev.tango.events.Topics;
import dev.tango.testsupport.DockerInfrastructure;
import dev.tango.testsupport.DockerServiceIntegrationTest;
import dev.tango.testsupport.SessionEventsPublisher;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A whole session's events, published on a real {@code apache/kafka} broker, projected into a real {@code mongo}.
 * Skipped, visibly, where no Docker engine runs.
 */
@DockerServiceIntegrationTest
@AutoConfigureWebTestClient
class TimelineOnRealKafkaAndMongoIT {

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void sessionEventsTopic() {
        // session-service, which owns the topic, does not run here.
        DockerInfrastructure.get().createTopics(Topics.SESSION_EVENTS);
    }

    @Test
    void aWholeSessionShowsUpInItsTimeline() {
        SessionStory story = SessionStory.newSession();
        try (SessionEventsPublisher publisher =
                new SessionEventsPublisher(DockerInfrastructure.get().kafkaBootstrapServers())) {
            publisher.publish(story.wholeSession());
        }
        String token = TestTokens.get().admin("admin-pcc", SessionStory.DEFAULT_PROGRAM.value());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> web.get()
                        .uri(
                                "/api/scoring/sessions/{id}/timeline",
                                story.sessionId().value())
                        .headers(headers -> headers.setBearerAuth(token))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo("ENDED")
                        .jsonPath("$.durationMs")
                        .isEqualTo(2_700_000)
                        .jsonPath("$.lastSequence")
                        .isEqualTo(story.events().size()));
    }
}
