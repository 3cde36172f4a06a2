package dev.tango.session;

import dev.tango.events.SessionId;

/** No session has this id. */
public class SessionNotFoundException extends RuntimeException {

    private final SessionId sessionId;

    public SessionNotFoundException(SessionId sessionId) {
        super("Session " + sessionId + " was not found");
        this.sessionId = sessionId;
    }

    public SessionId sessionId() {
        return sessionId;
    }
}
