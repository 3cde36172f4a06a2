package dev.tango.feedback.progress;

import dev.tango.events.Phase;
import dev.tango.feedback.insight.Scorecard;
import dev.tango.feedback.insight.SessionInsight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How figures combine, in one place. Scores stay exact decimals; every rounding is half up and stated.
 *
 * <ul>
 *   <li>A session's overall score: the mean of its mentors' overall scores (each mentor's latest published revision),
 *       rounded half up to an integer.
 *   <li>A session's phase score: the mean of its mentors' scores for the phase, to two decimals.
 *   <li>An average of scores: to two decimals. An average of times: to whole milliseconds.
 *   <li>Percentiles: nearest rank (the smallest value with at least p% of the values at or below it).
 * </ul>
 */
public final class Figures {

    private Figures() {}

    public static Optional<Integer> overallScore(SessionInsight session) {
        List<Scorecard> cards = session.scorecards();
        if (cards.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = cards.stream()
                .map(card -> BigDecimal.valueOf(card.overallScore()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(cards.size()), 0, RoundingMode.HALF_UP)
                .intValueExact());
    }

    public static Optional<BigDecimal> phaseScore(SessionInsight session, Phase phase) {
        List<BigDecimal> scores = session.scorecards().stream()
                .flatMap(card -> card.phase(phase).stream())
                .map(p -> p.score())
                .toList();
        return mean(scores);
    }

    public static Optional<BigDecimal> mean(Collection<BigDecimal> values) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP));
    }

    public static Long meanMs(Collection<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal sum = values.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Nearest-rank percentile of durations; {@code null} for none. */
    public static Duration percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
