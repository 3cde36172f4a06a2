package dev.tango.session.web;

import dev.tango.events.Speaker;
import dev.tango.session.SegmentDraft;
import dev.tango.session.TranscriptLimits;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

@Schema(description = "Speaker turns to add to the end of a session's transcript")
record AppendSegmentsRequest(
        @ArraySchema(minItems = 1, maxItems = TranscriptLimits.SEGMENTS_PER_BATCH)
        @NotNull
        @Size(min = 1, max = TranscriptLimits.SEGMENTS_PER_BATCH)
        List<@NotNull @Valid Segment> segments) {

    List<SegmentDraft> drafts() {
        return segments.stream()
                .map(segment -> new SegmentDraft(segment.speaker(), segment.text(), segment.startMs(), segment.endMs()))
                .toList();
    }

    @Schema(description = "One speaker turn; turns start in order, each no earlier than the one before")
    record Segment(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @NotNull
            Speaker speaker,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = TranscriptLimits.CHARACTERS_PER_SEGMENT,
                    example = "How shall we do this work together today?")
            @NotBlank
            @Size(max = TranscriptLimits.CHARACTERS_PER_SEGMENT)
            String text,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "offset in ms", example = "83000")
            @NotNull
            @PositiveOrZero
            @Max(TranscriptLimits.MAX_OFFSET_MS)
            Long startMs,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "offset in ms, not before startMs",
                    example = "88500")
            @NotNull
            @PositiveOrZero
            @Max(TranscriptLimits.MAX_OFFSET_MS)
            Long endMs) {}
}
