package dev.tango.events;

/** A record carries a type id this build does not know; it is a poison message for this consumer. */
public class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String type) {
        super("Unknown event type: " + type);
    }
}
