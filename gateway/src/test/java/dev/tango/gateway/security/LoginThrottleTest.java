package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle =
            new LoginThrottle(new LoginProperties(3, Duration.ofMinutes(15), 5, Duration.ofMinutes(10), 100));

    @Test
    void throttlesAnAccountAfterItsFailureLimit() {
        for (int i = 0; i < 2; i++) {
            throttle.recordFailure("ana@x", "10.0.0." + i);
        }
        assertThat(throttle.waitBeforeAttempt("ana@x", "10.0.0.9")).isZero();

        throttle.recordFailure("ana@x", "10.0.0.3");

        assertThat(throttle.waitBeforeAttempt("ana@x", "10.0.0.9"))
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitBeforeAttempt("ben@x", "10.0.0.9")).isZero();
    }

    @Test
    void throttlesAnAddressAfterItsFailureLimitWhateverTheAccount() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("user" + i + "@x", "10.9.9.9");
        }
        assertThat(throttle.waitBeforeAttempt("someone-else@x", "10.9.9.9")).isPositive();
        assertThat(throttle.waitBeforeAttempt("someone-else@x", "10.9.9.8")).isZero();
    }

    @Test
    void aSuccessForgivesTheAccountButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("cai@x", "10.1.1.1");
        }
        throttle.recordSuccess("cai@x");
        assertThat(throttle.waitBeforeAttempt("cai@x", "10.2.2.2")).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyUsedEntriesBeyondItsBound() {
        LoginThrottle small =
                new LoginThrottle(new LoginProperties(1, Duration.ofMinutes(15), 100, Duration.ofMinutes(15), 2));
        small.recordFailure("a@x", "1.1.1.1");
        small.recordFailure("b@x", "1.1.1.1");
        small.recordFailure("c@x", "1.1.1.1");
        assertThat(small.waitBeforeAttempt("a@x", "2.2.2.2")).isZero();
        assertThat(small.waitBeforeAttempt("c@x", "2.2.2.2")).isPositive();
    }
}
