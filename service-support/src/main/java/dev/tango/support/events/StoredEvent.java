package dev.tango.support.events;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A parked event, kept in its wire form (type id and JSON payload) so that stored documents never name a Java class
 * and stay readable when payload classes move.
 */
public record StoredEvent(String id, String source, Instant time, long sequence, String type, String data) {

    public static StoredEvent of(EventEnvelope<?> event) {
        return new StoredEvent(
                event.id(),
                event.source(),
                event.time(),
                event.sequence(),
                event.type(),
                new String(EventJson.write(event.data()), StandardCharsets.UTF_8));
    }

    public EventEnvelope<?> toEnvelope() {
        return new EventEnvelope<>(
                id, source, time, sequence, EventJson.read(type, data.getBytes(StandardCharsets.UTF_8)));
    }
}
