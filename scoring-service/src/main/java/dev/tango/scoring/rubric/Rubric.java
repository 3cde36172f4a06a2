package dev.tango.scoring.rubric;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import java.time.Instant;
import java.util.Objects;

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
        Instant publishedAt) {

    /** Version 1 of a new rubric of a program, as a DRAFT. */
    public static Rubric firstDraft(String rubricId, ProgramId program, RubricContent content, Instant now, UserId by) {
        Objects.requireNonNull(program, "program");
        return new Rubric(new RubricRef(rubricId, 1), program, RubricStatus.DRAFT, content, now, by, null);
    }

    /** The next version of this rubric as a DRAFT, starting from this version's content. */
    public Rubric nextDraft(Instant now, UserId by) {
        if (isBuiltIn()) {
            throw new IllegalStateException("The built-in rubric " + ref + " never gets another draft");
        }
        return new Rubric(
                new RubricRef(ref.rubricId(), ref.version() + 1), program, RubricStatus.DRAFT, content, now, by, null);
    }

    /** This DRAFT with other content; a published version never changes. */
    public Rubric withContent(RubricContent changed) {
        requireDraft();
        return new Rubric(ref, program, status, changed, createdAt, createdBy, null);
    }

    /** This DRAFT, published: from now on it never changes. */
    public Rubric publish(Instant now) {
        requireDraft();
        return new Rubric(ref, program, RubricStatus.PUBLISHED, content, createdAt, createdBy, now);
    }

    /** The built-in rubric belongs to no program. */
    public boolean isBuiltIn() {
        return program == null;
    }

    public boolean isPublished() {
        return status == RubricStatus.PUBLISHED;
    }

    public boolean isDraft() {
        return status == RubricStatus.DRAFT;
    }

    private void requireDraft() {
        if (!isDraft()) {
            throw new IllegalStateException("Rubric " + ref + " is published and never changes");
        }
    }
}
