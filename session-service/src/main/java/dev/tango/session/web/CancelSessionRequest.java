package dev.tango.session.web;

import dev.tango.session.PracticeSession;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(description = "Why the session is called off")
record CancelSessionRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500, example = "Client was unwell")
        @NotBlank
        @Size(max = PracticeSession.MAX_REASON_LENGTH)
        String reason) {}
