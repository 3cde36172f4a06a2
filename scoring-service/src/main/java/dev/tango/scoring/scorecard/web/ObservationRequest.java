package dev.tango.scoring.scorecard.web;

import dev.tango.events.Phase;
import dev.tango.events.score.ObservationKind;
import dev.tango.scoring.scorecard.ObservationDraft;
import dev.tango.scoring.scorecard.SessionScoring;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@Schema(description = "An observation to record: a marker of the rubric, or an occurrence of an anti-signal")
record ObservationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
        ObservationKind kind,

        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "the marker's or anti-signal's id in the session's rubric",
                example = "opening.work-together")
        @NotBlank
        @Size(max = 64)
        String itemId,

        @Schema(
                description = "for an anti-signal, the phase it belongs to; by default the phase the session was in at"
                        + " the time code. A marker always belongs to its own phase.")
        Phase phase,

        @Schema(
                description = "LIVE: ms since the session started (now by default); REVIEW: the offset into the "
                        + "recording, required",
                example = "65000")
        @PositiveOrZero
        @Max(SessionScoring.MAX_TIME_CODE_MS)
        Long timeCodeMs,

        @Schema(maxLength = SessionScoring.MAX_NOTE_LENGTH) @Size(max = SessionScoring.MAX_NOTE_LENGTH)
        String note) {

    ObservationDraft toDraft() {
        return new ObservationDraft(kind, itemId, phase, timeCodeMs, note);
    }
}
