package dev.tango.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BodyLimitsTest {

    private final BodyLimits limits =
            new BodyLimits(DataSize.ofKilobytes(256), Map.of("session-service", DataSize.ofMegabytes(2)));

    @Test
    void aNamedRouteHasItsOwnLimitAndEveryOtherTheDefault() {
        assertThat(limits.forRoute("session-service")).isEqualTo(2 * 1024 * 1024);
        assertThat(limits.forRoute("feedback-service")).isEqualTo(256 * 1024);
        assertThat(limits.forRoute(null)).isEqualTo(256 * 1024);
    }

    @Test
    void noRoutesMeansTheDefaultEverywhere() {
        assertThat(new BodyLimits(DataSize.ofKilobytes(1), null).forRoute("scoring-service"))
                .isEqualTo(1024);
    }

    @Test
    void refusesANegativeLimit() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BodyLimits(DataSize.ofBytes(-1), Map.of()));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BodyLimits(DataSize.ofKilobytes(1), Map.of("x", DataSize.ofBytes(-1))));
    }
}
