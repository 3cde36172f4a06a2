package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A program's figures over a period, as feedback-service computes them (definitions in its README). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricsView(
        String programId,
        LocalDate from,
        LocalDate to,
        int sessions,
        List<WeekCount> sessionsHeldByWeek,
        List<Bucket> scoreDistribution,
        List<Cohort> cohorts,
        List<DashboardView.ItemCount> mostMissedMarkers,
        Turnaround turnaround,
        List<MentorWorkload> mentorWorkload,
        String unscoredAfter,
        List<Unscored> unscored) {

    public MetricsView {
        sessionsHeldByWeek = sessionsHeldByWeek == null ? List.of() : List.copyOf(sessionsHeldByWeek);
        scoreDistribution = scoreDistribution == null ? List.of() : List.copyOf(scoreDistribution);
        cohorts = cohorts == null ? List.of() : List.copyOf(cohorts);
        mostMissedMarkers = mostMissedMarkers == null ? List.of() : List.copyOf(mostMissedMarkers);
        mentorWorkload = mentorWorkload == null ? List.of() : List.copyOf(mentorWorkload);
        unscored = unscored == null ? List.of() : List.copyOf(unscored);
    }

    /** {@code P7D} as {@code 7 days}; anything else as given. */
    public String unscoredAfterLabel() {
        if (unscoredAfter != null
                && unscoredAfter.matches("PT\\d+H")
                && Long.parseLong(unscoredAfter.substring(2, unscoredAfter.length() - 1)) % 24 == 0) {
            return Long.parseLong(unscoredAfter.substring(2, unscoredAfter.length() - 1)) / 24 + " days";
        }
        return unscoredAfter;
    }

    public record WeekCount(String week, int sessions) {}

    public record Bucket(int low, int high, int sessions) {
        public String label() {
            return low + "–" + high;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cohort(String cohort, int students, int scoredSessions, Map<String, BigDecimal> averagePhaseScores) {
        public Cohort {
            averagePhaseScores = averagePhaseScores == null ? Map.of() : Map.copyOf(averagePhaseScores);
        }

        /** The average score of a phase, or a dash without one. */
        public String score(String phase) {
            BigDecimal score = averagePhaseScores.get(phase);
            return score == null ? "—" : score.toPlainString();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Turnaround(int sessions, Long medianMs, Long p90Ms) {
        public String median() {
            return duration(medianMs);
        }

        public String p90() {
            return duration(p90Ms);
        }

        /** {@code 2 d 3 h}, {@code 5 h 12 min} or {@code 40 min}; a dash without a value. */
        static String duration(Long millis) {
            if (millis == null) {
                return "—";
            }
            long minutes = millis / 60_000;
            long hours = minutes / 60;
            if (hours >= 24) {
                return hours / 24 + " d " + hours % 24 + " h";
            }
            return hours > 0 ? hours + " h " + minutes % 60 + " min" : minutes + " min";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MentorWorkload(String mentorId, int assigned, int scored, int awaitingPublication) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unscored(
            String sessionId, String studentId, List<String> mentorIds, Instant endedAt, long daysSinceEnd) {}
}
