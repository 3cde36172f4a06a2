package dev.tango.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.UserId;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class DemoUsersIT extends GatewayIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Test
    void demoUsersExistOnlyUnderTheLocalProfile() {
        assertThat(context.getBeansOfType(DemoUsers.class)).isEmpty();
    }

    @Test
    void seedsTheDemoUsersOnceAndTheyCanSignIn() {
        DemoUsers seeder = new DemoUsers(users, userService);
        seeder.run(null);
        seeder.run(null);

        for (String id :
                new String[] {"admin-ada", "mentor-marco", "mentor-mia", "student-ana", "student-ben", "student-cai"}) {
            User user = users.findById(UserId.of(id)).block(Duration.ofSeconds(5));
            assertThat(user).as(id).isNotNull();
            assertThat(user.programs()).extracting(p -> p.value()).containsExactly("pcc-2026");
        }
        assertThat(users.findById(UserId.of("admin-ada"))
                        .block(Duration.ofSeconds(5))
                        .roles())
                .as("the demo admin is the local profile's platform admin")
                .containsExactlyInAnyOrder(Role.ADMIN, Role.PLATFORM_ADMIN);
        assertThat(users.findAll()
                        .filter(u -> u.email().endsWith("@tango.local") && u.hasRole(Role.PLATFORM_ADMIN))
                        .map(u -> u.id().value())
                        .collectList()
                        .block(Duration.ofSeconds(5)))
                .as("no other demo user is a platform admin")
                .containsExactly("admin-ada");
        assertThat(users.findAll()
                        .filter(u -> u.email().endsWith("@tango.local"))
                        .count()
                        .block())
                .isEqualTo(6);

        Browser ana = Browser.open(client(), newAddress());
        assertThat(ana.postLogin("ana@tango.local", "demo-ana")
                        .getResponseHeaders()
                        .getLocation())
                .hasToString("/");
    }
}
