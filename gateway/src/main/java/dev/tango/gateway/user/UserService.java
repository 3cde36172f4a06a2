package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.problem.ConflictException;
import dev.tango.gateway.problem.ForbiddenException;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creating, changing and deactivating users, each within the caller's {@link AdminScope}. Passwords are hashed off the
 * event loop (bcrypt is slow on purpose).
 */
@Service
public class UserService {

    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;
    public static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    public static final int MAX_PROGRAMS = 50;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public UserService(Users users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** The users the admin sees, see {@link AdminScope}. */
    public Flux<User> list(AdminScope scope) {
        return users.findAll().filter(scope::sees);
    }

    /** A user the admin sees; any other answers "not found", as if it did not exist. */
    public Mono<User> get(AdminScope scope, UserId id) {
        return users.findById(id)
                .filter(scope::sees)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("User", id)));
    }

    public Mono<User> create(AdminScope scope, NewUser command) {
        List<InvalidRequestException.FieldViolation> violations = new ArrayList<>();
        checkName(command.displayName(), violations);
        checkEmail(command.email(), violations);
        checkPassword(command.password(), violations);
        if (command.roles() == null || command.roles().isEmpty()) {
            violations.add(new InvalidRequestException.FieldViolation("roles", "at least one role is required"));
        } else {
            checkPlatformAdminIsAdmin(command.roles(), violations);
        }
        checkPrograms(command, violations);
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidRequestException(violations));
        }
        Set<ProgramId> programs = command.programs() == null ? Set.of() : command.programs();
        ForbiddenException refused = refusedGrant(scope, command.roles(), programs);
        if (refused != null) {
            return Mono.error(refused);
        }
        UserId id = command.id() != null ? command.id() : UserId.newId();
        return hash(command.password())
                .map(hash -> User.register(
                        id,
                        command.displayName().trim(),
                        command.email(),
                        command.roles(),
                        programs,
                        hash,
                        clock.instant()))
                .flatMap(users::insert)
                .onErrorMap(
                        Users.EmailAlreadyUsedException.class,
                        e -> new ConflictException("Email in use", e.getMessage()))
                .onErrorMap(
                        Users.UserIdAlreadyUsedException.class,
                        e -> new ConflictException("Id in use", e.getMessage()));
    }

    /**
     * Changes a user the admin manages. One the admin does not see is "not found"; one they see but do not manage (also
     * in another program, or a platform admin), or a change that would grant what is not theirs, is forbidden.
     */
    public Mono<User> update(AdminScope scope, UserId id, UserChanges changes) {
        List<InvalidRequestException.FieldViolation> violations = new ArrayList<>();
        if (changes.displayName() != null) {
            checkName(changes.displayName(), violations);
        }
        if (changes.email() != null) {
            checkEmail(changes.email(), violations);
        }
        if (changes.password() != null) {
            checkPassword(changes.password(), violations);
        }
        if (changes.roles() != null && changes.roles().isEmpty()) {
            violations.add(new InvalidRequestException.FieldViolation("roles", "at least one role is required"));
        }
        if (changes.programs() != null && changes.programs().size() > MAX_PROGRAMS) {
            violations.add(
                    new InvalidRequestException.FieldViolation("programs", "at most " + MAX_PROGRAMS + " programs"));
        }
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidRequestException(violations));
        }
        return managed(scope, id)
                .flatMap(user -> {
                    Set<Role> roles = changes.roles() != null ? changes.roles() : user.roles();
                    Set<ProgramId> programs = changes.programs() != null ? changes.programs() : user.programs();
                    List<InvalidRequestException.FieldViolation> roleViolations = new ArrayList<>();
                    checkPlatformAdminIsAdmin(roles, roleViolations);
                    if (!roleViolations.isEmpty()) {
                        return Mono.error(new InvalidRequestException(roleViolations));
                    }
                    ForbiddenException refused = refusedGrant(scope, roles, programs);
                    if (refused != null) {
                        return Mono.error(refused);
                    }
                    Mono<String> newHash = changes.password() == null ? Mono.just("") : hash(changes.password());
                    return newHash.map(hash -> {
                        var now = clock.instant();
                        User changed = user.changeProfile(
                                changes.displayName() != null
                                        ? changes.displayName().trim()
                                        : user.displayName(),
                                roles,
                                programs,
                                now);
                        if (changes.email() != null) {
                            changed = changed.changeEmail(changes.email(), now);
                        }
                        if (!hash.isEmpty()) {
                            changed = changed.changePassword(hash, now);
                        }
                        if (Boolean.FALSE.equals(changes.active())) {
                            changed = changed.deactivate(now);
                        } else if (Boolean.TRUE.equals(changes.active())) {
                            changed = changed.reactivate(now);
                        }
                        return changed;
                    });
                })
                .flatMap(users::update)
                .onErrorMap(
                        Users.EmailAlreadyUsedException.class,
                        e -> new ConflictException("Email in use", e.getMessage()))
                .doOnNext(user -> events.publishEvent(new UserChanged(user.id())));
    }

    /**
     * A deactivated user can no longer sign in, and the gateway mints no new service tokens for them. Only a user the
     * admin manages (as {@link #update}).
     */
    public Mono<User> deactivate(AdminScope scope, UserId id) {
        return managed(scope, id)
                .map(user -> user.deactivate(clock.instant()))
                .flatMap(users::update)
                .doOnNext(user -> events.publishEvent(new UserChanged(user.id())));
    }

    /** A user the admin manages: "not found" if they do not see it, forbidden if they see but do not manage it. */
    private Mono<User> managed(AdminScope scope, UserId id) {
        return get(scope, id).flatMap(user -> scope.manages(user) ? Mono.just(user) : Mono.error(notTheirs(user)));
    }

    private static ForbiddenException notTheirs(User user) {
        return new ForbiddenException(
                null,
                "User " + user.id()
                        + (user.hasRole(Role.PLATFORM_ADMIN)
                                ? " is a platform admin"
                                : " is also in" + " programs that are not yours")
                        + ": only a platform admin can change them.");
    }

    /** Why the admin may not give a user these roles and programs, or null if they may. */
    private static ForbiddenException refusedGrant(AdminScope scope, Set<Role> roles, Set<ProgramId> programs) {
        if (scope.grants(roles, programs)) {
            return null;
        }
        if (roles.contains(Role.PLATFORM_ADMIN) && !scope.platform()) {
            return new ForbiddenException("roles", "Only a platform admin can grant PLATFORM_ADMIN.");
        }
        return new ForbiddenException(
                "programs",
                programs.isEmpty()
                        ? "A user you manage must be in at least one of your programs."
                        : "You can only give users your own programs ("
                                + scope.programs().stream()
                                        .map(ProgramId::value)
                                        .sorted()
                                        .collect(Collectors.joining(", "))
                                + ").");
    }

    private static void checkPlatformAdminIsAdmin(
            Set<Role> roles, List<InvalidRequestException.FieldViolation> violations) {
        if (roles.contains(Role.PLATFORM_ADMIN) && !roles.contains(Role.ADMIN)) {
            violations.add(
                    new InvalidRequestException.FieldViolation("roles", "PLATFORM_ADMIN is held together with ADMIN"));
        }
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> passwordEncoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static void checkName(String name, List<InvalidRequestException.FieldViolation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new InvalidRequestException.FieldViolation("displayName", "must not be blank"));
        } else if (name.length() > MAX_NAME) {
            violations.add(
                    new InvalidRequestException.FieldViolation("displayName", "at most " + MAX_NAME + " characters"));
        }
    }

    private static void checkEmail(String email, List<InvalidRequestException.FieldViolation> violations) {
        if (email == null || email.isBlank()) {
            violations.add(new InvalidRequestException.FieldViolation("email", "must not be blank"));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email.trim()).matches()) {
            violations.add(new InvalidRequestException.FieldViolation("email", "must be a valid email address"));
        }
    }

    private static void checkPassword(String password, List<InvalidRequestException.FieldViolation> violations) {
        if (password == null || password.length() < MIN_PASSWORD) {
            violations.add(
                    new InvalidRequestException.FieldViolation("password", "at least " + MIN_PASSWORD + " characters"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            violations.add(
                    new InvalidRequestException.FieldViolation("password", "at most " + MAX_PASSWORD_BYTES + " bytes"));
        }
    }

    private static void checkPrograms(NewUser command, List<InvalidRequestException.FieldViolation> violations) {
        if (command.programs() != null && command.programs().size() > MAX_PROGRAMS) {
            violations.add(
                    new InvalidRequestException.FieldViolation("programs", "at most " + MAX_PROGRAMS + " programs"));
        }
    }
}
