package dev.tango.support.events;

import dev.tango.events.EventEnvelope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps one session's events in sequence order. Sequences start at 1 and have no gaps, so an event is applied only
 * right after its predecessor: an earlier or already parked sequence is a duplicate, a later one waits (is parked)
 * until the gap before it is filled.
 *
 * @param lastSequence the sequence of the last event applied, 0 before the first
 * @param pending events that arrived ahead of their turn, by sequence
 */
public record SessionInbox(long lastSequence, List<EventEnvelope<?>> pending) {

    public SessionInbox {
        if (lastSequence < 0) {
            throw new IllegalArgumentException("lastSequence must not be negative, was " + lastSequence);
        }
        long applied = lastSequence;
        pending = pending.stream()
                .filter(event -> event.sequence() > applied)
                .sorted(Comparator.comparingLong(EventEnvelope::sequence))
                .toList();
    }

    public static SessionInbox empty() {
        return new SessionInbox(0, List.of());
    }

    /** Decides what happens to an arriving event, and what the inbox looks like afterwards. */
    public Delivery accept(EventEnvelope<?> event) {
        long sequence = event.sequence();
        if (sequence <= lastSequence || isParked(sequence)) {
            return new Delivery(this, Delivery.Kind.DUPLICATE, List.of());
        }
        if (sequence > lastSequence + 1) {
            List<EventEnvelope<?>> parked = new ArrayList<>(pending);
            parked.add(event);
            return new Delivery(new SessionInbox(lastSequence, parked), Delivery.Kind.PARKED, List.of());
        }
        List<EventEnvelope<?>> ready = new ArrayList<>();
        ready.add(event);
        long next = sequence + 1;
        for (EventEnvelope<?> waiting : pending) {
            if (waiting.sequence() != next) {
                break;
            }
            ready.add(waiting);
            next++;
        }
        return new Delivery(new SessionInbox(next - 1, pending), Delivery.Kind.READY, List.copyOf(ready));
    }

    private boolean isParked(long sequence) {
        return pending.stream().anyMatch(event -> event.sequence() == sequence);
    }

    /**
     * The decision about one arriving event.
     *
     * @param inbox the inbox after the decision
     * @param kind what happened to the event
     * @param ready for {@link Kind#READY}, the arriving event followed by the parked events it unblocked, in sequence
     *     order; empty otherwise
     */
    public record Delivery(SessionInbox inbox, Kind kind, List<EventEnvelope<?>> ready) {

        /** What happened to the arriving event. */
        public enum Kind {
            DUPLICATE,
            PARKED,
            READY
        }
    }
}
