package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import java.util.List;

/**
 * The rubric a program uses now, and every choice it made.
 *
 * @param current the version in use now
 * @param assignment the choice in effect now; {@code null} while the program uses the built-in default
 * @param history every assignment, oldest first
 */
public record RubricInUse(
        ProgramId program, Rubric current, RubricAssignment assignment, List<RubricAssignment> history) {

    public RubricInUse {
        history = List.copyOf(history);
    }

    public boolean isDefault() {
        return assignment == null;
    }
}
