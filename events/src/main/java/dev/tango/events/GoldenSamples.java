package dev.tango.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The golden JSON sample of each event type, as it travels on the wire: {@code headers} (CloudEvents attributes in
 * binary mode) and {@code body}. Producers' tests check they write this shape; consumers' tests replay it.
 */
public final class GoldenSamples {

    private GoldenSamples() {}

    public static Sample of(String type) {
        String resource = "/golden/" + type + ".json";
        try (InputStream in = GoldenSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden sample " + resource);
            }
            JsonNode root = EventJson.mapper().readTree(in);
            Map<String, String> headers = new LinkedHashMap<>();
            root.get("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
            return new Sample(type, headers, root.get("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event on the wire. */
    public record Sample(String type, Map<String, String> headers, JsonNode body) {

        public Headers kafkaHeaders() {
            RecordHeaders kafka = new RecordHeaders();
            headers.forEach((name, value) -> kafka.add(name, value.getBytes(StandardCharsets.UTF_8)));
            return kafka;
        }

        public byte[] bodyBytes() {
            return EventJson.mapper().writeValueAsBytes(body);
        }

        public String key() {
            return headers.get("ce_subject");
        }

        public EventEnvelope<?> envelope() {
            return new EventDeserializer().deserialize("golden", kafkaHeaders(), bodyBytes());
        }
    }
}
