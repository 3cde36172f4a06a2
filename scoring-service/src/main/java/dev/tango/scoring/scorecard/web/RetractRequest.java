package dev.tango.scoring.scorecard.web;

import dev.tango.scoring.scorecard.SessionScoring;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

@Schema(description = "Why an observation is taken back; optional")
record RetractRequest(
        @Schema(maxLength = SessionScoring.MAX_REASON_LENGTH) @Size(max = SessionScoring.MAX_REASON_LENGTH)
        String reason) {}
