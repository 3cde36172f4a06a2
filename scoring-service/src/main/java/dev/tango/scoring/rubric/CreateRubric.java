package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;

/**
 * A new rubric for a program: either its content, or the version it starts as a copy of.
 *
 * @param rubricId the id wanted, or {@code null} for one the server chooses from the name
 * @param basedOn a version the caller may see (e.g. the built-in {@code partnership v1}), or {@code null}
 * @param contentPath where the content sits in the request, for the paths of its violations: {@code content}, or empty
 *     when the content is the whole body
 */
public record CreateRubric(
        ProgramId program, String rubricId, RubricJson content, RubricRef basedOn, String contentPath) {}
