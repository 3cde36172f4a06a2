package dev.tango.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads what {@link EventSerializer} wrote. Anything that is not a well-formed Tango event (missing attributes, an
 * unknown type, a body that does not bind) fails with a {@link SerializationException}, which the consumer's error
 * handler treats as a poison message.
 */
public class EventDeserializer implements Deserializer<EventEnvelope<?>> {

    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();

    @Override
    public EventEnvelope<?> deserialize(String topic, byte[] data) {
        throw new SerializationException("Tango events are CloudEvents in binary mode: headers are required");
    }

    @Override
    public EventEnvelope<?> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return fromCloudEvent(cloudEvents.deserialize(topic, headers, data));
        } catch (SerializationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SerializationException("Not a Tango event on " + topic + ": " + e.getMessage(), e);
        }
    }

    public static EventEnvelope<?> fromCloudEvent(CloudEvent event) {
        if (event.getData() == null) {
            throw new SerializationException("Event " + event.getId() + " has no data");
        }
        if (event.getTime() == null) {
            throw new SerializationException("Event " + event.getId() + " has no time");
        }
        long sequence = sequenceOf(event);
        TangoEvent payload = EventJson.read(event.getType(), event.getData().toBytes());
        if (payload.sessionId() == null || !payload.sessionId().value().equals(event.getSubject())) {
            throw new SerializationException("Event " + event.getId() + " subject does not match its session id");
        }
        return new EventEnvelope<>(
                event.getId(), event.getSource().toString(), event.getTime().toInstant(), sequence, payload);
    }

    // Binary mode carries extensions as header strings, so a sequence may arrive as text.
    private static long sequenceOf(CloudEvent event) {
        Object sequence = event.getExtension(EventSerializer.SEQUENCE);
        if (sequence instanceof Number number) {
            return number.longValue();
        }
        if (sequence instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new SerializationException("Event " + event.getId() + " has no numeric sequence");
    }
}
