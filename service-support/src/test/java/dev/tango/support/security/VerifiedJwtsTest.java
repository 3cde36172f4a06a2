package dev.tango.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedJwtsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    /** Time for both the cache (ticker) and the expiry checks (clock), moved by the test. */
    private final AtomicLong nanos = new AtomicLong();

    private final List<String> verifications = new ArrayList<>();

    /** Verifies "good-*" tokens, expiring 5 minutes after the test's start; refuses everything else. */
    private final ReactiveJwtDecoder nimbus = token -> {
        verifications.add(token);
        if (!token.startsWith("good-")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("user-" + token)
                .issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(5)))
                .build());
    };

    private final VerifiedJwts decoder = new VerifiedJwts(nimbus, 100, clock(), nanos::get);

    @Test
    void aTokenIsVerifiedOnceAndThenKnownByItsText() {
        Jwt first = decoder.decode("good-a").block();
        Jwt again = decoder.decode("good-a").block();
        decoder.decode("good-b").block();

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-a", "good-b");
    }

    @Test
    void aKeptTokenIsVerifiedAgainOnceItHasExpired() {
        decoder.decode("good-a").block();
        advance(Duration.ofMinutes(4));
        decoder.decode("good-a").block();
        assertThat(verifications).containsExactly("good-a");

        advance(Duration.ofMinutes(1).plusSeconds(1));
        decoder.decode("good-a").block();
        assertThat(verifications).containsExactly("good-a", "good-a");
    }

    @Test
    void aRefusedTokenIsCheckedInFullEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> decoder.decode("forged").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).containsExactly("forged", "forged", "forged");
    }

    @Test
    void aTokenThatExpiresWhileKeptIsNotAnsweredEvenIfTheCacheStillHoldsIt() {
        // A ticker that stands still: only the clock says the token has expired.
        VerifiedJwts frozenCache = new VerifiedJwts(nimbus, 100, clock(), Ticker.disabledTicker());
        frozenCache.decode("good-a").block();
        advance(Duration.ofMinutes(6));

        frozenCache.decode("good-a").block();

        assertThat(verifications).containsExactly("good-a", "good-a");
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return NOW.plusNanos(nanos.get());
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
    }
}
