package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricJson;
import dev.tango.scoring.rubric.RubricStatus;
import dev.tango.scoring.rubric.StoredRubric;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One version of a rubric.
 *
 * @param programId the program that owns it; {@code null} for a built-in rubric
 * @param revision the number of writes to this version; a draft is replaced only at the revision the client read
 * @param content what the rubric says, in the import and export format
 */
record RubricVersionView(
        String rubricId,
        int version,
        @Schema(type = "string") ProgramId programId,
        boolean builtIn,
        RubricStatus status,
        long revision,
        Instant createdAt,
        @Schema(type = "string") UserId createdBy,
        Instant publishedAt,
        RubricJson content) {

    static RubricVersionView of(StoredRubric stored) {
        Rubric rubric = stored.rubric();
        return new RubricVersionView(
                rubric.ref().rubricId(),
                rubric.ref().version(),
                rubric.program(),
                rubric.isBuiltIn(),
                rubric.status(),
                stored.revision(),
                rubric.createdAt(),
                rubric.createdBy(),
                rubric.publishedAt(),
                RubricJson.of(rubric.content()));
    }
}
