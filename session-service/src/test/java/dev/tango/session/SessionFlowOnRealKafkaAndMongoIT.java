package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Topics;
import dev.tango.testsupport.DockerInfrastructure;
import dev.tango.testsupport.DockerServiceIntegrationTest;
import dev.tango.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's flow against real {@code apache/kafka} and {@code mongo} containers: the same code that runs on the
 * embedded default. Skipped, visibly, where no Docker engine runs.
 */
@DockerServiceIntegrationTest
@AutoConfigureWebTestClient
class SessionFlowOnRealKafkaAndMongoIT {

    @Autowired
    WebTestClient web;

    @Test
    void aSessionMarkedThroughItsPhasesIsStoredAndPublishedInOrder() {
        SessionsClient sessions = new SessionsClient(SessionsClient.asAdmin(web));
        String id = sessions.create();
        sessions.start(id).expectStatus().isOk();
        sessions.phase(id, "EXPLORING").expectStatus().isOk();
        sessions.phase(id, "ACTION_PLANNING").expectStatus().isOk();
        sessions.end(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ENDED");

        try (TopicProbe topic =
                new TopicProbe(DockerInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.name())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<EventEnvelope<?>> events = topic.events(id);
                assertThat(events)
                        .extracting(EventEnvelope::type)
                        .containsExactly(
                                "tango.session.scheduled.v1",
                                "tango.session.started.v1",
                                "tango.session.phase-entered.v1",
                                "tango.session.phase-entered.v1",
                                "tango.session.phase-entered.v1",
                                "tango.session.ended.v1");
                assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            });
        }
    }
}
