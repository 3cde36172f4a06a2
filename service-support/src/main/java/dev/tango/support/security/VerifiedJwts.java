package dev.tango.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that verifies a token once and then knows it by its exact text until it expires.
 *
 * <p>The gateway hands out one service token per caller and reuses it until shortly before it expires, so a service
 * sees the same token text on request after request. Verifying it every time was about a sixth of feedback-service's
 * CPU under load and a tenth of session-service's (JFR in the full benchmark: Nimbus's constant-time Base64 decoding
 * and the RS256 signature check, BENCHMARKS.md). A token that verified once verifies again until its {@code exp}, so
 * it is kept until then and no longer (the decoder's own validators allow 60 s of clock skew after {@code exp}; this
 * cache allows none). Only tokens that verified are kept: a refused or malformed token is checked in full every time.
 * The key is the whole token text, so a token changed by one character is a different key and is verified.
 */
public final class VerifiedJwts implements ReactiveJwtDecoder {

    /** The cache's name in the {@code cache_*} metrics. */
    public static final String CACHE = "tango.security.verified-jwts";

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedJwts(ReactiveJwtDecoder delegate, long maxTokens, Clock clock, Ticker ticker) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfter(new UntilExpiry())
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /** Binds hits, misses, evictions and size to Micrometer as {@value #CACHE}. */
    public VerifiedJwts monitoredBy(MeterRegistry meters) {
        CaffeineCacheMetrics.monitor(meters, verified, CACHE);
        return this;
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
                verified.put(token, jwt);
            }
        });
    }

    /** Each token is kept until its own {@code exp}, measured from now on the cache's ticker. */
    private final class UntilExpiry implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            return Math.max(
                    0, Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
