package dev.tango.gateway.ui.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One student's dashboard as feedback-service computes it (see feedback-service's README for every definition). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DashboardView(
        String studentId,
        List<Session> sessions,
        List<TrendPoint> scoreTrend,
        List<PhaseProfile> phases,
        List<ItemCount> missedMarkers,
        List<ItemCount> antiSignals,
        List<ItemCount> strengths) {

    public DashboardView {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
        scoreTrend = scoreTrend == null ? List.of() : List.copyOf(scoreTrend);
        phases = phases == null ? List.of() : List.copyOf(phases);
        missedMarkers = missedMarkers == null ? List.of() : List.copyOf(missedMarkers);
        antiSignals = antiSignals == null ? List.of() : List.copyOf(antiSignals);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
    }

    /** Whether any session has a published comment. */
    public boolean hasComments() {
        return sessions.stream().anyMatch(s -> !s.comments().isEmpty());
    }

    /** Whether any phase has a score to draw. */
    public boolean hasPhaseScores() {
        return phases.stream().anyMatch(p -> p.averageScore() != null);
    }

    /** Whether any phase has a time to draw. */
    public boolean hasPhaseTimes() {
        return phases.stream().anyMatch(p -> p.averageTimeMs() != null || p.programAverageTimeMs() != null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(
            String sessionId,
            String programId,
            String status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Integer overallScore,
            List<MentorScore> mentorScores,
            List<CommentView> comments) {

        public Session {
            mentorScores = mentorScores == null ? List.of() : List.copyOf(mentorScores);
            comments = comments == null ? List.of() : List.copyOf(comments);
        }

        public String day() {
            return scheduledFor == null ? "" : scheduledFor.toString().substring(0, 10);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TrendPoint(String sessionId, Instant scheduledFor, int overallScore) {
        public String day() {
            return scheduledFor == null ? sessionId : scheduledFor.toString().substring(0, 10);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseProfile(
            String phase, BigDecimal averageScore, int scoredSessions, Long averageTimeMs, Long programAverageTimeMs) {

        public String label() {
            return Formats.label(phase);
        }

        /** Minutes with one decimal, for the chart and its table; empty when there is no time. */
        public String minutes() {
            return Charts.minutes(averageTimeMs);
        }

        public String programMinutes() {
            return Charts.minutes(programAverageTimeMs);
        }
    }

    /** A marker or anti-signal, how often it counted, and the published comments that refer to it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemCount(String itemId, int count, List<CommentView> comments) {
        public ItemCount {
            comments = comments == null ? List.of() : List.copyOf(comments);
        }
    }
}
