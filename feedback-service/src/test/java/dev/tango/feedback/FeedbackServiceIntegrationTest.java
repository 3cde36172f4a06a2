package dev.tango.feedback;

import dev.tango.events.Topics;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.SessionEventsPublisher;
import dev.tango.testsupport.SessionStory;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every integration test of feedback-service shares: one application context against the real broker and
 * MongoDB-protocol server, the session and score events topics (created here because session-service and
 * scoring-service do not run in these tests), a publisher and a client that calls with a token. Tests never clean the database; each uses its own session and student ids. Health shows its details,
 * so that a failing health assertion says which part is down.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
@TestPropertySource(properties = "management.endpoint.health.show-details=always")
@Import(MongoCommands.Registration.class)
public abstract class FeedbackServiceIntegrationTest {

    protected static final SessionEventsPublisher publisher;

    static {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        infrastructure.createTopics(Topics.SESSION_EVENTS, Topics.SCORE_EVENTS);
        publisher = new SessionEventsPublisher(infrastructure.kafkaBootstrapServers());
    }

    /** The admin of the stories' program that {@link #web} calls as. */
    protected static final String ADMIN = "admin-pcc";

    @Autowired
    private WebTestClient withoutToken;

    /**
     * Calls as an admin of {@link SessionStory#DEFAULT_PROGRAM}, the program of every story and golden sample, with a
     * token minted for each test (tokens live five minutes).
     */
    protected WebTestClient web;

    @BeforeEach
    void callAsAnAdminOfTheStoriesProgram() {
        web = as(TestTokens.get().admin(ADMIN, SessionStory.DEFAULT_PROGRAM.value()));
    }

    /** Calls with the given bearer token. */
    protected WebTestClient as(String token) {
        // The first requests of a fresh context can take over the default 5 s on a busy two-core machine (seen in
        // CommentsIT's first request at load 35).
        return withoutToken
                .mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** Calls without any token. */
    protected WebTestClient withoutToken() {
        return withoutToken;
    }

    @Autowired
    protected MeterRegistry meters;

    /** The sum of a counter over all its series with the given tags; 0 while none exists. */
    protected double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
