package dev.tango.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A coaching program (cohort) that sessions and users belong to. */
public record ProgramId(String value) {

    public ProgramId {
        Ids.requireValid(value, "ProgramId");
    }

    @JsonCreator
    public static ProgramId of(String value) {
        return new ProgramId(value);
    }

    public static ProgramId newId() {
        return new ProgramId(UUID.randomUUID().toString());
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
