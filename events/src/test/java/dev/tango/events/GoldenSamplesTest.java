package dev.tango.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class GoldenSamplesTest {

    static Stream<String> eventTypes() {
        return EventTypes.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasAGoldenSampleThatRoundTrips(String type) {
        GoldenSamples.Sample sample = GoldenSamples.of(type);

        EventEnvelope<?> envelope = sample.envelope();
        assertThat(envelope.type()).isEqualTo(type);
        assertThat(envelope.data()).isInstanceOf(EventTypes.payloadOf(type).orElseThrow());

        RecordHeaders headers = new RecordHeaders();
        byte[] body = new EventSerializer().serialize("golden", headers, envelope);

        assertThat(headerMap(headers)).isEqualTo(sample.headers());
        JsonNode written = EventJson.mapper().readTree(body);
        assertThat(written).isEqualTo(sample.body());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void goldenSampleKeyIsTheSessionId(String type) {
        GoldenSamples.Sample sample = GoldenSamples.of(type);

        assertThat(sample.envelope().sessionId().value())
                .isEqualTo(sample.key())
                .isEqualTo(sample.body().get("sessionId").asString());
    }

    private static Map<String, String> headerMap(RecordHeaders headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return map;
    }
}
