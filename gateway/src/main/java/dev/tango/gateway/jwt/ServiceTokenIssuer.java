package dev.tango.gateway.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.security.TangoPrincipal;
import dev.tango.gateway.token.ApiToken;
import dev.tango.gateway.token.ApiTokenRevoked;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanged;
import dev.tango.gateway.user.Users;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Signs the RS256 bearer JWT the services receive. One signature costs about 1.6 ms of CPU, so each caller's token is
 * cached and reused until {@code token-refresh-before} ahead of its expiry. When a cached token must be replaced, a
 * signed-in user is read again, so a deactivated user gets no new token and changed roles apply; a change to a user
 * or a revoked API token also drops the cached token at once.
 */
@Service
public class ServiceTokenIssuer {

    private static final int MAX_CACHED = 50_000;

    private final ServiceTokenProperties properties;
    private final SigningKey signingKey;
    private final JwtEncoder encoder;
    private final Users users;
    private final Clock clock;
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();
    private final Counter minted;
    private final Counter reused;

    public ServiceTokenIssuer(
            ServiceTokenProperties properties, SigningKey signingKey, Users users, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.signingKey = signingKey;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey.privateKey())));
        this.users = users;
        this.clock = clock;
        this.minted = Counter.builder("tango.gateway.service.tokens")
                .description("Service tokens handed out, by whether they were signed now or reused from the cache")
                .tag("outcome", "minted")
                .register(meters);
        this.reused = Counter.builder("tango.gateway.service.tokens")
                .description("Service tokens handed out, by whether they were signed now or reused from the cache")
                .tag("outcome", "reused")
                .register(meters);
    }

    /** A valid bearer JWT for this caller, reused while it has more than {@code token-refresh-before} left. */
    public Mono<String> tokenFor(TangoPrincipal principal) {
        String key = cacheKey(principal);
        CachedToken cached = cache.get(key);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.refreshAt())) {
            reused.increment();
            return Mono.just(cached.token());
        }
        return current(principal).map(fresh -> {
            CachedToken token = mint(fresh, clock.instant());
            if (cache.size() >= MAX_CACHED) {
                Instant at = clock.instant();
                cache.values().removeIf(entry -> !at.isBefore(entry.refreshAt()));
            }
            cache.put(key, token);
            minted.increment();
            return token.token();
        });
    }

    @EventListener
    void forget(UserChanged event) {
        String user = event.userId().value();
        cache.remove(cacheKey(TangoPrincipal.Kind.USER, user));
        String personalTokens = cacheKey(TangoPrincipal.Kind.USER_TOKEN, user) + "@";
        cache.keySet().removeIf(key -> key.startsWith(personalTokens));
    }

    @EventListener
    void forget(ApiTokenRevoked event) {
        ApiToken token = event.token();
        cache.remove(
                token.personal()
                        ? personalTokenKey(token.subject(), token.expiresAt())
                        : cacheKey(TangoPrincipal.Kind.API_CLIENT, token.subject()));
    }

    private Mono<TangoPrincipal> current(TangoPrincipal principal) {
        if (principal.kind() != TangoPrincipal.Kind.USER && principal.kind() != TangoPrincipal.Kind.USER_TOKEN) {
            return Mono.just(principal);
        }
        return users.findById(UserId.of(principal.subject()))
                .filter(User::active)
                .map(user -> principal.kind() == TangoPrincipal.Kind.USER
                        ? TangoPrincipal.of(user)
                        : new TangoPrincipal(
                                user.id().value(),
                                user.displayName(),
                                user.roles(),
                                user.programs(),
                                TangoPrincipal.Kind.USER_TOKEN,
                                principal.notAfter()))
                .switchIfEmpty(Mono.error(() -> new NoServiceTokenException(
                        "User " + principal.subject() + " is deactivated or unknown: no service token.")));
    }

    private CachedToken mint(TangoPrincipal principal, Instant now) {
        Instant expiresAt = now.plus(properties.tokenLifetime());
        if (principal.notAfter() != null && principal.notAfter().isBefore(expiresAt)) {
            expiresAt = principal.notAfter();
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(principal.subject())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(
                        "roles",
                        // PLATFORM_ADMIN is the gateway's alone: the services see an ADMIN of the user's programs.
                        principal.roles().stream()
                                .filter(Role::forwarded)
                                .sorted()
                                .map(Enum::name)
                                .toList())
                .claim(
                        "programs",
                        principal.programs().stream()
                                .map(ProgramId::value)
                                .sorted()
                                .toList())
                .claim("name", principal.displayName())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(signingKey.keyId())
                .type("JWT")
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        Instant refreshAt = expiresAt.minus(properties.tokenRefreshBefore());
        return new CachedToken(token, refreshAt);
    }

    /**
     * One entry per caller. A user's personal tokens are told apart by their expiry, which caps the JWT: two tokens of
     * one user with the very same expiry would share an entry, which is harmless (same user, same cap).
     */
    private static String cacheKey(TangoPrincipal principal) {
        return principal.kind() == TangoPrincipal.Kind.USER_TOKEN
                ? personalTokenKey(principal.subject(), principal.notAfter())
                : cacheKey(principal.kind(), principal.subject());
    }

    private static String personalTokenKey(String user, Instant notAfter) {
        return cacheKey(TangoPrincipal.Kind.USER_TOKEN, user) + "@" + notAfter;
    }

    private static String cacheKey(TangoPrincipal.Kind kind, String subject) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + subject;
    }

    private record CachedToken(String token, Instant refreshAt) {}
}
