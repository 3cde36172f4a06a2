package dev.tango.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents 1.0 attributes. On the wire the attributes travel as Kafka headers (binary mode) and
 * the payload as the JSON body; {@code subject} is the session id, which is also the record key.
 *
 * @param id unique event id, used by consumers to drop duplicates
 * @param source URI-reference of the producing service, e.g. {@code /tango/session-service}
 * @param time when the event occurred
 * @param sequence per-session sequence number, starting at 1 and without gaps
 * @param data the payload
 */
public record EventEnvelope<T extends TangoEvent>(String id, String source, Instant time, long sequence, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive, was " + sequence);
        }
    }

    public static <T extends TangoEvent> EventEnvelope<T> of(String source, Instant time, long sequence, T data) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), source, time, sequence, data);
    }

    /** The logical type id on the wire, e.g. {@code tango.session.started.v1}. */
    public String type() {
        return EventTypes.typeOf(data.getClass());
    }

    /** The session this event belongs to: the CloudEvents subject and the Kafka key. */
    public SessionId sessionId() {
        return data.sessionId();
    }
}
