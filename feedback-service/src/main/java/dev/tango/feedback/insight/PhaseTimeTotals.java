package dev.tango.feedback.insight;

import dev.tango.events.Phase;
import dev.tango.feedback.dashboard.SessionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Time per phase summed over ended sessions, and how many: enough for the mean time in each phase (a phase not
 * entered counting 0) without holding the sessions.
 */
public record PhaseTimeTotals(long endedSessions, Map<Phase, Long> totalMs) {

    public static final PhaseTimeTotals NONE = new PhaseTimeTotals(0, Map.of());

    public PhaseTimeTotals {
        totalMs = Map.copyOf(totalMs);
    }

    /** The totals of the ended sessions among {@code sessions}. */
    public static PhaseTimeTotals of(Collection<SessionInsight> sessions) {
        PhaseTimeTotals totals = NONE;
        for (SessionInsight session : sessions) {
            if (session.status() == SessionStatus.ENDED) {
                totals = totals.plusEnded(session.timeInPhaseMs());
            }
        }
        return totals;
    }

    /** These totals with one more ended session that spent {@code timeInPhaseMs}. */
    public PhaseTimeTotals plusEnded(Map<Phase, Long> timeInPhaseMs) {
        Map<Phase, Long> sum = new EnumMap<>(Phase.class);
        sum.putAll(totalMs);
        if (timeInPhaseMs != null) {
            timeInPhaseMs.forEach((phase, ms) -> sum.merge(phase, ms == null ? 0L : ms, Long::sum));
        }
        return new PhaseTimeTotals(endedSessions + 1, sum);
    }

    public PhaseTimeTotals plus(PhaseTimeTotals other) {
        Map<Phase, Long> sum = new EnumMap<>(Phase.class);
        sum.putAll(totalMs);
        other.totalMs.forEach((phase, ms) -> sum.merge(phase, ms, Long::sum));
        return new PhaseTimeTotals(endedSessions + other.endedSessions, sum);
    }

    /** Mean time in {@code phase} in whole milliseconds, half up; {@code null} without ended sessions. */
    public Long averageMs(Phase phase) {
        if (endedSessions == 0) {
            return null;
        }
        return BigDecimal.valueOf(totalMs.getOrDefault(phase, 0L))
                .divide(BigDecimal.valueOf(endedSessions), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
