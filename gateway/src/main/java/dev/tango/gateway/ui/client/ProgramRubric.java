package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The rubric a program uses now and every choice it made, oldest first, as scoring-service shows them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgramRubric(String programId, Current current, boolean usesDefault, List<Assignment> history) {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public ProgramRubric {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** {@code 2026-11-21 14:00:05 UTC}, or an empty string. */
    public String second(Instant instant) {
        return instant == null ? "" : SECOND.format(instant);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Current(
            String rubricId, int version, String name, boolean builtIn, Instant effectiveFrom, String assignedBy) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignment(String rubricId, int version, Instant effectiveFrom, String assignedBy) {}
}
