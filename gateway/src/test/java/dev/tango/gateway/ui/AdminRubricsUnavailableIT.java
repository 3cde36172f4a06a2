package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The rubric pages when scoring-service is down (the shared setup points it at a closed port). */
class AdminRubricsUnavailableIT extends GatewayIntegrationTest {

    @Test
    void theRubricsPageSaysTheServiceIsNotAvailable() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        Browser browser = signIn(admin);

        String html = browser.page("/admin/rubrics");

        assertThat(html)
                .contains("Rubrics cannot be shown right now: the scoring-service is not available.")
                .contains("Program pcc-2026", "Cannot be shown right now")
                .contains("Import a rubric")
                .doesNotContain("Exception");
        String version = browser.get("/admin/rubrics/partnership/versions/1")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(version).contains("the scoring-service is not available").doesNotContain("Exception");
    }
}
