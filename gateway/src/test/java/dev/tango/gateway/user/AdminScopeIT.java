package dev.tango.gateway.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.ProgramId;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.token.ApiTokenService;
import dev.tango.gateway.token.ApiTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * An admin manages the users and tokens of their own programs only; a platform admin those of every program. Found
 * open by the hostile-input suite's authorization matrix (RELIABILITY.md, "cross-program"). Each test has programs of
 * its own, so the shared database's other users do not matter.
 */
class AdminScopeIT extends GatewayIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokenStore;

    @Autowired
    ApiTokenService tokens;

    @Test
    void anAdminOfAnotherProgramNeitherSeesNorChangesTheProgramsUsers() {
        String a = program();
        String b = program();
        User student = createUser("student", Role.STUDENT, a);
        User before = stored(student);
        for (WebTestClient other : List.of(asUser(createUser("admin", Role.ADMIN, b)), asClient(Role.ADMIN, b))) {
            String list =
                    body(other.get().uri("/api/users").exchange().expectStatus().isOk());
            assertThat(list).doesNotContain(student.id().value());

            assertProblem(other.get().uri("/api/users/" + student.id().value()).exchange(), 404);
            assertProblem(
                    other.patch()
                            .uri("/api/users/" + student.id().value())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"displayName\":\"Taken over\",\"programs\":[\"" + b + "\"],"
                                    + "\"password\":\"taken-over-1\"}")
                            .exchange(),
                    404);
            assertProblem(
                    other.post()
                            .uri("/api/users/" + student.id().value() + "/deactivate")
                            .exchange(),
                    404);

            String email = "intruder-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            assertProblem(create(other, email, List.of("STUDENT"), List.of(a)), 403);
            assertThat(users.findByEmail(email).blockOptional(WAIT)).isEmpty();
        }
        assertThat(stored(student)).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theProgramsAdminAndAPlatformAdminManageItsUsers() {
        String a = program();
        String b = program();
        User admin = createUser("admin", Role.ADMIN, a);
        WebTestClient programAdmin = asUser(admin);
        WebTestClient platformAdmin = asUser(createPlatformAdmin());
        User studentA = createUser("student", Role.STUDENT, a);
        User studentB = createUser("student", Role.STUDENT, b);

        assertThat(body(programAdmin
                        .get()
                        .uri("/api/users")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .contains(studentA.id().value(), admin.id().value())
                .doesNotContain(studentB.id().value());
        assertThat(body(platformAdmin
                        .get()
                        .uri("/api/users")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .contains(studentA.id().value(), studentB.id().value());

        for (var pair : List.of(Map.entry(programAdmin, studentA), Map.entry(platformAdmin, studentB))) {
            WebTestClient caller = pair.getKey();
            String id = pair.getValue().id().value();
            caller.get().uri("/api/users/" + id).exchange().expectStatus().isOk();
            caller.patch()
                    .uri("/api/users/" + id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"Renamed\"}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            caller.post()
                    .uri("/api/users/" + id + "/deactivate")
                    .exchange()
                    .expectStatus()
                    .isOk();
            User changed = stored(pair.getValue());
            assertThat(changed.displayName()).isEqualTo("Renamed");
            assertThat(changed.active()).isFalse();
        }

        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        create(programAdmin, email, List.of("STUDENT", "ADMIN"), List.of(a))
                .expectStatus()
                .isCreated();
        assertThat(stored(email).roles()).containsExactlyInAnyOrder(Role.STUDENT, Role.ADMIN);
    }

    @Test
    void anAdminCannotGrantForeignProgramsOrPlatformAdmin() {
        String a = program();
        String b = program();
        User admin = createUser("admin", Role.ADMIN, a);
        WebTestClient programAdmin = asUser(admin);
        User student = createUser("student", Role.STUDENT, a);
        User studentBefore = stored(student);
        User adminBefore = stored(admin);

        for (var refused : List.of(
                Map.entry(List.of("STUDENT"), List.of(a, b)),
                Map.entry(List.of("ADMIN"), List.of(b)),
                Map.entry(List.of("STUDENT"), List.<String>of()),
                Map.entry(List.of("ADMIN", "PLATFORM_ADMIN"), List.of(a)))) {
            String email = "escalate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            assertProblem(create(programAdmin, email, refused.getKey(), refused.getValue()), 403);
            assertThat(users.findByEmail(email).blockOptional(WAIT))
                    .as("%s", refused)
                    .isEmpty();
        }
        for (String change : List.of(
                "{\"programs\":[\"" + a + "\",\"" + b + "\"]}",
                "{\"roles\":[\"ADMIN\"],\"programs\":[\"" + b + "\"]}",
                "{\"roles\":[\"STUDENT\",\"ADMIN\",\"PLATFORM_ADMIN\"]}")) {
            assertProblem(patch(programAdmin, student, change), 403);
        }
        assertProblem(patch(programAdmin, admin, "{\"roles\":[\"ADMIN\",\"PLATFORM_ADMIN\"]}"), 403);
        assertThat(stored(student)).isEqualTo(studentBefore);
        assertThat(stored(admin)).as("no self-promotion").isEqualTo(adminBefore);

        WebTestClient platformAdmin = asUser(createPlatformAdmin());
        String email = "platform-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        create(platformAdmin, email, List.of("ADMIN", "PLATFORM_ADMIN"), List.of())
                .expectStatus()
                .isCreated();
        assertThat(stored(email).roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.PLATFORM_ADMIN);
        String alone = "alone-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertProblem(create(platformAdmin, alone, List.of("PLATFORM_ADMIN"), List.of(a)), 400);
        assertThat(users.findByEmail(alone).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void aUserAlsoInAnotherProgramOrAPlatformAdminIsVisibleButNotTheProgramAdminsToChange() {
        String a = program();
        String c = program();
        WebTestClient programAdmin = asUser(createUser("admin", Role.ADMIN, a));
        User shared = createUser("mentor", Role.MENTOR, a, c);
        User platform = createPlatformAdmin(a);
        for (User user : List.of(shared, platform)) {
            User before = stored(user);
            String id = user.id().value();
            assertThat(body(programAdmin
                            .get()
                            .uri("/api/users")
                            .exchange()
                            .expectStatus()
                            .isOk()))
                    .contains(id);
            programAdmin.get().uri("/api/users/" + id).exchange().expectStatus().isOk();
            assertProblem(patch(programAdmin, user, "{\"programs\":[\"" + a + "\"]}"), 403);
            assertProblem(
                    programAdmin.post().uri("/api/users/" + id + "/deactivate").exchange(), 403);
            assertProblem(issue(programAdmin, "{\"name\":\"act as\",\"user\":\"" + id + "\"}"), 403);
            assertThat(stored(user)).isEqualTo(before);
            assertThat(tokenStore.findByUser(user.id()).collectList().block(WAIT))
                    .isEmpty();
        }
    }

    @Test
    void tokensAreIssuedListedAndRevokedOnlyWithinTheAdminsPrograms() {
        String a = program();
        String b = program();
        WebTestClient adminA = asUser(createUser("admin", Role.ADMIN, a));
        WebTestClient adminB = asUser(createUser("admin", Role.ADMIN, b));
        WebTestClient platformAdmin = asUser(createPlatformAdmin());
        User student = createUser("student", Role.STUDENT, a);
        long before = tokenCount();

        assertProblem(issue(adminB, "{\"name\":\"foreign\",\"role\":\"STUDENT\",\"programs\":[\"" + a + "\"]}"), 403);
        assertProblem(issue(adminB, "{\"name\":\"nowhere\",\"role\":\"ADMIN\"}"), 403);
        assertProblem(
                issue(adminA, "{\"name\":\"platform\",\"role\":\"PLATFORM_ADMIN\",\"programs\":[\"" + a + "\"]}"), 400);
        assertProblem(
                issue(
                        platformAdmin,
                        "{\"name\":\"platform\",\"role\":\"PLATFORM_ADMIN\",\"programs\":[\"" + a + "\"]}"),
                400);
        // A user the admin does not see is answered like one that does not exist.
        String unseen = body(
                issue(adminB, "{\"name\":\"act as\",\"user\":\"" + student.id().value() + "\"}")
                        .expectStatus()
                        .isBadRequest());
        String unknown = body(issue(adminB, "{\"name\":\"act as\",\"user\":\"nobody-" + UUID.randomUUID() + "\"}")
                .expectStatus()
                .isBadRequest());
        assertThat(unseen).contains("no active user with this id");
        assertThat(unknown).contains("no active user with this id");
        assertThat(tokenCount()).as("nothing stored").isEqualTo(before);

        String client =
                tokenId(issue(adminA, "{\"name\":\"client\",\"role\":\"MENTOR\",\"programs\":[\"" + a + "\"]}"));
        String personal = tokenId(issue(
                adminA, "{\"name\":\"personal\",\"user\":\"" + student.id().value() + "\"}"));
        String other =
                tokenId(issue(platformAdmin, "{\"name\":\"other\",\"role\":\"STUDENT\",\"programs\":[\"" + b + "\"]}"));
        tokenId(issue(
                platformAdmin, "{\"name\":\"for a\",\"user\":\"" + student.id().value() + "\"}"));

        assertThat(body(adminA.get()
                        .uri("/api/tokens")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .contains(client, personal)
                .doesNotContain(other);
        assertThat(body(adminB.get()
                        .uri("/api/tokens")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .contains(other)
                .doesNotContain(client, personal);
        assertThat(body(platformAdmin
                        .get()
                        .uri("/api/tokens")
                        .exchange()
                        .expectStatus()
                        .isOk()))
                .contains(client, personal, other);

        for (String id : List.of(client, personal)) {
            assertProblem(adminB.delete().uri("/api/tokens/" + id).exchange(), 404);
            assertThat(tokenStore.findById(id).block(WAIT).revokedAt()).isNull();
        }
        assertProblem(adminA.delete().uri("/api/tokens/" + other).exchange(), 404);
        assertThat(tokenStore.findById(other).block(WAIT).revokedAt()).isNull();

        adminA.delete().uri("/api/tokens/" + personal).exchange().expectStatus().isOk();
        platformAdmin
                .delete()
                .uri("/api/tokens/" + other)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(tokenStore.findById(personal).block(WAIT).revokedAt()).isNotNull();
        assertThat(tokenStore.findById(other).block(WAIT).revokedAt()).isNotNull();
    }

    @Test
    void theUsersPagesFollowTheSameRules() {
        String a = program();
        String b = program();
        User student = createUser("student", Role.STUDENT, a);
        User shared = createUser("mentor", Role.MENTOR, a, b);
        User before = stored(student);

        Browser other = signIn(createUser("admin", Role.ADMIN, b));
        assertThat(other.page("/admin/users")).doesNotContain(student.email()).doesNotContain("Platform admin");
        other.get("/admin/users/" + student.id().value())
                .exchange()
                .expectStatus()
                .isNotFound();
        other.post("/admin/users/" + student.id().value() + "/deactivate")
                .header("X-CSRF-TOKEN", other.csrf)
                .exchange()
                .expectStatus()
                .isNotFound();
        other.post("/admin/users/" + student.id().value())
                .header("X-CSRF-TOKEN", other.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("displayName", "Taken over")
                        .with("email", student.email())
                        .with("roles", "STUDENT")
                        .with("programs", b))
                .exchange()
                .expectStatus()
                .isNotFound();
        String email = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String refused = body(other.post("/admin/users")
                .header("X-CSRF-TOKEN", other.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("displayName", "Intruder")
                        .with("email", email)
                        .with("password", "a-long-password")
                        .with("roles", "ADMIN")
                        .with("roles", "PLATFORM_ADMIN")
                        .with("programs", b))
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(refused).contains("The user was not created", "Only a platform admin can grant PLATFORM_ADMIN.");
        assertThat(users.findByEmail(email).blockOptional(WAIT)).isEmpty();
        assertThat(stored(student)).isEqualTo(before);

        Browser own = signIn(createUser("admin", Role.ADMIN, a));
        String sharedPage = own.page("/admin/users/" + shared.id().value());
        assertThat(sharedPage).contains("only a platform admin can change them").doesNotContain("Save changes");
        assertThat(own.page("/admin/users")).contains(student.email(), shared.email());

        Browser platform = signIn(createPlatformAdmin());
        assertThat(platform.page("/admin/users"))
                .contains("Platform admin", student.email(), "<span class=\"roles\">admin, platform admin</span>");
    }

    @Test
    void onlyAPlatformAdminRebuildsTheReadModelsOfEveryProgram() {
        String rebuild = "/api/feedback/admin/rebuild";
        int forwarded = DOWNSTREAM.received("POST", rebuild).size();
        String a = program();
        for (WebTestClient programAdmin :
                List.of(asUser(createUser("admin", Role.ADMIN, a)), asClient(Role.ADMIN, a))) {
            assertProblem(programAdmin.post().uri(rebuild).exchange(), 403);
        }
        assertThat(DOWNSTREAM.received("POST", rebuild))
                .as("refused at the edge")
                .hasSize(forwarded);

        asUser(createPlatformAdmin())
                .post()
                .uri(rebuild)
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
        assertThat(DOWNSTREAM.received("POST", rebuild)).hasSize(forwarded + 1);
    }

    private static String program() {
        return "prog-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Calls as the user, with a personal token: their roles and programs, as a browser session would have. */
    private WebTestClient asUser(User user) {
        String token =
                tokens.issueOwn("scope-test", user.id(), null).block(WAIT).plaintext();
        return bearer(token);
    }

    private WebTestClient asClient(Role role, String... programs) {
        Set<ProgramId> ids =
                java.util.Arrays.stream(programs).map(ProgramId::of).collect(java.util.stream.Collectors.toSet());
        return bearer(tokens.issue(AdminScope.everything(), "scope-client", role, ids, null, "test")
                .block(WAIT)
                .plaintext());
    }

    private WebTestClient bearer(String token) {
        return client().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    private static WebTestClient.ResponseSpec create(
            WebTestClient caller, String email, List<String> roles, List<String> programs) {
        return caller.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "displayName", "New",
                        "email", email,
                        "roles", roles,
                        "programs", programs,
                        "password", "a-long-password"))
                .exchange();
    }

    private static WebTestClient.ResponseSpec patch(WebTestClient caller, User user, String json) {
        return caller.patch()
                .uri("/api/users/" + user.id().value())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    private static WebTestClient.ResponseSpec issue(WebTestClient caller, String json) {
        return caller.post()
                .uri("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private static String tokenId(WebTestClient.ResponseSpec issued) {
        Map<String, Object> body = issued.expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        return (String) ((Map<String, Object>) body.get("details")).get("id");
    }

    private static void assertProblem(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    private static String body(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<String> result = response.expectBody(String.class).returnResult();
        return result.getResponseBody() == null ? "" : result.getResponseBody();
    }

    private User stored(User user) {
        return users.findById(user.id()).block(WAIT);
    }

    private User stored(String email) {
        return users.findByEmail(email).block(WAIT);
    }

    private long tokenCount() {
        return tokenStore.findAll().count().block(WAIT);
    }
}
