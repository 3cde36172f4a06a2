package dev.tango.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import dev.tango.gateway.user.UserChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

class ApiTokenIT extends GatewayIntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anIssuedTokenWorksForTheApiAndIsForwardedAsAServiceJwt() {
        Browser admin = adminBrowser();
        Map<String, Object> issued =
                issue(admin, "{\"name\":\"reporting\",\"role\":\"MENTOR\",\"programs\":[\"pcc-2026\"]}");
        String token = (String) issued.get("token");
        assertThat(token).startsWith("tango_pat_").hasSize("tango_pat_".length() + 43);

        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.kind")
                .isEqualTo("API_CLIENT")
                .jsonPath("$.roles[0]")
                .isEqualTo("MENTOR");

        client().get()
                .uri("/api/sessions/by-client")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        String forwarded = DOWNSTREAM.last("/api/sessions/by-client").header("authorization");
        assertThat(forwarded).isNotEqualTo("Bearer " + token);
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(forwarded.substring(7))
                .block(Duration.ofSeconds(10));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) issued.get("details");
        assertThat(jwt.getSubject()).isEqualTo("client-" + details.get("id"));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MENTOR");
        assertThat(jwt.getClaimAsStringList("programs")).containsExactly("pcc-2026");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("reporting");
    }

    @Test
    void onlyTheSha256HashOfATokenIsStored() {
        Browser admin = adminBrowser();
        Map<String, Object> issued = issue(admin, "{\"name\":\"hash-check\",\"role\":\"STUDENT\"}");
        String token = (String) issued.get("token");

        List<Document> stored = mongo.getCollection("api_tokens")
                .flatMapMany(collection -> collection.find())
                .collectList()
                .block(Duration.ofSeconds(5));

        assertThat(stored).isNotEmpty();
        assertThat(stored).noneMatch(document -> document.toJson().contains(token.substring(10)));
        assertThat(stored).anyMatch(document -> ApiTokenService.hash(token).equals(document.get("_id")));
    }

    @Test
    void aRevokedTokenIsRefusedWith401ProblemJson() {
        Browser admin = adminBrowser();
        Map<String, Object> issued = issue(admin, "{\"name\":\"to-revoke\",\"role\":\"STUDENT\"}");
        String token = (String) issued.get("token");
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) issued.get("details")).get("id");
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();

        admin.delete("/api/tokens/" + id)
                .header("X-CSRF-TOKEN", admin.csrf)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REVOKED");

        client().get()
                .uri("/api/sessions/after-revoke")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefusedWith401() {
        Browser admin = adminBrowser();
        String expiry = Instant.now().plus(Duration.ofDays(1)).toString();
        String token =
                (String) issue(admin, "{\"name\":\"short\",\"role\":\"STUDENT\",\"expiresAt\":\"" + expiry + "\"}")
                        .get("token");
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        try {
            clock.advance(Duration.ofDays(2));
            client().get()
                    .uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        } finally {
            clock.reset();
        }
    }

    @Test
    void anUnknownTokenIsRefusedWith401() {
        client().get()
                .uri("/api/feedback/x")
                .header(HttpHeaders.AUTHORIZATION, "Bearer tango_pat_made-up")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void refusesAnExpiryMoreThanAYearAway() {
        Browser admin = adminBrowser();
        String expiry = Instant.now().plus(Duration.ofDays(400)).toString();
        admin.post("/api/tokens")
                .header("X-CSRF-TOKEN", admin.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"long\",\"role\":\"STUDENT\",\"expiresAt\":\"" + expiry + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("expiresAt");
    }

    @Test
    void listsTokensWithoutSecrets() {
        Browser admin = adminBrowser();
        String token = (String)
                issue(admin, "{\"name\":\"listed\",\"role\":\"ADMIN\"}").get("token");
        String list = admin.get("/api/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(list).contains("\"listed\"").doesNotContain(token).doesNotContain(ApiTokenService.hash(token));
    }

    @Test
    void aPersonalTokenActsAsItsUserWithTheirRolesAndProgramsAndNoMore() {
        Browser admin = adminBrowser();
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        String expiry = Instant.now().plus(Duration.ofDays(3)).toString();
        Map<String, Object> issued = issue(
                admin,
                "{\"name\":\"scoring script\",\"user\":\"" + mentor.id().value() + "\",\"expiresAt\":\"" + expiry
                        + "\"}");
        String token = (String) issued.get("token");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) issued.get("details");
        assertThat(details)
                .containsEntry("user", mentor.id().value())
                .containsEntry("subject", mentor.id().value());
        assertThat(details.get("role")).isNull();

        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(mentor.id().value())
                .jsonPath("$.kind")
                .isEqualTo("USER_TOKEN")
                .jsonPath("$.roles.length()")
                .isEqualTo(1)
                .jsonPath("$.roles[0]")
                .isEqualTo("MENTOR");

        client().get()
                .uri("/api/sessions/personal")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        Jwt jwt = decode(DOWNSTREAM.last("/api/sessions/personal").header("authorization"));
        assertThat(jwt.getSubject()).isEqualTo(mentor.id().value());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MENTOR");
        assertThat(jwt.getClaimAsStringList("programs")).containsExactly("pcc-2026");
        assertThat(jwt.getExpiresAt()).isBeforeOrEqualTo(Instant.parse(expiry));

        client().get()
                .uri("/api/users")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aPersonalTokenFollowsItsUsersRoleChangesAndStopsWhenTheUserIsDeactivated() {
        Browser admin = adminBrowser();
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        String token = (String)
                issue(admin, "{\"name\":\"mine\",\"user\":\"" + student.id().value() + "\"}")
                        .get("token");
        client().get()
                .uri("/api/sessions/before-change")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(decode(DOWNSTREAM.last("/api/sessions/before-change").header("authorization"))
                        .getClaimAsStringList("roles"))
                .containsExactly("STUDENT");

        userService
                .update(
                        AdminScope.everything(),
                        student.id(),
                        new UserChanges(null, null, Set.of(Role.STUDENT, Role.MENTOR), null, null, null))
                .block(Duration.ofSeconds(5));
        client().get()
                .uri("/api/sessions/after-change")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(decode(DOWNSTREAM.last("/api/sessions/after-change").header("authorization"))
                        .getClaimAsStringList("roles"))
                .containsExactlyInAnyOrder("STUDENT", "MENTOR");

        userService.deactivate(AdminScope.everything(), student.id()).block(Duration.ofSeconds(5));
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesATokenThatIsBothKindsOrNeitherOrForAnUnknownUserAndStoresNothing() {
        Browser admin = adminBrowser();
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        long before = storedTokens();
        admin.post("/api/tokens")
                .header("X-CSRF-TOKEN", admin.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"both\",\"role\":\"ADMIN\",\"programs\":[\"pcc-2026\"],\"user\":\""
                        + mentor.id().value() + "\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role")
                .jsonPath("$.errors[1].field")
                .isEqualTo("programs");
        admin.post("/api/tokens")
                .header("X-CSRF-TOKEN", admin.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"neither\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
        admin.post("/api/tokens")
                .header("X-CSRF-TOKEN", admin.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"ghost\",\"user\":\"nobody-here\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("user");
        assertThat(storedTokens()).isEqualTo(before);
    }

    @Test
    void everySignedInUserManagesTheirOwnPersonalTokensAndNobodyElses() {
        User ana = createUser("student", Role.STUDENT, "pcc-2026");
        User ben = createUser("student", Role.STUDENT, "pcc-2026");
        Browser anasBrowser = signIn(ana);
        anasBrowser.page("/");
        Map<String, Object> issued = issueOwn(anasBrowser, "{\"name\":\"my notebook\"}");
        String token = (String) issued.get("token");
        @SuppressWarnings("unchecked")
        String id = (String) ((Map<String, Object>) issued.get("details")).get("id");
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(ana.id().value());

        Browser bensBrowser = signIn(ben);
        bensBrowser.page("/");
        bensBrowser
                .get("/api/me/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
        bensBrowser
                .delete("/api/me/tokens/" + id)
                .header("X-CSRF-TOKEN", bensBrowser.csrf)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk();

        client().post()
                .uri("/api/me/tokens")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"spawned\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        anasBrowser
                .get("/api/me/tokens")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$[0].name")
                .isEqualTo("my notebook")
                .jsonPath("$[0].status")
                .isEqualTo("ACTIVE");
        anasBrowser
                .delete("/api/me/tokens/" + id)
                .header("X-CSRF-TOKEN", anasBrowser.csrf)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REVOKED");
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private Jwt decode(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        return NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(authorization.substring(7))
                .block(Duration.ofSeconds(10));
    }

    private long storedTokens() {
        return mongo.getCollection("api_tokens")
                .flatMap(collection -> reactor.core.publisher.Mono.from(collection.countDocuments()))
                .block(Duration.ofSeconds(5));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issueOwn(Browser browser, String body) {
        return browser.post("/api/me/tokens")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    /** A platform admin: issues client tokens of any program (or none); program admins are AdminScopeIT's. */
    private Browser adminBrowser() {
        User admin = createPlatformAdmin();
        Browser browser = signIn(admin);
        browser.page("/admin/users");
        return browser;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> issue(Browser admin, String body) {
        return admin.post("/api/tokens")
                .header("X-CSRF-TOKEN", admin.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }
}
