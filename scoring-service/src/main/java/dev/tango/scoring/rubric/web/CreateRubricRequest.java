package dev.tango.scoring.rubric.web;

import dev.tango.events.ProgramId;
import dev.tango.scoring.rubric.CreateRubric;
import dev.tango.scoring.rubric.RubricJson;
import dev.tango.scoring.rubric.RubricRef;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A new rubric of a program: its content, or the version it starts as a copy of (not both)")
record CreateRubricRequest(
        @Schema(
                implementation = String.class,
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The program that will own it; the caller must be one of its admins",
                example = "pcc-2026")
        ProgramId programId,

        @Schema(
                description = "The id wanted (unique); the server chooses one from the name when it is left out",
                pattern = RubricApi.ID_PATTERN,
                maxLength = 64,
                example = "pcc-markers")
        String rubricId,

        @Schema(
                description =
                        "A version to copy, e.g. the built-in rubric {\"rubricId\":\"partnership\",\"version\":1}")
        BasedOn basedOn,

        @Schema(description = "The content, in the import and export format")
        RubricJson content) {

    CreateRubric toCommand() {
        return new CreateRubric(
                programId,
                rubricId,
                content,
                basedOn == null
                        ? null
                        : new RubricRef(basedOn.rubricId(), basedOn.version() == null ? 0 : basedOn.version()),
                "content");
    }

    /** A version of a rubric the caller may see. */
    record BasedOn(String rubricId, Integer version) {}
}
