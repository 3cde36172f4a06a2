package dev.tango.gateway.ui.client;

import java.util.List;

/** A list of sessions from a service, or why there is none: the page shows each state plainly. */
public record SessionList(State state, List<SessionRow> rows, String message) {

    public static SessionList of(List<SessionRow> rows) {
        return rows.isEmpty() ? empty() : new SessionList(State.OK, List.copyOf(rows), null);
    }

    public static SessionList empty() {
        return new SessionList(State.EMPTY, List.of(), "No sessions yet.");
    }

    public static SessionList unavailable(String message) {
        return new SessionList(State.UNAVAILABLE, List.of(), message);
    }

    public boolean ok() {
        return state == State.OK;
    }

    public enum State {
        OK,
        EMPTY,
        UNAVAILABLE
    }
}
