package dev.tango.feedback.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.Topics;
import dev.tango.feedback.FeedbackServiceIntegrationTest;
import dev.tango.feedback.insight.InsightProjector;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin rebuild empties the read models and replays both topics from the beginning; once the consumers have
 * caught up again, the dashboard, the session page and the metrics are the same, byte for byte.
 */
class RebuildIT extends FeedbackServiceIntegrationTest {

    @Autowired
    WebTestClient client;

    @Test
    void aRebuildReachesTheSameDashboardSessionPageAndMetrics() throws Exception {
        KnownScenario scenario = new KnownScenario(
                        publisher,
                        token -> client.mutate()
                                .defaultHeaders(h -> h.setBearerAuth(token))
                                .build())
                .play();
        awaitCaughtUp();
        // Committed offsets can run a moment ahead of the last projection write seen by a read (the full module run
        // once captured a session one phase behind): take the views once two reads a second apart agree.
        AtomicReference<Map<String, String>> settled = new AtomicReference<>(views(scenario));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> settled.getAndSet(views(scenario)).equals(settled.get()));
        Map<String, String> before = settled.get();
        double applied = count("tango.events.processed", "consumer", InsightProjector.CONSUMER, "outcome", "applied");

        scenario.admin()
                .post()
                .uri("/api/feedback/admin/rebuild")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.documentsRemoved.session_insights")
                .value(removed -> assertThat(((Number) removed).longValue()).isGreaterThanOrEqualTo(5))
                .jsonPath("$.replaying")
                .value(names -> assertThat(names.toString()).contains("session-insight", "student-dashboard"));

        // The scenario alone has 44 session and score events; the replay applies them (and all others) again.
        await().atMost(Duration.ofSeconds(120))
                .until(() ->
                        count("tango.events.processed", "consumer", InsightProjector.CONSUMER, "outcome", "applied")
                                >= applied + 44);
        awaitCaughtUp();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(views(scenario)).isEqualTo(before));
        assertThat(count("tango.feedback.rebuilds")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyAdminsRebuild() {
        as(TestTokens.get().mentor("mentor-rebuild"))
                .post()
                .uri("/api/feedback/admin/rebuild")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private Map<String, String> views(KnownScenario scenario) {
        Map<String, String> views = new HashMap<>();
        views.put("dashboard", body(scenario.student(), "/api/feedback/students/" + scenario.s + "/dashboard"));
        views.put("session", body(scenario.student(), "/api/feedback/sessions/" + scenario.s1.sessionId()));
        views.put("sessions", body(scenario.student(), "/api/feedback/students/" + scenario.s + "/sessions"));
        views.put(
                "metrics",
                body(
                        scenario.admin(),
                        "/api/feedback/programs/" + scenario.program + "/metrics?from=2025-11-01&to=2025-12-31"));
        return views;
    }

    private static String body(WebTestClient client, String uri) {
        return client.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    // Every projection's consumer group has committed the end of every partition of its topics.
    private static void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<String, Set<String>> groups = Map.of(
                    "feedback-service",
                    Set.of(Topics.SESSION_EVENTS.name()),
                    "feedback-service." + InsightProjector.CONSUMER,
                    Set.of(Topics.SESSION_EVENTS.name(), Topics.SCORE_EVENTS.name()));
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                            .partitionsToOffsetAndMetadata()
                            .get();
                    Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                            .filter(tp -> group.getValue().contains(tp.topic()))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    Map<TopicPartition, Long> ends = new HashMap<>();
                    admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                    ends.forEach((tp, end) -> assertThat(committed.get(tp).offset())
                            .as(group.getKey() + " " + tp)
                            .isEqualTo(end));
                    assertThat(ends.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()))
                            .isEqualTo(group.getValue());
                }
            });
        }
    }
}
