package dev.tango.session.web;

import dev.tango.events.Phase;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

@Schema(description = "The phase the conversation moves to")
record EnterPhaseRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "EXPLORING") @NotNull
        Phase phase,

        @Schema(
                description = "REVIEW sessions only: offset into the recording in ms, never less than the "
                        + "previous phase's; LIVE sessions are timed by the server and reject it",
                example = "390000")
        @PositiveOrZero
        @Max(SessionApi.MAX_OFFSET_MS)
        Long offsetMs) {}
