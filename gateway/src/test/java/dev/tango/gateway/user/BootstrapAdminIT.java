package dev.tango.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.UserId;
import dev.tango.gateway.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The first admin of a deployment without demo users: created at startup in a database that has no user yet (its
 * own database on the shared MongoDB-protocol server), able to sign in, created once even by gateways starting
 * together, and its password never written to the log.
 */
@TestPropertySource(
        properties = {
            "spring.mongodb.database=tango_identity_bootstrap",
            "tango.bootstrap-admin.email=" + BootstrapAdminIT.EMAIL,
            "tango.bootstrap-admin.password=" + BootstrapAdminIT.ADMIN_PASSWORD,
            "tango.bootstrap-admin.programs=pcc-2026"
        })
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIT extends GatewayIntegrationTest {

    static final String EMAIL = "root@tango.example";
    static final String ADMIN_PASSWORD = "Wide-Open-Meadow-42";

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Users users;

    @Autowired
    BootstrapAdminProperties properties;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theFirstAdminIsCreatedAtStartupHashedAndCanSignIn() {
        User admin = users.findById(UserId.of(BootstrapAdmin.ID)).block(WAIT);
        assertThat(admin).isNotNull();
        assertThat(admin.email()).isEqualTo(EMAIL);
        assertThat(admin.roles())
                .as("the first admin creates the admins of programs: a platform admin")
                .containsExactlyInAnyOrder(Role.ADMIN, Role.PLATFORM_ADMIN);
        assertThat(admin.programs()).extracting(p -> p.value()).containsExactly("pcc-2026");
        assertThat(admin.active()).isTrue();
        assertThat(admin.passwordHash()).isNotBlank().doesNotContain(ADMIN_PASSWORD);

        Browser root = Browser.open(client(), newAddress());
        assertThat(root.postLogin(EMAIL, ADMIN_PASSWORD).getResponseHeaders().getLocation())
                .hasToString("/");
    }

    @Test
    void laterStartsLeaveTheUsersAlone() {
        User before = users.findById(UserId.of(BootstrapAdmin.ID)).block(WAIT);

        new BootstrapAdmin(properties, users, userService).run(null);

        assertThat(users.findById(UserId.of(BootstrapAdmin.ID)).block(WAIT)).isEqualTo(before);
        assertThat(adminsWithTheEmail()).isEqualTo(1);
    }

    @Test
    void gatewaysStartingTogetherOnAnEmptyDatabaseCreateOneAdminAndNeverLogThePassword(CapturedOutput output)
            throws Exception {
        // Back to an empty users collection, as on a new deployment.
        mongo.remove(new Query(), "users").block(WAIT);
        assertThat(users.findAll().hasElements().block(WAIT)).isFalse();

        CyclicBarrier together = new CyclicBarrier(3);
        List<CompletableFuture<Void>> starts = List.of(start(together), start(together), start(together));
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get();

        assertThat(adminsWithTheEmail()).isEqualTo(1);
        assertThat(users.findAll().count().block(WAIT)).isEqualTo(1);
        assertThat(output.getAll()).contains("Created the bootstrap admin").doesNotContain(ADMIN_PASSWORD);
        Browser root = Browser.open(client(), newAddress());
        assertThat(root.postLogin(EMAIL, ADMIN_PASSWORD).getResponseHeaders().getLocation())
                .hasToString("/");
    }

    private CompletableFuture<Void> start(CyclicBarrier together) {
        return CompletableFuture.runAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            new BootstrapAdmin(properties, users, userService).run(null);
        });
    }

    private long adminsWithTheEmail() {
        return mongo.count(Query.query(Criteria.where("email").is(EMAIL)), "users")
                .block(WAIT);
    }
}
