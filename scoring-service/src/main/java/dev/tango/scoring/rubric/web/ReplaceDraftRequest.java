package dev.tango.scoring.rubric.web;

import dev.tango.scoring.rubric.RubricJson;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(description = "The new content of a draft, and the revision of the draft it replaces")
record ReplaceDraftRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The draft's revision as last read; another revision answers 409",
                example = "0")
        Long revision,

        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The content, in the import format")
        RubricJson content) {}
