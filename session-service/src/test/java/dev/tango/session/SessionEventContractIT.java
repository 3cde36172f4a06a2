package dev.tango.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tango.events.EventJson;
import dev.tango.events.GoldenSamples;
import dev.tango.events.Topics;
import dev.tango.testsupport.ServiceIntegrationTest;
import dev.tango.testsupport.TestInfrastructure;
import dev.tango.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The producer's side of the contract: every event type it writes has the shape of its golden sample. */
@ServiceIntegrationTest
@AutoConfigureWebTestClient
class SessionEventContractIT {

    private static final List<String> TYPES_WRITTEN = List.of(
            "tango.session.scheduled.v1",
            "tango.session.started.v1",
            "tango.session.phase-entered.v1",
            "tango.session.ended.v1",
            "tango.session.cancelled.v1");

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
    void writesEveryEventTypeWithExactlyTheHeadersAndBodyFieldsOfItsGoldenSample() {
        SessionsClient sessions = new SessionsClient(web);
        String ended = sessions.createStarted();
        sessions.phase(ended, "EXPLORING").expectStatus().isOk();
        sessions.end(ended).expectStatus().isOk();
        String cancelled = sessions.create();
        sessions.cancel(cancelled, "Client was unwell").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        recordsOf(ended).size() == 5 && recordsOf(cancelled).size() == 2);
        List<ConsumerRecord<String, byte[]>> written = new java.util.ArrayList<>(recordsOf(ended));
        written.addAll(recordsOf(cancelled));

        assertThat(written).extracting(SessionEventContractIT::type).containsAll(TYPES_WRITTEN);
        for (ConsumerRecord<String, byte[]> record : written) {
            GoldenSamples.Sample golden = GoldenSamples.of(type(record));
            assertThat(headerNames(record))
                    .as("headers of %s", golden.type())
                    .isEqualTo(golden.headers().keySet());
            assertThat(fieldNames(EventJson.mapper().readTree(record.value())))
                    .as("body fields of %s", golden.type())
                    .isEqualTo(fieldNames(golden.body()));
            assertThat(header(record, "ce_source")).isEqualTo(golden.headers().get("ce_source"));
            assertThat(header(record, "ce_specversion"))
                    .isEqualTo(golden.headers().get("ce_specversion"));
            assertThat(header(record, "content-type"))
                    .isEqualTo(golden.headers().get("content-type"));
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        }
    }

    private static List<ConsumerRecord<String, byte[]>> recordsOf(String id) {
        return topic.records().stream().filter(r -> id.equals(r.key())).toList();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, "ce_type");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Set<String> headerNames(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .map(Header::key)
                .collect(Collectors.toSet());
    }

    private static Set<String> fieldNames(JsonNode body) {
        return body.propertyNames().stream().collect(Collectors.toSet());
    }
}
