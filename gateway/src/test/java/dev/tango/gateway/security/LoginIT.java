package dev.tango.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/** Account limit 3 failures, address limit 6 failures (see GatewayIntegrationTest). */
class LoginIT extends GatewayIntegrationTest {

    @Test
    void signsInWithTheRightPasswordIntoAnHttpOnlySameSiteSession() {
        User mentor = createUser("mentor", Role.MENTOR);
        Browser browser = Browser.open(client(), newAddress());
        String before = browser.session;

        EntityExchangeResult<byte[]> result = browser.postLogin(mentor.email().toUpperCase(), PASSWORD);

        assertThat(result.getStatus().value()).isEqualTo(302);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/");
        ResponseCookie cookie = result.getResponseCookies().getFirst("TANGO_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(browser.session).as("a new session id after sign-in").isNotEqualTo(before);
        assertThat(browser.page("/")).contains(mentor.displayName());
    }

    @Test
    void refusesAWrongPasswordWithAClearMessage() {
        User student = createUser("student", Role.STUDENT);
        Browser browser = Browser.open(client(), newAddress());

        EntityExchangeResult<byte[]> result = browser.postLogin(student.email(), "not-the-password");

        assertThat(result.getResponseHeaders().getLocation()).hasToString("/login?error");
        assertThat(browser.page("/login?error")).contains("The email or password is not correct.");
        browser.get("/").exchange().expectStatus().isFound().expectHeader().location("/login");
    }

    @Test
    void throttlesAnAccountAfterRepeatedFailuresAndThenRefusesEvenTheRightPassword() {
        User student = createUser("student", Role.STUDENT);
        for (int i = 0; i < 3; i++) {
            Browser attacker = Browser.open(client(), newAddress());
            assertThat(attacker.postLogin(student.email(), "guess-" + i)
                            .getResponseHeaders()
                            .getLocation())
                    .hasToString("/login?error");
        }

        Browser owner = Browser.open(client(), newAddress());
        EntityExchangeResult<byte[]> result = owner.postLogin(student.email(), PASSWORD);

        assertThat(result.getResponseHeaders().getLocation().toString()).startsWith("/login?throttled=");
        assertThat(owner.page(result.getResponseHeaders().getLocation().toString()))
                .contains("Too many failed sign-in attempts");
        owner.get("/").exchange().expectStatus().isFound();
    }

    @Test
    void throttlesAClientAddressAcrossAccounts() {
        User victim = createUser("student", Role.STUDENT);
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            Browser attacker = Browser.open(client(), address);
            attacker.postLogin("nobody-" + i + "@example.test", "guess");
        }

        Browser sameAddress = Browser.open(client(), address);
        assertThat(sameAddress
                        .postLogin(victim.email(), PASSWORD)
                        .getResponseHeaders()
                        .getLocation()
                        .toString())
                .startsWith("/login?throttled=");

        Browser otherAddress = Browser.open(client(), newAddress());
        assertThat(otherAddress
                        .postLogin(victim.email(), PASSWORD)
                        .getResponseHeaders()
                        .getLocation())
                .hasToString("/");
    }

    @Test
    void answers429ProblemJsonToAThrottledJsonClient() {
        User student = createUser("student", Role.STUDENT);
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            Browser.open(client(), address).postLogin(student.email(), "guess-" + i);
        }
        Browser script = Browser.open(client(), address);

        script.post("/login")
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", student.email())
                        .with("password", PASSWORD)
                        .with("_csrf", script.csrf))
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("Too many failed sign-in attempts"));
    }

    @Test
    void aDeactivatedUserCannotSignIn() {
        User mentor = createUser("mentor", Role.MENTOR);
        userService.deactivate(AdminScope.everything(), mentor.id()).block(Duration.ofSeconds(5));

        Browser browser = Browser.open(client(), newAddress());
        assertThat(browser.postLogin(mentor.email(), PASSWORD)
                        .getResponseHeaders()
                        .getLocation())
                .hasToString("/login?deactivated");
        assertThat(browser.page("/login?deactivated")).contains("This account is deactivated");
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsAtTheNextRequest() {
        User mentor = createUser("mentor", Role.MENTOR);
        Browser browser = signIn(mentor);
        browser.get("/api/me").exchange().expectStatus().isOk();

        userService.deactivate(AdminScope.everything(), mentor.id()).block(Duration.ofSeconds(5));

        browser.get("/api/me").exchange().expectStatus().isUnauthorized();
        browser.get("/api/sessions/s-1").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesASignInPostWithoutTheCsrfToken() {
        User student = createUser("student", Role.STUDENT);
        Browser browser = Browser.open(client(), newAddress());

        browser.post("/login")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("email", student.email()).with("password", PASSWORD))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    /** Found by the hostile input suite: the CSRF refusal was a text/plain "Access Denied" 403 to API callers. */
    @Test
    void anApiWriteWithoutCredentialsOrCsrfTokenIsAProblemNotAPlainTextRefusal() {
        Browser nobody = Browser.open(client(), newAddress());
        nobody.post("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client().post()
                .uri("/api/sessions")
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        User admin = createUser("admin", Role.ADMIN);
        signIn(admin)
                .post("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"ci\",\"role\":\"STUDENT\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesStateChangingBrowserCallsWithoutTheCsrfTokenAndAcceptsTheHtmxHeader() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        Browser browser = signIn(admin);
        String body = "{\"name\":\"ci\",\"role\":\"STUDENT\",\"programs\":[\"pcc-2026\"]}";

        browser.post("/api/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden();
        browser.post("/admin/users/" + admin.id().value() + "/deactivate")
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isForbidden();

        browser.page("/admin/users");
        browser.post("/api/tokens")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    @Test
    void signsOutWithAPostAndTheSessionIsGone() {
        User student = createUser("student", Role.STUDENT);
        Browser browser = signIn(student);
        browser.page("/");

        browser.post("/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login?logout");
        browser.get("/api/me").exchange().expectStatus().isUnauthorized();
    }
}
