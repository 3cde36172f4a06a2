package dev.tango.feedback.insight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.Phase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseTimeTotalsTest {

    @Test
    void averagesOverEndedSessionsCountingAPhaseNotEnteredAsZeroHalfUp() {
        PhaseTimeTotals totals = PhaseTimeTotals.NONE
                .plusEnded(Map.of(Phase.OPENING, 1_000L, Phase.EXPLORING, 3_001L))
                .plusEnded(Map.of(Phase.OPENING, 2_000L));

        assertThat(totals.endedSessions()).isEqualTo(2);
        assertThat(totals.averageMs(Phase.OPENING)).isEqualTo(1_500L);
        // 3001 / 2 = 1500.5, half up; the second session never explored and counts 0.
        assertThat(totals.averageMs(Phase.EXPLORING)).isEqualTo(1_501L);
        assertThat(totals.averageMs(Phase.CLOSING)).isZero();
    }

    @Test
    void hasNoAverageWithoutEndedSessions() {
        assertThat(PhaseTimeTotals.NONE.averageMs(Phase.OPENING)).isNull();
    }

    @Test
    void totalsOfTwoProgramsAverageOverTheirSessionsTogether() {
        PhaseTimeTotals one = PhaseTimeTotals.NONE.plusEnded(Map.of(Phase.OPENING, 1_000L));
        PhaseTimeTotals two =
                PhaseTimeTotals.NONE.plusEnded(Map.of(Phase.OPENING, 4_000L)).plusEnded(Map.of(Phase.OPENING, 4_000L));

        PhaseTimeTotals both = one.plus(two);

        assertThat(both.endedSessions()).isEqualTo(3);
        assertThat(both.averageMs(Phase.OPENING)).isEqualTo(3_000L);
    }
}
