package dev.tango.feedback.progress;

import dev.tango.events.Phase;
import dev.tango.events.ProgramId;
import dev.tango.events.SessionId;
import dev.tango.events.UserId;
import dev.tango.feedback.dashboard.SessionStatus;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A program's figures over a period: the sessions scheduled from {@code from} to {@code to} (both days included, UTC),
 * cancelled ones left out. Definitions in the README.
 *
 * @param sessions sessions of the period
 * @param sessionsHeldByWeek ended sessions by ISO week of their start, e.g. {@code 2026-W47}, in week order
 * @param scoreDistribution scored sessions by overall score: 0-9, 10-19, ..., 90-100
 * @param cohorts average phase scores of scored sessions by cohort
 * @param mostMissedMarkers across the program's scorecards of the period (up to {@link #TOP_MISSED})
 * @param turnaround from a session's end to its first published scorecard, over the period's scored sessions
 * @param mentorWorkload per mentor, sorted by mentor id
 * @param unscoredAfter how long an ended session may wait for its first scorecard, ISO-8601
 * @param unscored ended sessions of the program (whatever the period) without any published scorecard for longer
 *     than {@code unscoredAfter}, longest waiting first
 */
public record ProgramMetrics(
        ProgramId programId,
        LocalDate from,
        LocalDate to,
        int sessions,
        List<WeekCount> sessionsHeldByWeek,
        List<Bucket> scoreDistribution,
        List<Cohort> cohorts,
        List<ItemCount> mostMissedMarkers,
        Turnaround turnaround,
        List<MentorWorkload> mentorWorkload,
        String unscoredAfter,
        List<Unscored> unscored) {

    public static final int TOP_MISSED = 10;

    public record WeekCount(String week, int sessions) {}

    /** Overall scores from {@code low} to {@code high}, both included. */
    public record Bucket(int low, int high, int sessions) {}

    /**
     * Students of a program whose first session (earliest scheduled, cancelled ones left out) fell in one month.
     *
     * @param cohort {@code <programId>/<yyyy-MM>}
     * @param averagePhaseScores mean session phase score per phase, over the cohort's scored sessions of the period
     */
    public record Cohort(String cohort, int students, int scoredSessions, Map<Phase, BigDecimal> averagePhaseScores) {}

    /** Nearest-rank median and 90th percentile; {@code null}s when no session of the period is scored. */
    public record Turnaround(int sessions, Long medianMs, Long p90Ms) {}

    /**
     * @param assigned sessions of the period the mentor is assigned to
     * @param scored of those, the ones the mentor published a scorecard for
     * @param awaitingPublication ended sessions of those without the mentor's scorecard
     */
    public record MentorWorkload(UserId mentorId, int assigned, int scored, int awaitingPublication) {}

    public record Unscored(
            SessionId sessionId, UserId studentId, List<UserId> mentorIds, Instant endedAt, long daysSinceEnd) {}

    public static ProgramMetrics of(
            ProgramId programId,
            LocalDate from,
            LocalDate to,
            List<SessionInsight> programSessions,
            Instant now,
            Duration unscoredAfter) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<SessionInsight> live = programSessions.stream()
                .filter(s -> s.isKnown() && s.scheduledFor() != null && s.status() != SessionStatus.CANCELLED)
                .toList();
        List<SessionInsight> period = live.stream()
                .filter(s ->
                        !s.scheduledFor().isBefore(start) && s.scheduledFor().isBefore(end))
                .toList();
        List<SessionInsight> scored =
                period.stream().filter(SessionInsight::isScored).toList();

        Map<String, Integer> byWeek = new TreeMap<>();
        period.stream()
                .filter(s -> s.status() == SessionStatus.ENDED)
                .forEach(s -> byWeek.merge(
                        isoWeek(s.startedAt() != null ? s.startedAt() : s.scheduledFor()), 1, Integer::sum));

        int[] buckets = new int[10];
        scored.forEach(s -> buckets[Math.min(9, Figures.overallScore(s).orElseThrow() / 10)]++);
        List<Bucket> distribution = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            distribution.add(new Bucket(i * 10, i == 9 ? 100 : i * 10 + 9, buckets[i]));
        }

        List<Duration> turnarounds =
                scored.stream().flatMap(s -> s.turnaround().stream()).toList();

        List<Scorecard> cards =
                scored.stream().flatMap(s -> s.scorecards().stream()).toList();
        List<ItemCount> missed =
                StudentDashboard.top(cards, p -> StudentDashboard.countEach(p.missedMarkers()), List.of(), TOP_MISSED);

        return new ProgramMetrics(
                programId,
                from,
                to,
                period.size(),
                byWeek.entrySet().stream()
                        .map(e -> new WeekCount(e.getKey(), e.getValue()))
                        .toList(),
                distribution,
                cohorts(programId, live, scored),
                missed,
                new Turnaround(
                        turnarounds.size(),
                        millis(Figures.percentile(turnarounds, 50)),
                        millis(Figures.percentile(turnarounds, 90))),
                workload(period),
                unscoredAfter.toString(),
                live.stream()
                        .filter(s -> s.status() == SessionStatus.ENDED && !s.isScored() && s.endedAt() != null)
                        .filter(s -> Duration.between(s.endedAt(), now).compareTo(unscoredAfter) > 0)
                        .sorted(Comparator.comparing(SessionInsight::endedAt))
                        .map(s -> new Unscored(
                                s.sessionId(),
                                s.studentId(),
                                s.mentorIds(),
                                s.endedAt(),
                                Duration.between(s.endedAt(), now).toDays()))
                        .toList());
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    static String isoWeek(Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(
                "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static List<Cohort> cohorts(ProgramId programId, List<SessionInsight> live, List<SessionInsight> scored) {
        Map<UserId, Instant> firstSession = new HashMap<>();
        live.forEach(s -> firstSession.merge(s.studentId(), s.scheduledFor(), (a, b) -> a.isBefore(b) ? a : b));
        Map<String, List<UserId>> students = new TreeMap<>();
        firstSession.forEach(
                (student, first) -> students.computeIfAbsent(cohortOf(programId, first), k -> new ArrayList<>())
                        .add(student));
        List<Cohort> cohorts = new ArrayList<>();
        students.forEach((cohort, members) -> {
            List<SessionInsight> sessions =
                    scored.stream().filter(s -> members.contains(s.studentId())).toList();
            if (sessions.isEmpty()) {
                return;
            }
            Map<Phase, BigDecimal> averages = new EnumMap<>(Phase.class);
            for (Phase phase : Phase.values()) {
                Figures.mean(sessions.stream()
                                .flatMap(s -> Figures.phaseScore(s, phase).stream())
                                .toList())
                        .ifPresent(avg -> averages.put(phase, avg));
            }
            cohorts.add(new Cohort(cohort, members.size(), sessions.size(), averages));
        });
        return cohorts;
    }

    static String cohortOf(ProgramId programId, Instant firstSession) {
        LocalDate day = firstSession.atZone(ZoneOffset.UTC).toLocalDate();
        return programId.value() + "/" + String.format("%d-%02d", day.getYear(), day.getMonthValue());
    }

    private static List<MentorWorkload> workload(List<SessionInsight> period) {
        Map<UserId, int[]> counts = new TreeMap<>(Comparator.comparing(UserId::value));
        for (SessionInsight s : period) {
            for (UserId mentor : s.mentorIds()) {
                int[] c = counts.computeIfAbsent(mentor, m -> new int[3]);
                c[0]++;
                if (s.scorecardOf(mentor).isPresent()) {
                    c[1]++;
                } else if (s.status() == SessionStatus.ENDED) {
                    c[2]++;
                }
            }
        }
        return counts.entrySet().stream()
                .map(e -> new MentorWorkload(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }
}
