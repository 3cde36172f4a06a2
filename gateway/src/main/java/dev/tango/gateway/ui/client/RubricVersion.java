package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One version of a rubric as scoring-service shows it, with what its page needs to format it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RubricVersion(
        String rubricId,
        int version,
        String programId,
        boolean builtIn,
        String status,
        long revision,
        Instant createdAt,
        String createdBy,
        Instant publishedAt,
        Content content) {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    public String statusLabel() {
        return statusLabel(status);
    }

    /** {@code 2026-11-21 14:00 UTC}, or an empty string. */
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    /** {@code MEANING_MAKING} as {@code Meaning making}. */
    public String phaseLabel(String phase) {
        if (phase == null || phase.isEmpty()) {
            return "";
        }
        String words = phase.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The markers that give a phase full marks. */
    public int required(String phase) {
        return content == null || content.scoring() == null || content.scoring().requiredMarkers() == null
                ? 0
                : content.scoring().requiredMarkers().getOrDefault(phase, 0);
    }

    static String statusLabel(String status) {
        return "DRAFT".equals(status) ? "Draft" : "PUBLISHED".equals(status) ? "Published" : String.valueOf(status);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(
            String name, String description, List<Phase> phases, List<AntiSignal> antiSignals, Scoring scoring) {

        public Content {
            phases = phases == null ? List.of() : List.copyOf(phases);
            antiSignals = antiSignals == null ? List.of() : List.copyOf(antiSignals);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phase(String phase, String title, List<Marker> markers) {

        public Phase {
            markers = markers == null ? List.of() : List.copyOf(markers);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Marker(String id, String label, String description, List<String> exampleQuestions) {

        public Marker {
            exampleQuestions = exampleQuestions == null ? List.of() : List.copyOf(exampleQuestions);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AntiSignal(String id, String label, String description) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scoring(Map<String, Integer> requiredMarkers, int penaltyPerAntiSignal) {}
}
