package dev.tango.scoring.rubric;

import java.util.Map;

/**
 * The request is well-formed but the rubric's state refuses it: a published version never changes, a draft exists
 * already, the id is taken, another request changed it meanwhile.
 *
 * @see #properties() facts for the client, e.g. the revision it now has
 */
public class RubricConflictException extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public RubricConflictException(String title, String message, Map<String, Object> properties) {
        super(message);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public RubricConflictException(String title, String message) {
        this(title, message, Map.of());
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
