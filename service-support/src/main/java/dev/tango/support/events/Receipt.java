package dev.tango.support.events;

import dev.tango.events.EventEnvelope;
import java.util.List;

/**
 * The outcome of handing an event to a projection: its new state and what happened to each event involved (the
 * arriving one, plus any parked ones it unblocked).
 */
public record Receipt<T>(T state, List<Handled> handled) {

    public Receipt {
        handled = List.copyOf(handled);
    }

    /** Whether the state must be stored; a duplicate changes nothing. */
    public boolean changed() {
        return handled.stream().anyMatch(h -> h.disposition() != Disposition.DUPLICATE);
    }

    /** One event and what happened to it. */
    public record Handled(EventEnvelope<?> event, Disposition disposition) {}
}
