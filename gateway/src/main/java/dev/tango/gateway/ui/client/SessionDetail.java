package dev.tango.gateway.ui.client;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One session as its page shows it: what session-service says, plus the time per phase that scoring-service derived
 * from the session's events ({@code timing} is null until it has them).
 */
public record SessionDetail(
        String id,
        String programId,
        String studentId,
        List<String> mentorIds,
        String mode,
        String status,
        String currentPhase,
        Instant scheduledFor,
        Instant startedAt,
        Instant endedAt,
        Instant cancelledAt,
        String cancelReason,
        List<PhaseEntry> phases,
        Timing timing) {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public SessionDetail {
        mentorIds = mentorIds == null ? List.of() : List.copyOf(mentorIds);
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    SessionDetail withTiming(Timing timing) {
        return new SessionDetail(
                id,
                programId,
                studentId,
                mentorIds,
                mode,
                status,
                currentPhase,
                scheduledFor,
                startedAt,
                endedAt,
                cancelledAt,
                cancelReason,
                phases,
                timing);
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
        if (millis == null) {
            return "";
        }
        long seconds = millis / 1000;
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** {@code OPENING} as {@code Opening}, {@code MEANING_MAKING} as {@code Meaning making}. */
    public String label(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The phases the session never entered, as labels; empty until scoring-service knows the session ended. */
    public List<String> skippedPhaseLabels() {
        return timing == null
                ? List.of()
                : timing.skippedPhases().stream().map(this::label).toList();
    }

    public boolean hasOffsets() {
        return phases.stream().anyMatch(phase -> phase.offsetMs() != null);
    }

    /** One entry into a phase; {@code offsetMs} is the offset into the recording of a REVIEW session. */
    public record PhaseEntry(String phase, Instant enteredAt, Long offsetMs) {}

    /**
     * What scoring-service derived: time per phase and skipped phases once the session ended, its length.
     *
     * @param timeInPhaseMs in the order scoring-service lists the phases
     */
    public record Timing(Map<String, Long> timeInPhaseMs, List<String> skippedPhases, Long durationMs) {
        public Timing {
            timeInPhaseMs = timeInPhaseMs == null ? Map.of() : timeInPhaseMs;
            skippedPhases = skippedPhases == null ? List.of() : List.copyOf(skippedPhases);
        }

        public boolean hasTimeInPhases() {
            return !timeInPhaseMs.isEmpty();
        }
    }
}
