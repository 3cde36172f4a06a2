package dev.tango.gateway.demo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.UserService;
import dev.tango.gateway.user.Users;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Profile {@code local} only: seeds one admin, two mentors and three students in program pcc-2026 when they are
 * missing, and logs their DEMO credentials. These passwords are public by design; never enable this profile on a
 * machine that others can reach.
 */
@Component
@Profile("local")
class DemoUsers implements ApplicationRunner {

    static final ProgramId PROGRAM = ProgramId.of("pcc-2026");

    static final List<Demo> USERS = List.of(
            new Demo("admin-ada", "Ada (demo admin)", "ada", Role.ADMIN),
            new Demo("mentor-marco", "Marco (demo mentor)", "marco", Role.MENTOR),
            new Demo("mentor-mia", "Mia (demo mentor)", "mia", Role.MENTOR),
            new Demo("student-ana", "Ana (demo student)", "ana", Role.STUDENT),
            new Demo("student-ben", "Ben (demo student)", "ben", Role.STUDENT),
            new Demo("student-cai", "Cai (demo student)", "cai", Role.STUDENT));

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final Users users;
    private final UserService userService;

    DemoUsers(Users users, UserService userService) {
        this.users = users;
        this.userService = userService;
    }

    /** Startup code: blocking here is fine, the gateway is not serving yet. */
    @Override
    public void run(ApplicationArguments args) {
        Long created = Flux.fromIterable(USERS)
                .concatMap(demo -> users.findById(demo.id())
                        .hasElement()
                        .filter(exists -> !exists)
                        .flatMap(missing -> userService.create(new NewUser(
                                demo.id(),
                                demo.name(),
                                demo.email(),
                                Set.of(demo.role()),
                                Set.of(PROGRAM),
                                demo.password()))))
                .count()
                .block(Duration.ofSeconds(60));
        StringBuilder block = new StringBuilder()
                .append("\n================ DEMO USERS (profile 'local' only, NOT for real use) ================\n")
                .append(String.format("  %-14s %-22s %-14s %s%n", "id", "email", "password", "role"));
        USERS.forEach(demo -> block.append(String.format(
                "  %-14s %-22s %-14s %s%n", demo.id().value(), demo.email(), demo.password(), demo.role())));
        block.append("  (")
                .append(created)
                .append(" created now; existing users were left as they are)\n")
                .append("=====================================================================================");
        log.warn(block.toString());
    }

    record Demo(UserId id, String name, String first, Role role) {
        Demo(String id, String name, String first, Role role) {
            this(UserId.of(id), name, first, role);
        }

        String email() {
            return first + "@tango.local";
        }

        /** A demo credential, printed at startup: only ever valid under the local profile's seeded users. */
        String password() {
            return "demo-" + first;
        }
    }
}
