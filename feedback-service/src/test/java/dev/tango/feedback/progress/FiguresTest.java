package dev.tango.feedback.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void percentilesAreNearestRank() {
        List<Duration> values =
                List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));

        assertThat(Figures.percentile(values, 50)).isEqualTo(Duration.ofHours(2));
        assertThat(Figures.percentile(values, 90)).isEqualTo(Duration.ofHours(4));
        assertThat(Figures.percentile(List.of(Duration.ofMinutes(7)), 90)).isEqualTo(Duration.ofMinutes(7));
        assertThat(Figures.percentile(List.of(), 50)).isNull();
    }

    @Test
    void meansRoundHalfUp() {
        assertThat(Figures.mean(List.of(new BigDecimal("77.5"), new BigDecimal("100"), new BigDecimal("0.005"))))
                .contains(new BigDecimal("59.17"));
        assertThat(Figures.meanMs(List.of(1L, 2L))).isEqualTo(2L);
        assertThat(Figures.meanMs(List.of())).isNull();
    }

    @Test
    void theIsoWeekOfADay() {
        assertThat(ProgramMetrics.isoWeek(java.time.Instant.parse("2025-11-03T10:00:00Z")))
                .isEqualTo("2025-W45");
        assertThat(ProgramMetrics.isoWeek(java.time.Instant.parse("2027-01-01T10:00:00Z")))
                .isEqualTo("2026-W53");
    }
}
