package dev.tango.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.token.ApiTokenService;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class UserApiIT extends GatewayIntegrationTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void anAdminCreatesUpdatesAndDeactivatesAUser() {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String id = api(Role.ADMIN)
                                .post()
                                .uri("/api/users")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("""
                        {"displayName":"Dana","email":"%s","roles":["STUDENT"],"programs":["pcc-2026"],
                         "password":"a-long-password"}
                        """.formatted(email))
                                .exchange()
                                .expectStatus()
                                .isCreated()
                                .expectBody()
                                .jsonPath("$.email")
                                .isEqualTo(email)
                                .jsonPath("$.active")
                                .isEqualTo(true)
                                .jsonPath("$.passwordHash")
                                .doesNotExist()
                                .returnResult()
                                .getResponseBody()
                                .length
                        > 0
                ? userService
                        .list(AdminScope.everything())
                        .filter(u -> u.email().equals(email))
                        .blockFirst()
                        .id()
                        .value()
                : null;

        api(Role.ADMIN)
                .patch()
                .uri("/api/users/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"STUDENT\",\"MENTOR\"],\"programs\":[\"pcc-2026\",\"acc-2027\"]}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.roles.length()")
                .isEqualTo(2)
                .jsonPath("$.programs[0]")
                .isEqualTo("acc-2027");

        api(Role.ADMIN)
                .post()
                .uri("/api/users/" + id + "/deactivate")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.active")
                .isEqualTo(false);

        Browser browser = Browser.open(client(), newAddress());
        assertThat(browser.postLogin(email, "a-long-password")
                        .getResponseHeaders()
                        .getLocation())
                .hasToString("/login?deactivated");

        api(Role.ADMIN)
                .get()
                .uri("/api/users")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.email == '" + email + "')].active")
                .isEqualTo(false);
    }

    @Test
    void nonAdminsAreRefusedWith403() {
        for (Role role : new Role[] {Role.STUDENT, Role.MENTOR}) {
            api(role)
                    .get()
                    .uri("/api/users")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            api(role)
                    .post()
                    .uri("/api/tokens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"x\",\"role\":\"ADMIN\"}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        User student = createUser("student", Role.STUDENT);
        signIn(student).get("/api/users").exchange().expectStatus().isForbidden();
    }

    @Test
    void invalidInputIsRefusedWith400ProblemJsonListingEveryField() {
        api(Role.ADMIN)
                .post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"\",\"email\":\"not-an-email\",\"roles\":[],\"password\":\"short\","
                        + "\"programs\":[\"bad program\"]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields.toString())
                        .contains("displayName", "email", "roles", "password", "programs"));
    }

    /** Found by the hostile input suite: a number was taken as the name, half a surrogate pair or an invisible character in an email stored. */
    @Test
    void aNumberAsTextOrHalfASurrogatePairIsRefused() {
        for (String body : java.util.List.of(
                "{\"displayName\":12,\"email\":\"n1@tango.test\",\"roles\":[\"STUDENT\"],\"password\":\"long-enough-1\"}",
                "{\"displayName\":\"Ann\\ud800\",\"email\":\"n2@tango.test\",\"roles\":[\"STUDENT\"],"
                        + "\"password\":\"long-enough-1\"}",
                "{\"displayName\":\"Ann\",\"email\":\"n3@tango.test\\u200b\",\"roles\":[\"STUDENT\"],"
                        + "\"password\":\"long-enough-1\"}")) {
            api(Role.ADMIN)
                    .post()
                    .uri("/api/users")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        User existing = createUser("student", Role.STUDENT);
        api(Role.ADMIN)
                .post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"displayName\":\"Copy\",\"email\":\""
                        + existing.email().toUpperCase()
                        + "\",\"roles\":[\"MENTOR\"],\"programs\":[\"pcc-2026\"],\"password\":\"a-long-password\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theAdminApiIsDocumentedInOpenApi() {
        api(Role.ADMIN)
                .get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/users']")
                .exists()
                .jsonPath("$.paths['/api/users/{id}/deactivate']")
                .exists()
                .jsonPath("$.paths['/api/tokens/{id}']")
                .exists()
                .jsonPath("$.paths['/api/me']")
                .exists()
                // The caller's AdminScope is resolved from the sign-in, never a parameter a client sends.
                .jsonPath("$.paths['/api/users'].get.parameters")
                .doesNotExist()
                .jsonPath("$.paths['/api/tokens/{id}'].delete.parameters[?(@.name == 'scope')]")
                .isEmpty();
    }

    @Test
    void anUnknownUserIs404() {
        api(Role.ADMIN)
                .get()
                .uri("/api/users/nobody-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void storesOnlyAPasswordHash() {
        User user = createUser("student", Role.STUDENT);
        User stored = userService.get(AdminScope.everything(), user.id()).block(Duration.ofSeconds(5));
        assertThat(stored.passwordHash()).startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    /** A client token with this role for programs pcc-2026 and acc-2027. */
    private WebTestClient api(Role role) {
        String token = tokens.issue(
                        AdminScope.everything(),
                        "test-" + role,
                        role,
                        Set.of(ProgramId.of("pcc-2026"), ProgramId.of("acc-2027")),
                        null,
                        "test")
                .block(Duration.ofSeconds(5))
                .plaintext();
        return client().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }
}
