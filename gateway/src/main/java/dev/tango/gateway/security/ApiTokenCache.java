package dev.tango.gateway.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.tango.events.UserId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.token.ApiTokenRevoked;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The API tokens and the users of personal tokens, as read for authentication, kept for {@code
 * tango.security.api-token-cache-ttl} (5 s): without it every request with a bearer token cost two MongoDB reads by
 * {@code _id} (the token, then its user), the largest share of the gateway's work per API call.
 *
 * <p>Nothing here can outlive a change made through this gateway: a revoked token ({@link ApiTokenRevoked}) and a
 * changed or deactivated user ({@link UserChanged}) are dropped from the cache before the change is answered, and a
 * read still in flight is dropped with them (an {@link AsyncCache} entry is its future). Expiry is checked on every
 * request, and a deactivated user is never kept. Unknown tokens are not kept either, so a newly issued token works at
 * once. Another gateway instance sees such a change within the TTL.
 */
@Component
class ApiTokenCache {

    private static final long MAX_ENTRIES = 50_000;

    private final ApiTokenService tokens;
    private final AsyncCache<String, ApiToken> tokensByHash;
    private final AsyncCache<UserId, User> activeUsers;

    ApiTokenCache(
            ApiTokenService tokens,
            MeterRegistry meters,
            @Value("${tango.security.api-token-cache-ttl:5s}") Duration ttl) {
        this.tokens = tokens;
        this.tokensByHash = CaffeineCacheMetrics.monitor(meters, cache(ttl), "tango.gateway.api-tokens");
        this.activeUsers = CaffeineCacheMetrics.monitor(meters, cache(ttl), "tango.gateway.token-users");
    }

    /** The token behind a presented plaintext, if it is known, not revoked and not expired now. */
    Mono<ApiToken> authenticate(String plaintext) {
        if (plaintext == null || !plaintext.startsWith(ApiTokenService.PREFIX) || plaintext.length() > 128) {
            return Mono.empty();
        }
        return cached(tokensByHash, ApiTokenService.hash(plaintext), () -> tokens.authenticate(plaintext))
                .filter(token -> token.usableAt(tokens.now()));
    }

    /** The user a personal token acts as, if they exist and are active. */
    Mono<User> activeUserOf(ApiToken token) {
        return cached(activeUsers, token.user(), () -> tokens.activeUserOf(token));
    }

    @EventListener
    void forget(ApiTokenRevoked event) {
        tokensByHash.synchronous().invalidate(event.token().hash());
    }

    @EventListener
    void forget(UserChanged event) {
        activeUsers.synchronous().invalidate(event.userId());
    }

    private static <K, V> Mono<V> cached(AsyncCache<K, V> cache, K key, Supplier<Mono<V>> read) {
        // An empty read completes with null, which the cache does not keep; neither does it keep a failed read.
        CompletableFuture<V> value = cache.get(key, (k, executor) -> read.get().toFuture());
        // A caller that goes away must not cancel the read that other callers share.
        return Mono.fromFuture(value, true);
    }

    private static <K, V> AsyncCache<K, V> cache(Duration ttl) {
        return Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .recordStats()
                .buildAsync();
    }
}
