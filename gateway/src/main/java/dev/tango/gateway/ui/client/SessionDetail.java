package dev.tango.gateway.ui.client;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One session as session-service shows it to the caller. {@code allowedMoves} are the phases it may move to now;
 * {@code clientLabel}, {@code goal} and {@code transcript} are null while session-service does not send them.
 */
public record SessionDetail(
        String id,
        String programId,
        String studentId,
        List<String> mentorIds,
        String mode,
        String status,
        String currentPhase,
        List<String> allowedMoves,
        String clientLabel,
        String goal,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        String cancelReason,
        List<PhaseEntry> phases,
        TranscriptSummary transcript,
        long version) {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public SessionDetail {
        mentorIds = mentorIds == null ? List.of() : List.copyOf(mentorIds);
        allowedMoves = allowedMoves == null ? List.of() : List.copyOf(allowedMoves);
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    public boolean review() {
        return "REVIEW".equals(mode);
    }

    public boolean scheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean inProgress() {
        return "IN_PROGRESS".equals(status);
    }

    public boolean ended() {
        return "ENDED".equals(status);
    }

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }

    public boolean hasTranscript() {
        return transcript != null && transcript.segments() > 0;
    }

    // The formatting below is in instance methods because templates call methods on the objects they are given.

    /** {@code 2026-11-21 14:00 UTC}, or an empty string. */
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** Whole minutes, rounded half up, e.g. {@code 45 min}; under half a minute shows as {@code < 1 min}. */
    public String minutes(Long millis) {
        if (millis == null) {
            return "";
        }
        long minutes = (millis + 30_000) / 60_000;
        return minutes == 0 ? "< 1 min" : minutes + " min";
    }

    /** An offset into a recording as {@code m:ss} (or {@code h:mm:ss}), or an empty string. */
    public String offset(Long millis) {
        return millis == null ? "" : Formats.timeCode(millis);
    }

    /** {@code OPENING} as {@code Opening}, {@code MEANING_MAKING} as {@code Meaning making}. */
    public String label(String constant) {
        return Formats.label(constant);
    }

    public boolean hasOffsets() {
        return phases.stream().anyMatch(phase -> phase.offsetMs() != null);
    }

    /** One entry into a phase; {@code offsetMs} is the offset into the recording of a REVIEW session. */
    public record PhaseEntry(String phase, Instant enteredAt, Long offsetMs) {}

    /** How much transcript the session has; {@code lastEndMs} is where its last segment ends in the recording. */
    public record TranscriptSummary(int segments, long characters, Long lastEndMs) {}
}
