package dev.tango.gateway.user;

import dev.tango.events.UserId;
import dev.tango.gateway.problem.ConflictException;
import dev.tango.gateway.problem.InvalidRequestException;
import dev.tango.gateway.problem.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Creating, changing and deactivating users. Passwords are hashed off the event loop (bcrypt is slow on purpose). */
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

    public Flux<User> list() {
        return users.findAll();
    }

    public Mono<User> get(UserId id) {
        return users.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("User", id)));
    }

    public Mono<User> create(NewUser command) {
        List<InvalidRequestException.FieldViolation> violations = new ArrayList<>();
        checkName(command.displayName(), violations);
        checkEmail(command.email(), violations);
        checkPassword(command.password(), violations);
        if (command.roles() == null || command.roles().isEmpty()) {
            violations.add(new InvalidRequestException.FieldViolation("roles", "at least one role is required"));
        }
        checkPrograms(command, violations);
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidRequestException(violations));
        }
        UserId id = command.id() != null ? command.id() : UserId.newId();
        return hash(command.password())
                .map(hash -> User.register(
                        id,
                        command.displayName().trim(),
                        command.email(),
                        command.roles(),
                        command.programs() == null ? java.util.Set.of() : command.programs(),
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

    public Mono<User> update(UserId id, UserChanges changes) {
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
        Mono<String> newHash = changes.password() == null ? Mono.just("") : hash(changes.password());
        return get(id).zipWith(newHash, (user, hash) -> {
                    var now = clock.instant();
                    User changed = user.changeProfile(
                            changes.displayName() != null
                                    ? changes.displayName().trim()
                                    : user.displayName(),
                            changes.roles() != null ? changes.roles() : user.roles(),
                            changes.programs() != null ? changes.programs() : user.programs(),
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
                })
                .flatMap(users::update)
                .onErrorMap(
                        Users.EmailAlreadyUsedException.class,
                        e -> new ConflictException("Email in use", e.getMessage()))
                .doOnNext(user -> events.publishEvent(new UserChanged(user.id())));
    }

    /** A deactivated user can no longer sign in, and the gateway mints no new service tokens for them. */
    public Mono<User> deactivate(UserId id) {
        return get(id).map(user -> user.deactivate(clock.instant()))
                .flatMap(users::update)
                .doOnNext(user -> events.publishEvent(new UserChanged(user.id())));
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
