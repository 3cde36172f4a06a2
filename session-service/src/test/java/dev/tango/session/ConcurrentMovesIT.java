package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventEnvelope;
import dev.tango.events.Topics;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two clients moving the same session from the same state at once: one wins, the other gets a 409. */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class ConcurrentMovesIT {

    private static TopicProbe topic;

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void probe() {
        topic = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SESSION_EVENTS.name());
    }

    @AfterAll
    static void closeProbe() {
        topic.close();
    }

    @Test
    void letsExactlyOneOfTwoSimultaneousMovesFromTheSameStateSucceed() throws Exception {
        SessionsClient sessions = new SessionsClient(web);
        for (int round = 0; round < 5; round++) {
            String id = sessions.createStarted();
            CyclicBarrier together = new CyclicBarrier(2);

            List<CompletableFuture<Integer>> moves = IntStream.range(0, 2)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        meet(together);
                        return sessions.phase(id, "EXPLORING")
                                .returnResult(String.class)
                                .getStatus()
                                .value();
                    }))
                    .toList();

            List<Integer> statuses =
                    moves.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 409);
            sessions.get(id).expectBody().jsonPath("$.phases.length()").isEqualTo(2);
            // One PhaseEntered for the winner, then the next change comes out as the very next sequence.
            sessions.phase(id, "MEANING_MAKING").expectStatus().isOk();
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(id).size() >= 5);
            assertThat(topic.events(id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
