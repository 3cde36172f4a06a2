package dev.tango.scoring;

import dev.tango.events.Topics;
import dev.tango.testsupport.EmbeddedInfrastructure;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.SessionEventsPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every integration test of scoring-service shares: one application context against the real broker and
 * MongoDB-protocol server, the session events topic (created here because session-service does not run in these
 * tests) and a publisher. Tests never clean the database; each uses its own session ids. Health shows its details,
 * so that a failing health assertion says which part is down.
 */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
@TestPropertySource(properties = "management.endpoint.health.show-details=always")
public abstract class ScoringServiceIntegrationTest {

    protected static final SessionEventsPublisher publisher;

    static {
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.get();
        infrastructure.createTopics(Topics.SESSION_EVENTS);
        publisher = new SessionEventsPublisher(infrastructure.kafkaBootstrapServers());
    }

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MeterRegistry meters;

    /** The sum of a counter over all its series with the given tags; 0 while none exists. */
    protected double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
