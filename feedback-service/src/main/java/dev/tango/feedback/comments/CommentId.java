package dev.tango.feedback.comments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tango.events.Ids;
import java.util.UUID;

/** A comment, unique within its session. */
public record CommentId(String value) {

    public CommentId {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException("CommentId must be 1-" + Ids.MAX_LENGTH
                    + " characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }

    @JsonCreator
    public static CommentId of(String value) {
        return new CommentId(value);
    }

    public static CommentId newId() {
        return new CommentId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
