package dev.tango.scoring.scorecard;

import dev.tango.events.UserId;
import dev.tango.events.score.ObservationKind;
import dev.tango.scoring.rubric.AntiSignal;
import dev.tango.scoring.rubric.Marker;
import dev.tango.scoring.rubric.Rubric;
import dev.tango.scoring.rubric.RubricContent;
import dev.tango.scoring.rubric.RubricPhase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scoring formula of DESIGN.md ("Rubrics and scores"), worked through in {@code docs/scoring.md}:
 *
 * <ul>
 *   <li>phase score = {@code 100 * min(1, observed / required)} − {@code penalty} per anti-signal occurrence in the
 *       phase, clamped to 0..100; observed counts distinct markers of the phase; nothing required gives 100 points;
 *       a phase the session never entered scores 0;
 *   <li>overall = the mean of the phase scores of the rubric, rounded half up to an integer.
 * </ul>
 *
 * <p>Only the observations that count (not retracted) of the one mentor are used, in any order: the result depends on
 * the set, not the sequence. Arithmetic is exact (fractions of the required counts); the phase scores are shown to two
 * decimals, and the overall score is rounded from the exact mean.
 */
public final class ScoreFormula {

    private ScoreFormula() {}

    public static Scorecard score(Rubric rubric, UserId mentor, SessionFacts facts, List<Observation> observations) {
        RubricContent content = rubric.content();
        List<Observation> counted = observations.stream()
                .filter(Observation::counts)
                .filter(observation -> observation.mentorId().equals(mentor))
                .toList();
        List<PhaseScore> phases = new ArrayList<>();
        // Each phase score is numerator / denominator exactly; the mean is taken over those fractions.
        long[] numerators = new long[content.phases().size()];
        long[] denominators = new long[content.phases().size()];
        for (int i = 0; i < content.phases().size(); i++) {
            RubricPhase phase = content.phases().get(i);
            int required = content.scoring().requiredIn(phase.phase());
            Set<String> seen = counted.stream()
                    .filter(o -> o.kind() == ObservationKind.MARKER && o.phase() == phase.phase())
                    .map(Observation::itemId)
                    .collect(Collectors.toSet());
            List<String> observed = phase.markers().stream()
                    .map(Marker::id)
                    .filter(seen::contains)
                    .toList();
            List<String> missed = phase.markers().stream()
                    .map(Marker::id)
                    .filter(id -> !seen.contains(id))
                    .toList();
            Map<String, Integer> antiSignals = new LinkedHashMap<>();
            for (AntiSignal signal : content.antiSignals()) {
                int occurrences = (int) counted.stream()
                        .filter(o -> o.kind() == ObservationKind.ANTI_SIGNAL
                                && o.phase() == phase.phase()
                                && o.itemId().equals(signal.id()))
                        .count();
                if (occurrences > 0) {
                    antiSignals.put(signal.id(), occurrences);
                }
            }
            int occurrences =
                    antiSignals.values().stream().mapToInt(Integer::intValue).sum();
            int penalty = occurrences * content.scoring().penaltyPerAntiSignal();
            boolean entered = facts.entered().contains(phase.phase());

            // markerPoints = 100 * min(observed, required) / required, as a fraction over `required`
            long denominator = required == 0 ? 1 : required;
            long points = required == 0 ? 100 : 100L * Math.min(observed.size(), required);
            long numerator =
                    entered ? Math.max(0, Math.min(100 * denominator, points - (long) penalty * denominator)) : 0;
            numerators[i] = numerator;
            denominators[i] = denominator;
            BigDecimal markerPoints = fraction(points, denominator);
            BigDecimal score = fraction(numerator, denominator);
            phases.add(new PhaseScore(
                    phase.phase(),
                    entered,
                    required,
                    observed,
                    missed,
                    antiSignals,
                    markerPoints,
                    penalty,
                    score,
                    explain(entered, required, observed.size(), markerPoints, occurrences, content, penalty, score)));
        }
        int overall = meanRoundedHalfUp(numerators, denominators);
        return new Scorecard(
                rubric.ref(),
                mentor,
                phases,
                overall,
                facts.skippedPhases(),
                facts.timeInPhaseMs(),
                explainOverall(phases, overall));
    }

    // The mean of the fractions n[i] / d[i], rounded half up; all are non-negative.
    static int meanRoundedHalfUp(long[] numerators, long[] denominators) {
        if (numerators.length == 0) {
            return 0;
        }
        long common = 1;
        for (long d : denominators) {
            common = lcm(common, d);
        }
        long sum = 0;
        for (int i = 0; i < numerators.length; i++) {
            sum += numerators[i] * (common / denominators[i]);
        }
        long divisor = common * numerators.length;
        return (int) ((2 * sum + divisor) / (2 * divisor));
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static BigDecimal fraction(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
    }

    private static String explain(
            boolean entered,
            int required,
            int observed,
            BigDecimal markerPoints,
            int occurrences,
            RubricContent content,
            int penalty,
            BigDecimal score) {
        if (!entered) {
            return "The session never entered this phase, so it scores 0.";
        }
        StringBuilder text = new StringBuilder();
        if (required == 0) {
            text.append("No marker is required in this phase: ")
                    .append(plain(markerPoints))
                    .append(" points");
        } else {
            text.append(observed)
                    .append(" of ")
                    .append(required)
                    .append(" required marker")
                    .append(required == 1 ? "" : "s")
                    .append(" observed: 100 × min(1, ")
                    .append(observed)
                    .append("/")
                    .append(required)
                    .append(") = ")
                    .append(plain(markerPoints))
                    .append(" points");
        }
        if (occurrences > 0) {
            text.append("; ")
                    .append(occurrences)
                    .append(" anti-signal")
                    .append(occurrences == 1 ? "" : "s")
                    .append(" × ")
                    .append(content.scoring().penaltyPerAntiSignal())
                    .append(" = −")
                    .append(penalty);
        }
        text.append("; phase score ").append(plain(score));
        if (markerPoints.subtract(BigDecimal.valueOf(penalty)).signum() < 0) {
            text.append(" (never below 0)");
        }
        return text.append('.').toString();
    }

    private static String explainOverall(List<PhaseScore> phases, int overall) {
        if (phases.isEmpty()) {
            return "The rubric has no phase to score.";
        }
        String sum = phases.stream().map(p -> plain(p.score())).collect(Collectors.joining(" + "));
        BigDecimal mean = phases.stream()
                .map(PhaseScore::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(phases.size()), 2, RoundingMode.HALF_UP);
        return "Mean of " + phases.size() + " phase scores: (" + sum + ") / " + phases.size() + " ≈ " + plain(mean)
                + ", rounded half up to " + overall + ".";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
