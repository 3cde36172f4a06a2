package dev.tango.events;

/**
 * The payload of every Tango event. Every event belongs to one session, whose id is also the Kafka key, so that one
 * session's events stay ordered.
 */
public interface TangoEvent {

    SessionId sessionId();
}
