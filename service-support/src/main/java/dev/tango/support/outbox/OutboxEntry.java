package dev.tango.support.outbox;

import dev.tango.events.EventEnvelope;
import dev.tango.events.EventJson;
import dev.tango.events.TangoEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One event waiting in an aggregate document's {@code outbox} list until it has been published. It holds everything
 * the envelope needs, with the payload as the JSON that {@link EventJson} writes, so the relay can publish it without
 * knowing the aggregate.
 *
 * @param eventId the CloudEvents id, kept on every re-publication so consumers can drop duplicates
 * @param type the wire type id, which also names the topic
 * @param sequence the per-session sequence; the relay publishes a document's entries in this order
 * @param time when the event occurred; MongoDB keeps milliseconds, so it is truncated to them here
 * @param source the producing service
 * @param payload the event payload as JSON
 */
public record OutboxEntry(String eventId, String type, long sequence, Instant time, String source, String payload) {

    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    }

    public static OutboxEntry of(EventEnvelope<?> envelope) {
        return new OutboxEntry(
                envelope.id(),
                envelope.type(),
                envelope.sequence(),
                envelope.time(),
                envelope.source(),
                new String(EventJson.write(envelope.data()), StandardCharsets.UTF_8));
    }

    public static List<OutboxEntry> of(List<? extends EventEnvelope<?>> envelopes) {
        return envelopes.stream().map(OutboxEntry::of).toList();
    }

    /** The envelope as it goes on the wire; fails if this build does not know the type. */
    public EventEnvelope<TangoEvent> toEnvelope() {
        TangoEvent data = EventJson.read(type, payload.getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope<>(eventId, source, time, sequence, data);
    }
}
