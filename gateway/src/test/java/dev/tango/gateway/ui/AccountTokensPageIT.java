package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class AccountTokensPageIT extends GatewayIntegrationTest {

    private static final Pattern PLAINTEXT = Pattern.compile("id=\"new-token\" class=\"token\">(tango_pat_[^<]+)<");
    private static final Pattern ROW = Pattern.compile("id=\"token-([0-9a-f]+)\"");

    @Test
    void aMentorIssuesAPersonalTokenSeesItOnceUsesItAsThemselvesAndRevokesIt() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        Browser browser = signIn(mentor);
        String empty = browser.page("/account/tokens");
        assertThat(empty).contains("You have no tokens.", "href=\"/account/tokens\"", "aria-current=\"page\"");

        String issued = post(browser, "/account/tokens", "name", "scoring script", "days", "30");
        Matcher plaintext = PLAINTEXT.matcher(issued);
        assertThat(plaintext.find()).as("the new token is shown").isTrue();
        String token = plaintext.group(1);
        assertThat(issued).contains("Token “scoring script” issued.", "scoring script", "active");
        assertThat(browser.page("/account/tokens")).doesNotContain(token).contains("scoring script");

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
                .isEqualTo("USER_TOKEN");

        Matcher row = ROW.matcher(issued);
        assertThat(row.find()).isTrue();
        String revoked = post(browser, "/account/tokens/" + row.group(1) + "/revoke");
        assertThat(revoked).contains("Token “scoring script” revoked.", "revoked");
        client().get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aTokenWithoutANameIsRefusedAndNothingIsIssued() {
        Browser browser = signIn(createUser("student", Role.STUDENT, "pcc-2026"));
        browser.page("/account/tokens");

        String refused = post(browser, "/account/tokens", "name", "   ", "days", "90");

        assertThat(refused).contains("role=\"alert\"", "Give the token a name").doesNotContain("tango_pat_");
        assertThat(browser.page("/account/tokens")).contains("You have no tokens.");
    }

    @Test
    void nobodyRevokesAnotherUsersToken() {
        Browser owner = signIn(createUser("student", Role.STUDENT, "pcc-2026"));
        owner.page("/account/tokens");
        Matcher row = ROW.matcher(post(owner, "/account/tokens", "name", "mine", "days", "7"));
        assertThat(row.find()).isTrue();

        Browser other = signIn(createUser("admin", Role.ADMIN, "pcc-2026"));
        other.page("/account/tokens");
        other.post("/account/tokens/" + row.group(1) + "/revoke")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", other.csrf))
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(owner.page("/account/tokens")).contains("mine", ">active<");
    }

    private static String post(Browser browser, String path, String... fields) {
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("_csrf", browser.csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form = form.with(fields[i], fields[i + 1]);
        }
        String html = browser.post(path)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML)
                .body(form)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        browser.csrf = GatewayIntegrationTest.csrfFrom(html);
        return html;
    }
}
