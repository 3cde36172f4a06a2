package dev.tango.gateway.ui.client;

/** The answer to "show me this session": the session, or that there is none for this caller, or that it failed. */
public record SessionLookup(State state, SessionDetail session, String message) {

    public static SessionLookup found(SessionDetail session) {
        return new SessionLookup(State.FOUND, session, null);
    }

    /** The session does not exist or is someone else's: the service does not say which, and neither does the page. */
    public static SessionLookup notFound() {
        return new SessionLookup(State.NOT_FOUND, null, "This session does not exist, or it is not yours to see.");
    }

    public static SessionLookup unavailable(String message) {
        return new SessionLookup(State.UNAVAILABLE, null, message);
    }

    public enum State {
        FOUND,
        NOT_FOUND,
        UNAVAILABLE
    }
}
