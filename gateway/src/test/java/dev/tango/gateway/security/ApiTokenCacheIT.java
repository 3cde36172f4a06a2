package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.MongoCommands;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.token.IssuedToken;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A bearer token and its user are read from MongoDB once, not on every request; a revocation or a deactivation made
 * through this gateway still takes effect on the very next request.
 */
class ApiTokenCacheIT extends GatewayIntegrationTest {

    private static final int REQUESTS = 20;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    MongoCommands commands;

    @Test
    void manyRequestsWithAPersonalTokenReadTheTokenAndItsUserOnce() {
        IssuedToken issued = personalToken(createUser("cached", Role.STUDENT, "pcc-2026"));

        commands.reset();
        for (int i = 0; i < REQUESTS; i++) {
            call(issued, "/api/sessions/cached-" + i).expectStatus().isOk();
        }

        assertThat(commands.count("find", "api_tokens")).isEqualTo(1);
        // Once to authenticate and once to sign the service token that is then reused.
        assertThat(commands.count("find", "users")).isEqualTo(2);
    }

    @Test
    void aRevokedPersonalTokenIsRefusedAtTheNextRequestThoughItWasCached() {
        IssuedToken issued = personalToken(createUser("revoked", Role.STUDENT, "pcc-2026"));
        call(issued, "/api/sessions/before-revoke").expectStatus().isOk();
        call(issued, "/api/sessions/before-revoke").expectStatus().isOk();

        tokens.revoke(AdminScope.everything(), issued.token().id()).block(Duration.ofSeconds(5));

        call(issued, "/api/sessions/after-revoke").expectStatus().isUnauthorized();
    }

    @Test
    void aDeactivatedUsersTokenIsRefusedAtTheNextRequestThoughItWasCached() {
        User student = createUser("deactivated", Role.STUDENT, "pcc-2026");
        IssuedToken issued = personalToken(student);
        call(issued, "/api/sessions/before-deactivation").expectStatus().isOk();
        call(issued, "/api/sessions/before-deactivation").expectStatus().isOk();

        userService.deactivate(AdminScope.everything(), student.id()).block(Duration.ofSeconds(5));

        call(issued, "/api/sessions/after-deactivation").expectStatus().isUnauthorized();
    }

    private IssuedToken personalToken(User user) {
        return tokens.issuePersonal(AdminScope.everything(), "cache-test", user.id(), null, "test")
                .block(Duration.ofSeconds(5));
    }

    private WebTestClient.ResponseSpec call(IssuedToken issued, String path) {
        return client().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + issued.plaintext())
                .exchange();
    }
}
