package dev.tango.feedback.progress;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.comments.CommentView;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.insight.PhaseScore;
import dev.tango.feedback.insight.PhaseTimeTotals;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One student's progress, over the sessions the caller may see.
 *
 * @param sessions newest scheduled first
 * @param scoreTrend scored sessions, oldest scheduled first
 * @param phases per phase: average score over scored sessions and average time against the program's
 * @param missedMarkers growth areas: the markers most often missed (up to {@link #TOP})
 * @param antiSignals growth areas: the anti-signals most often observed (up to {@link #TOP})
 * @param strengths the markers most often observed (up to {@link #TOP})
 */
public record StudentDashboard(
        UserId studentId,
        List<Session> sessions,
        List<TrendPoint> scoreTrend,
        List<PhaseProfile> phases,
        List<ItemCount> missedMarkers,
        List<ItemCount> antiSignals,
        List<ItemCount> strengths) {

    public static final int TOP = 5;

    /**
     * A session on the dashboard.
     *
     * @param overallScore the mean of the mentors' overall scores, rounded half up; {@code null} until one published
     * @param mentorScores each mentor's latest published revision
     * @param comments published comments only
     */
    public record Session(
            SessionId sessionId,
            ProgramId programId,
            SessionStatus status,
            Instant scheduledFor,
            Instant startedAt,
            Instant endedAt,
            Integer overallScore,
            List<MentorScore> mentorScores,
            List<CommentView> comments) {}

    /** A point of the score trend. */
    public record TrendPoint(SessionId sessionId, Instant scheduledFor, int overallScore) {}

    /**
     * One phase across the student's sessions.
     *
     * @param averageScore mean of the session phase scores over scored sessions; {@code null} with none
     * @param scoredSessions how many sessions the average is over
     * @param averageTimeMs mean time in the phase over the student's ended sessions (0 where not entered)
     * @param programAverageTimeMs the same over every ended session of the programs of those sessions
     */
    public record PhaseProfile(
            Phase phase, BigDecimal averageScore, int scoredSessions, Long averageTimeMs, Long programAverageTimeMs) {}

    /**
     * Computes the dashboard.
     *
     * @param sessions the student's sessions the caller may see
     * @param programSessions every session of the programs of those sessions
     * @param comments published comments per session
     */
    public static StudentDashboard of(
            UserId studentId,
            List<SessionInsight> sessions,
            List<SessionInsight> programSessions,
            Map<SessionId, List<CommentView>> comments) {
        return of(studentId, sessions, PhaseTimeTotals.of(programSessions), comments);
    }

    /**
     * Computes the dashboard from the programs' time per phase rather than their sessions.
     *
     * @param programTimes time per phase over every ended session of the programs of {@code sessions}
     */
    public static StudentDashboard of(
            UserId studentId,
            List<SessionInsight> sessions,
            PhaseTimeTotals programTimes,
            Map<SessionId, List<CommentView>> comments) {
        List<SessionInsight> newestFirst = sessions.stream()
                .sorted(Comparator.comparing(
                                SessionInsight::scheduledFor, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                        .thenComparing(s -> s.sessionId().value()))
                .toList();
        List<Session> entries = newestFirst.stream()
                .map(s -> new Session(
                        s.sessionId(),
                        s.programId(),
                        s.status(),
                        s.scheduledFor(),
                        s.startedAt(),
                        s.endedAt(),
                        Figures.overallScore(s).orElse(null),
                        mentorScores(s),
                        comments.getOrDefault(s.sessionId(), List.of())))
                .toList();
        List<SessionInsight> scored =
                newestFirst.stream().filter(SessionInsight::isScored).toList();
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = scored.size() - 1; i >= 0; i--) {
            SessionInsight s = scored.get(i);
            trend.add(new TrendPoint(
                    s.sessionId(), s.scheduledFor(), Figures.overallScore(s).orElseThrow()));
        }
        List<PhaseProfile> phases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            List<BigDecimal> scores = scored.stream()
                    .flatMap(s -> Figures.phaseScore(s, phase).stream())
                    .toList();
            phases.add(new PhaseProfile(
                    phase,
                    Figures.mean(scores).orElse(null),
                    scores.size(),
                    averageTime(sessions, phase),
                    programTimes.averageMs(phase)));
        }
        List<CommentView> all =
                entries.stream().flatMap(e -> e.comments().stream()).toList();
        List<Scorecard> cards =
                scored.stream().flatMap(s -> s.scorecards().stream()).toList();
        return new StudentDashboard(
                studentId,
                entries,
                trend,
                phases,
                top(cards, p -> countEach(p.missedMarkers()), all, TOP),
                top(cards, PhaseScore::antiSignals, all, TOP),
                top(cards, p -> countEach(p.observedMarkers()), all, TOP));
    }

    static List<MentorScore> mentorScores(SessionInsight s) {
        return s.scorecards().stream()
                .map(c -> new MentorScore(c.mentorId(), c.revision(), c.overallScore(), c.publishedAt()))
                .toList();
    }

    /** Mean time in a phase over ended sessions, a phase not entered counting 0. */
    static Long averageTime(List<SessionInsight> sessions, Phase phase) {
        return Figures.meanMs(sessions.stream()
                .filter(s -> s.status() == SessionStatus.ENDED)
                .map(s -> s.timeInPhaseMs().getOrDefault(phase, 0L))
                .toList());
    }

    static Map<String, Integer> countEach(List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    /** Counts over every phase of every scorecard, most first then by id; each with the comments naming it. */
    static List<ItemCount> top(
            List<Scorecard> cards,
            Function<PhaseScore, Map<String, Integer>> counted,
            List<CommentView> comments,
            int limit) {
        Map<String, Integer> counts = new HashMap<>();
        cards.stream()
                .flatMap(c -> c.phases().stream())
                .forEach(p -> counted.apply(p).forEach((id, n) -> counts.merge(id, n, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new ItemCount(
                        e.getKey(),
                        e.getValue(),
                        comments.stream()
                                .filter(c -> e.getKey().equals(c.itemId()))
                                .toList()))
                .toList();
    }
}
