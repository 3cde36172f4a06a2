package dev.tango.support.web;

import java.util.Map;

/**
 * The request is well-formed but conflicts with the current state of the resource (409). Extra properties (e.g. the
 * moves that are allowed) are added to the problem body.
 */
public class ConflictException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public ConflictException(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public ConflictException(String title, String detail) {
        this(title, detail, Map.of());
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
