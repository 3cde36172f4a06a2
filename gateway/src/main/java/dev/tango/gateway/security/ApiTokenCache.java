package dev.tango.gateway.security;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tango.events.UserId;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.token.ApiTokenRevoked;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * API tokens (by hash) and the users of personal tokens, as read for authentication, kept for {@code
 * tango.security.api-token-cache-ttl} (5 s): without it every bearer request read MongoDB twice by {@code _id} (the
 * token, then its user), the largest share of the gateway's CPU per API call.
 *
 * <p>What is kept is the stored record whatever its state, and the state is checked at every use: a token's expiry
 * and revocation, a user's active flag. A revocation ({@link ApiTokenRevoked}) and any change of a user ({@link
 * UserChanged}) made through this gateway drop the entry before the change is answered, and a read in flight at that
 * moment is not kept ({@link RecentReads}). Another gateway instance learns of such a change only when its entry
 * expires, within the TTL.
 *
 * <p>An unknown hash is kept too (as empty), so that a client repeating an unknown token costs one read per TTL, not
 * one per request. That cannot hide a token issued later: a token's plaintext is 32 random bytes, made and stored
 * before anyone can present it, so nobody can have presented it while it was unknown. A user that does not exist is
 * not kept (a personal token is only issued for an existing user, and users are never deleted).
 */
@Component
class ApiTokenCache {

    static final String TOKENS = "gateway.api-tokens";
    static final String USERS = "gateway.api-token-users";

    private static final long MAX_ENTRIES = 10_000;

    private final ApiTokenService tokens;
    private final RecentReads<String, Optional<ApiToken>> tokensByHash;
    private final RecentReads<UserId, User> users;

    ApiTokenCache(
            ApiTokenService tokens,
            MeterRegistry meters,
            @Value("${tango.security.api-token-cache-ttl:5s}") Duration ttl) {
        Ticker ticker = Ticker.systemTicker();
        this.tokens = tokens;
        this.tokensByHash = RecentReads.<String, Optional<ApiToken>>keptFor(ttl, MAX_ENTRIES, ticker)
                .monitoredBy(meters, TOKENS);
        this.users = RecentReads.<UserId, User>keptFor(ttl, MAX_ENTRIES, ticker).monitoredBy(meters, USERS);
    }

    /** The token behind a presented plaintext, if it is known, not revoked and not expired now. */
    Mono<ApiToken> authenticate(String plaintext) {
        if (!ApiTokenService.wellFormed(plaintext)) {
            return Mono.empty();
        }
        return tokensByHash
                .get(
                        ApiTokenService.hash(plaintext),
                        hash -> tokens.findByHash(hash).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(Mono::justOrEmpty)
                .filter(token -> token.usableAt(tokens.now()));
    }

    /** The user a personal token acts as, if they exist and are active now. */
    Mono<User> activeUserOf(ApiToken token) {
        return users.get(token.user(), user -> tokens.userOf(token)).filter(User::active);
    }

    @EventListener
    void forget(ApiTokenRevoked event) {
        tokensByHash.invalidate(event.token().hash());
    }

    @EventListener
    void forget(UserChanged event) {
        users.invalidate(event.userId());
    }
}
