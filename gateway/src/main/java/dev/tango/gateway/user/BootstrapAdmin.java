package dev.tango.gateway.user;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.problem.ConflictException;
import dev.tango.gateway.problem.InvalidRequestException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the first admin of a deployment at startup, from {@link BootstrapAdminProperties}, if and only if no user
 * exists yet: later starts leave the users alone, so the settings can stay or go. Gateways starting together cannot
 * create two: the admin has the fixed id {@value #ID} and email is unique, so the second insert is refused and that
 * gateway just goes on. The password is hashed like every other ({@link UserService}) and never logged. It is a
 * platform admin ({@link Role#PLATFORM_ADMIN}): somebody has to create the first admin of each program.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BootstrapAdmin implements ApplicationRunner {

    public static final String ID = "admin";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminProperties properties;
    private final Users users;
    private final UserService userService;

    public BootstrapAdmin(BootstrapAdminProperties properties, Users users, UserService userService) {
        this.properties = properties;
        this.users = users;
        this.userService = userService;
    }

    /** Startup code: blocking here is fine, the gateway is not serving yet. */
    @Override
    public void run(ApplicationArguments args) {
        boolean anyUser = Boolean.TRUE.equals(users.findAll().hasElements().block(STARTUP_WAIT));
        if (!properties.configured()) {
            if (!anyUser) {
                log.warn("No user exists and no bootstrap admin is configured, so nobody can sign in with a password:"
                        + " set TANGO_BOOTSTRAP_ADMIN_EMAIL and TANGO_BOOTSTRAP_ADMIN_PASSWORD"
                        + " (tango.bootstrap-admin.email/.password) and restart");
            }
            return;
        }
        if (anyUser) {
            log.info("Users exist: the bootstrap admin ({}) is not created again", properties.email());
            return;
        }
        Set<ProgramId> programs =
                properties.programs().stream().map(ProgramId::of).collect(Collectors.toUnmodifiableSet());
        User created = userService
                .create(
                        AdminScope.everything(),
                        new NewUser(
                                UserId.of(ID),
                                properties.name(),
                                properties.email(),
                                Set.of(Role.ADMIN, Role.PLATFORM_ADMIN),
                                programs,
                                properties.password()))
                .onErrorResume(ConflictException.class, raced -> {
                    log.info(
                            "The bootstrap admin was created meanwhile (another gateway instance): {}",
                            raced.getMessage());
                    return Mono.empty();
                })
                .onErrorMap(
                        InvalidRequestException.class,
                        invalid -> new IllegalStateException(
                                "tango.bootstrap-admin is invalid: "
                                        + invalid.violations().stream()
                                                .map(v -> v.field() + " " + v.message())
                                                .collect(Collectors.joining("; ")),
                                invalid))
                .block(STARTUP_WAIT);
        if (created != null) {
            log.warn(
                    "Created the bootstrap admin '{}' <{}> (no user existed). Sign in and create named admins;"
                            + " the TANGO_BOOTSTRAP_ADMIN_* settings are ignored from now on.",
                    created.id(),
                    created.email());
        }
    }
}
