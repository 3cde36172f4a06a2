package dev.tango.gateway.token;

import dev.tango.events.ProgramId;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import dev.tango.gateway.user.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Issues, checks and revokes API client tokens ({@code tango_pat_<32 random bytes, base64url>}). */
@Service
public class ApiTokenService {

    public static final String PREFIX = "tango_pat_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 6;

    private final ApiTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokens tokens, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    public Mono<IssuedToken> issue(
            String name, Role role, Set<ProgramId> programs, Instant expiresAt, String issuedBy) {
        Instant now = clock.instant();
        Instant expiry = expiresAt != null ? expiresAt : now.plus(DEFAULT_LIFETIME);
        if (!expiry.isAfter(now)) {
            return Mono.error(new InvalidRequestException("expiresAt", "must be in the future"));
        }
        if (expiry.isAfter(now.plus(MAX_LIFETIME))) {
            return Mono.error(new InvalidRequestException("expiresAt", "at most one year from now"));
        }
        String plaintext = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
        String id = HexFormat.of().formatHex(randomBytes(ID_BYTES));
        ApiToken token = new ApiToken(id, hash(plaintext), name, role, programs, issuedBy, now, expiry, null);
        return tokens.insert(token).map(saved -> new IssuedToken(saved, plaintext));
    }

    /** The token behind a presented plaintext, if it is known, not revoked and not expired. */
    public Mono<ApiToken> authenticate(String plaintext) {
        if (plaintext == null || !plaintext.startsWith(PREFIX) || plaintext.length() > 128) {
            return Mono.empty();
        }
        return tokens.findByHash(hash(plaintext)).filter(token -> token.usableAt(clock.instant()));
    }

    public Flux<ApiToken> list() {
        return tokens.findAll();
    }

    public Mono<ApiToken> revoke(String id) {
        return tokens.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Token", id)))
                .map(token -> token.revoke(clock.instant()))
                .flatMap(tokens::update)
                .doOnNext(token -> events.publishEvent(new ApiTokenRevoked(token.subject())));
    }

    public Instant now() {
        return clock.instant();
    }

    public static String hash(String plaintext) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
