package dev.tango.gateway.demo;

import dev.tango.events.ProgramId;
import dev.tango.events.UserId;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.UserService;
import dev.tango.gateway.user.Users;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Profile {@code local} only: seeds the demo users of {@value #RESOURCE} (one admin, also a platform admin, two
 * mentors, three students in program pcc-2026) when they are missing, and logs their DEMO credentials. These passwords are public by design;
 * never enable this profile on a machine that others can reach.
 */
@Component
@Profile("local")
class DemoUsers implements ApplicationRunner {

    /** The one place the demo users are written down; the local stack's launcher prints them from it too. */
    static final String RESOURCE = "demo-users.properties";

    static final ProgramId PROGRAM;
    static final List<Demo> USERS;
    /** The demo users who are platform admins as well (admin-ada): they create the admins of other programs. */
    static final Set<UserId> PLATFORM_ADMINS;

    static {
        Properties file = load();
        PROGRAM = ProgramId.of(required(file, "program"));
        USERS = Arrays.stream(required(file, "users").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(id -> new Demo(
                        UserId.of(id),
                        required(file, id + ".name"),
                        required(file, id + ".email"),
                        required(file, id + ".password"),
                        Role.valueOf(required(file, id + ".role"))))
                .toList();
        PLATFORM_ADMINS = Arrays.stream(file.getProperty("platform-admins", "").split(","))
                .map(String::trim)
                .filter(id -> !id.isEmpty())
                .map(UserId::of)
                .collect(Collectors.toUnmodifiableSet());
    }

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
                        .flatMap(missing -> userService.create(
                                AdminScope.everything(),
                                new NewUser(
                                        demo.id(),
                                        demo.name(),
                                        demo.email(),
                                        roles(demo),
                                        Set.of(PROGRAM),
                                        demo.password()))))
                .count()
                .block(Duration.ofSeconds(60));
        StringBuilder block = new StringBuilder()
                .append("\n================ DEMO USERS (profile 'local' only, NOT for real use) ================\n")
                .append(String.format("  %-14s %-22s %-14s %s%n", "id", "email", "password", "role"));
        USERS.forEach(demo -> block.append(String.format(
                "  %-14s %-22s %-14s %s%n",
                demo.id().value(),
                demo.email(),
                demo.password(),
                roles(demo).stream().sorted().map(Role::name).collect(Collectors.joining(", ")))));
        block.append("  (")
                .append(created)
                .append(" created now; existing users were left as they are)\n")
                .append("=====================================================================================");
        log.warn(block.toString());
    }

    private static Set<Role> roles(Demo demo) {
        return PLATFORM_ADMINS.contains(demo.id()) ? Set.of(demo.role(), Role.PLATFORM_ADMIN) : Set.of(demo.role());
    }

    private static Properties load() {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway's classpath");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(Properties file, String key) {
        String value = file.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no value for " + key);
        }
        return value.trim();
    }

    /** A demo user; the password is a demo credential, only ever valid for the users this profile seeds. */
    record Demo(UserId id, String name, String email, String password, Role role) {}
}
