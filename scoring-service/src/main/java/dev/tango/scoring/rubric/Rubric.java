package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;

/**
 * One version of a rubric.
 *
 * @param program the program that owns it; {@code null} for the built-in partnership rubric, which every program may
 *     use
 * @param createdBy {@code null} for the built-in rubric
 * @param publishedAt {@code null} while a DRAFT
 */
public record Rubric(
        RubricRef ref,
        ProgramId program,
        RubricStatus status,
        RubricContent content,
        Instant createdAt,
        UserId createdBy,
        Instant publishedAt) {}
