package dev.tango.gateway.token;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.Users;
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
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues, checks and revokes API tokens ({@code tango_pat_<32 random bytes, base64url>}): client tokens with a role of
 * their own, and personal tokens that act as a user (see {@link ApiToken}).
 */
@Service
public class ApiTokenService {

    public static final String PREFIX = "tango_pat_";
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);

    private static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 6;

    private final ApiTokens tokens;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokens tokens, Users users, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** A client token: an API client of its own with this role and these programs. */
    public Mono<IssuedToken> issue(
            String name, Role role, Set<ProgramId> programs, Instant expiresAt, String issuedBy) {
        return mint(name, null, role, programs, expiresAt, issuedBy);
    }

    /** A personal token acting as {@code user}, who must exist and be active. */
    public Mono<IssuedToken> issuePersonal(String name, UserId user, Instant expiresAt, String issuedBy) {
        return users.findById(user)
                .filter(User::active)
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("user", "no active user with this id")))
                .flatMap(found -> mint(name, found.id(), null, Set.of(), expiresAt, issuedBy));
    }

    private Mono<IssuedToken> mint(
            String name, UserId user, Role role, Set<ProgramId> programs, Instant expiresAt, String issuedBy) {
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
        ApiToken token = new ApiToken(id, hash(plaintext), name, user, role, programs, issuedBy, now, expiry, null);
        return tokens.insert(token).map(saved -> new IssuedToken(saved, plaintext));
    }

    /** The token behind a presented plaintext, if it is known, not revoked and not expired. */
    public Mono<ApiToken> authenticate(String plaintext) {
        if (plaintext == null || !plaintext.startsWith(PREFIX) || plaintext.length() > 128) {
            return Mono.empty();
        }
        return tokens.findByHash(hash(plaintext)).filter(token -> token.usableAt(clock.instant()));
    }

    /**
     * The user a usable personal token acts as, read now: empty when the user is unknown or deactivated, so their
     * tokens stop working with them.
     */
    public Mono<User> activeUserOf(ApiToken token) {
        return users.findById(token.user()).filter(User::active);
    }

    public Flux<ApiToken> list() {
        return tokens.findAll();
    }

    /** The personal tokens of one user, newest first. */
    public Flux<ApiToken> listOf(UserId user) {
        return tokens.findByUser(user);
    }

    public Mono<ApiToken> revoke(String id) {
        return revoke(id, token -> true);
    }

    /** Revokes one of the user's own personal tokens; another's token is "not found", as if it did not exist. */
    public Mono<ApiToken> revokeOwn(UserId user, String id) {
        return revoke(id, token -> user.equals(token.user()));
    }

    private Mono<ApiToken> revoke(String id, Predicate<ApiToken> allowed) {
        return tokens.findById(id)
                .filter(allowed)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Token", id)))
                .map(token -> token.revoke(clock.instant()))
                .flatMap(tokens::update)
                .doOnNext(token -> events.publishEvent(new ApiTokenRevoked(token)));
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
