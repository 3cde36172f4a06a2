package dev.tango.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes an {@link EventEnvelope} as a CloudEvent in binary mode: attributes as {@code ce_*} headers, the payload as
 * the JSON body. The per-session sequence travels as the extension attribute {@code sequence}.
 */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    static final String SEQUENCE = "sequence";
    static final String JSON = "application/json";

    private final CloudEventSerializer cloudEvents = new CloudEventSerializer();

    public EventSerializer() {
        cloudEvents.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "BINARY"), false);
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return serialize(topic, new RecordHeaders(), envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        return cloudEvents.serialize(topic, headers, toCloudEvent(envelope));
    }

    public static CloudEvent toCloudEvent(EventEnvelope<?> envelope) {
        return CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withSubject(envelope.sessionId().value())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withExtension(SEQUENCE, envelope.sequence())
                .withDataContentType(JSON)
                .withData(EventJson.write(envelope.data()))
                .build();
    }
}
