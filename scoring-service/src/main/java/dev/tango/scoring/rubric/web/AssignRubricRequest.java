package dev.tango.scoring.rubric.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "A published version of the built-in rubric or of one of the program's own rubrics")
record AssignRubricRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "partnership")
        String rubricId,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", example = "1")
        Integer version) {}
