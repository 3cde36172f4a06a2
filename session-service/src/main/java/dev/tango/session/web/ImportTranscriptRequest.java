package dev.tango.session.web;

import dev.tango.events.Speaker;
import dev.tango.session.TranscriptImport;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

@Schema(description = "A whole transcript, one speaker turn per line with its time code")
record ImportTranscriptRequest(
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                maxLength = ImportTranscriptRequest.MAX_TEXT,
                description = "Lines like \"[00:01:23] Coach: ...\", \"00:01:23 Coach: ...\" or "
                        + "\"Coach (00:01:23): ...\"; blank lines are skipped",
                example = "[00:00:05] Coach: How shall we do this work together today?\n"
                        + "[00:00:09] Client: I'd like to figure out how to say no.")
        @NotBlank
        @Size(max = ImportTranscriptRequest.MAX_TEXT)
        String text,

        @Schema(
                description = "Names used in the file mapped to COACH or CLIENT; Coach, Student, Client and Coachee "
                        + "are known without it",
                example = "{\"Marco\": \"COACH\", \"Ana\": \"CLIENT\"}")
        @Size(max = ImportTranscriptRequest.MAX_SPEAKERS)
        Map<@NotBlank @Size(max = 60) String, @NotNull Speaker> speakers,

        @Schema(
                description = "Import the lines that can be read and report the others; by default a file with any "
                        + "unreadable line is refused and nothing is imported")
        Boolean skipInvalidLines) {

    /** A transcript's characters plus its time codes and speaker names, with room to spare. */
    static final int MAX_TEXT = 400_000;

    static final int MAX_SPEAKERS = 20;

    TranscriptImport toImport() {
        return new TranscriptImport(text, speakers, Boolean.TRUE.equals(skipInvalidLines));
    }
}
