package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import java.util.List;

/**
 * One rubric and the versions of it the caller may see, oldest first.
 *
 * @param program {@code null} for a built-in rubric
 */
public record RubricSummary(String rubricId, ProgramId program, List<Rubric> versions) {

    public RubricSummary {
        versions = List.copyOf(versions);
    }

    public Rubric latest() {
        return versions.get(versions.size() - 1);
    }
}
