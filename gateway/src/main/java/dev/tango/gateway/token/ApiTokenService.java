package dev.tango.gateway.token;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.problem.ForbiddenException;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import dev.tango.gateway.user.AdminScope;
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
import java.util.function.Function;
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

    /**
     * A client token: an API client of its own with this role and these programs, which must be within the admin's
     * scope (a program admin: a non-empty subset of their programs). Never PLATFORM_ADMIN: that is a person's.
     */
    public Mono<IssuedToken> issue(
            AdminScope scope, String name, Role role, Set<ProgramId> programs, Instant expiresAt, String issuedBy) {
        if (!role.forwarded()) {
            return Mono.error(new InvalidRequestException(
                    "role", "a client token cannot be a platform admin: that is a person's"));
        }
        if (!scope.coversClient(programs)) {
            return Mono.error(new ForbiddenException(
                    "programs",
                    programs.isEmpty()
                            ? "A client token you issue must be for at least one of your programs."
                            : "You can only issue client tokens for your own programs."));
        }
        return mint(name, null, role, programs, expiresAt, issuedBy);
    }

    /**
     * A personal token acting as {@code user}, who must exist, be active and be managed by the admin. A user the admin
     * does not see is answered like one that does not exist; one they see but do not manage is forbidden.
     */
    public Mono<IssuedToken> issuePersonal(
            AdminScope scope, String name, UserId user, Instant expiresAt, String issuedBy) {
        return users.findById(user)
                .filter(User::active)
                .filter(scope::sees)
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("user", "no active user with this id")))
                .flatMap(found -> scope.manages(found)
                        ? mint(name, found.id(), null, Set.of(), expiresAt, issuedBy)
                        : Mono.error(new ForbiddenException(
                                "user",
                                "User " + found.id() + " is not yours to act as (a platform admin, or also in"
                                        + " programs that are not yours): only a platform admin can.")));
    }

    /** A personal token of a signed-in user for themselves ({@code /api/me/tokens}, the API tokens page). */
    public Mono<IssuedToken> issueOwn(String name, UserId user, Instant expiresAt) {
        return users.findById(user)
                .filter(User::active)
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException("user", "no active user with this id")))
                .flatMap(found -> mint(name, found.id(), null, Set.of(), expiresAt, user.value()));
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
        return !wellFormed(plaintext)
                ? Mono.empty()
                : findByHash(hash(plaintext)).filter(token -> token.usableAt(clock.instant()));
    }

    /** Whether a presented bearer value can be a token at all (anything else is refused without a read). */
    public static boolean wellFormed(String plaintext) {
        return plaintext != null && plaintext.startsWith(PREFIX) && plaintext.length() <= 128;
    }

    /** The stored token with this hash as it is, revoked or expired included: for a cache that checks it at each use. */
    public Mono<ApiToken> findByHash(String hash) {
        return tokens.findByHash(hash);
    }

    /**
     * The user a personal token acts as, as stored now, deactivated included: the caller checks {@link User#active()}
     * at each use, so a deactivated user's tokens stop working with them.
     */
    public Mono<User> userOf(ApiToken token) {
        return users.findById(token.user());
    }

    /** The tokens the admin manages, newest first. */
    public Flux<ApiToken> list(AdminScope scope) {
        return tokens.findAll().filterWhen(token -> manages(scope, token));
    }

    /** The personal tokens of one user, newest first. */
    public Flux<ApiToken> listOf(UserId user) {
        return tokens.findByUser(user);
    }

    /** Revokes a token the admin manages; any other is "not found", as if it did not exist. */
    public Mono<ApiToken> revoke(AdminScope scope, String id) {
        return revoke(id, token -> manages(scope, token));
    }

    /** Revokes one of the user's own personal tokens; another's token is "not found", as if it did not exist. */
    public Mono<ApiToken> revokeOwn(UserId user, String id) {
        return revoke(id, token -> Mono.just(user.equals(token.user())));
    }

    /**
     * Whether the admin manages the token: a client token for programs within their scope, or a personal token of a
     * user they manage (one read of the user by _id).
     */
    private Mono<Boolean> manages(AdminScope scope, ApiToken token) {
        if (scope.platform()) {
            return Mono.just(true);
        }
        if (!token.personal()) {
            return Mono.just(scope.coversClient(token.programs()));
        }
        return users.findById(token.user()).map(scope::manages).defaultIfEmpty(false);
    }

    private Mono<ApiToken> revoke(String id, Function<ApiToken, Mono<Boolean>> allowed) {
        return tokens.findById(id)
                .filterWhen(allowed)
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
