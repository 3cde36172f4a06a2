package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.events.UserId;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.AdminScope;
import dev.tango.gateway.user.NewUser;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

class PagesIT extends GatewayIntegrationTest {

    @Test
    void theLoginPageHasLabelledInputsAndACsrfField() {
        String html = Browser.open(client(), newAddress()).page("/login");
        assertThat(html).contains("<form", "action=\"/login\"", "name=\"_csrf\"", "Skip to main content");
        assertEveryInputIsLabelled(html);
    }

    @Test
    void aStudentSeesTheirSessionsTableAndChart() {
        User student = userService
                .create(
                        AdminScope.everything(),
                        new NewUser(
                                UserId.of("student-with-sessions-"
                                        + UUID.randomUUID().toString().substring(0, 6)),
                                "Ana Student",
                                UUID.randomUUID() + "@example.test",
                                Set.of(Role.STUDENT),
                                Set.of(),
                                PASSWORD))
                .block(Duration.ofSeconds(5));
        String html = signIn(student).page("/");

        assertThat(html).contains("My practice sessions", "pcc-2026", "45 min", "OPENING, EXPLORING");
        assertThat(html).contains("data-chart=\"session-minutes\"", "/webjars/chart.js/dist/chart.umd.js");
        assertThat(html).contains("name=\"csrf-token\"", "/webjars/htmx.org/dist/htmx.min.js");
        assertThat(html).doesNotContain("href=\"/admin/users\"");
        assertThat(DOWNSTREAM
                        .last("/api/feedback/students/" + student.id().value())
                        .header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void homePageRowsLinkToTheSessionPage() {
        User student = createUser("student-with-sessions", Role.STUDENT);

        assertThat(signIn(student).page("/")).contains("href=\"/sessions/s-1\"", "href=\"/sessions/s-2\"");
    }

    @Test
    void theSessionPageShowsStatusAndPhasesReadWithTheCallersToken() {
        User student = createUser("student", Role.STUDENT);
        Browser browser = signIn(student);

        String html = browser.page("/sessions/s-1");

        assertThat(html)
                .contains("<h1>Practice session", "2026-03-01 10:00 UTC", "<h2 id=\"console-heading\">Console</h2>")
                .contains("In progress", "Meaning making", "Review", "pcc-2026", "mentor-marco")
                .contains("<h2 id=\"phases-heading\">Phases</h2>", "Opening", "Time code", "7:01")
                .contains("Time in each phase", "Shown once the session has ended.")
                .contains("Skip to main content", "Sign out");
        assertThat(DOWNSTREAM.last("/api/sessions/s-1").header("authorization")).startsWith("Bearer ");
    }

    @Test
    void aSessionTheServiceDoesNotShowIsNotFoundAndShowsNothingOfIt() {
        User student = createUser("student", Role.STUDENT);
        Browser browser = signIn(student);

        String html = browser.get("/sessions/s-hidden")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("<title>Session not found · Tango</title>", "<h1>Session not found</h1>")
                .doesNotContain("No session s-hidden", "Phases", "Status</h2>");
        assertThat(DOWNSTREAM.last("/api/sessions/s-hidden").header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void aMalformedSessionIdIsNotFoundWithoutAskingTheService() {
        User student = createUser("student", Role.STUDENT);
        int before = DOWNSTREAM.received().size();

        signIn(student)
                .get("/sessions/-not-an-id")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(DOWNSTREAM.received().subList(before, DOWNSTREAM.received().size()))
                .noneMatch(request -> request.uri().startsWith("/api/sessions/"));
    }

    @Test
    void aSessionPageSaysSoWhenSessionServiceFails() {
        User student = createUser("student", Role.STUDENT);

        String html = signIn(student)
                .get("/sessions/s-broken")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html).contains("session-service is not available").doesNotContain("Exception", "boom");
    }

    @Test
    void anonymousVisitorsOfASessionPageAreSentToTheLoginPage() {
        client().get()
                .uri("/sessions/s-1")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login");
    }

    @Test
    void aStudentWithoutSessionsSeesAnEmptyState() {
        User student = createUser("student", Role.STUDENT);
        assertThat(signIn(student).page("/")).contains("My practice sessions", "No sessions yet.");
    }

    @Test
    void aStudentSeesAnUnavailableStateWhenTheServiceFails() {
        User student = userService
                .create(
                        AdminScope.everything(),
                        new NewUser(
                                UserId.of("student-broken-"
                                        + UUID.randomUUID().toString().substring(0, 6)),
                                "Broken",
                                UUID.randomUUID() + "@example.test",
                                Set.of(Role.STUDENT),
                                Set.of(),
                                PASSWORD))
                .block(Duration.ofSeconds(5));
        String html = signIn(student).page("/");
        assertThat(html).contains("feedback-service is not available").doesNotContain("Exception");
    }

    @Test
    void aMentorSeesTheSessionsTheyMentor() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        String html = signIn(mentor).page("/");
        assertThat(html).contains("Sessions I mentor", "SCHEDULED", "2026-04-01 09:00", "href=\"/sessions/s-9\"");
        assertThat(DOWNSTREAM
                        .last("/api/sessions?mentorId=" + mentor.id().value())
                        .header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void anAdminSeesProgramsNavigationAndAnUnavailableStateWhenSessionServiceFails() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        String html = signIn(admin).page("/");
        assertThat(html)
                .contains("Program pcc-2026", "session-service is not available", "href=\"/admin/users\"", "Sign out");
    }

    @Test
    void theAdminUsersPageListsUsersWithLabelledForms() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        Browser browser = signIn(admin);

        String html = browser.page("/admin/users");

        assertThat(html).contains("Add a user", student.email(), "hx-post=\"/admin/users\"", "Deactivate");
        assertEveryInputIsLabelled(html);
        String edit = browser.page("/admin/users/" + student.id().value());
        assertThat(edit).contains(student.displayName(), "Profile, roles and programs", "value=\"pcc-2026\"");
        assertEveryInputIsLabelled(edit);
    }

    @Test
    void anAdminCreatesEditsAndDeactivatesThroughTheHtmxForms() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026", "acc-2027");
        Browser browser = signIn(admin);
        browser.page("/admin/users");
        String email = "htmx-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String id = "student-htmx-" + UUID.randomUUID().toString().substring(0, 6);

        String panel = browser.post("/admin/users")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("displayName", "Eve")
                        .with("email", email)
                        .with("id", id)
                        .with("password", "a-long-password")
                        .with("roles", "STUDENT")
                        .with("programs", "pcc-2026"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(panel).contains("Created Eve.", email).doesNotContain("<html");

        String invalid = browser.post("/admin/users")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("displayName", "")
                        .with("email", "nope")
                        .with("password", "x"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(invalid).contains("aria-invalid=\"true\"", "must be a valid email address", "at least one role");

        String editor = browser.post("/admin/users/" + id)
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("displayName", "Eve")
                        .with("email", email)
                        .with("roles", "STUDENT")
                        .with("roles", "MENTOR")
                        .with("programs", "pcc-2026, acc-2027"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(editor).contains("Saved.", "value=\"acc-2027, pcc-2026\"");
        assertThat(userService
                        .get(AdminScope.everything(), UserId.of(id))
                        .block(Duration.ofSeconds(5))
                        .roles())
                .containsExactlyInAnyOrder(Role.STUDENT, Role.MENTOR);

        String row = browser.post("/admin/users/" + id + "/deactivate")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(row).startsWith("<tr").contains("deactivated");
    }

    @Test
    void nonAdminsCannotOpenTheAdminPages() {
        User mentor = createUser("mentor", Role.MENTOR);
        signIn(mentor).get("/admin/users").exchange().expectStatus().isForbidden();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        client().get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login");
    }

    @Test
    void staticAssetsAndWebjarsAreServed() {
        client().get().uri("/css/tango.css").exchange().expectStatus().isOk();
        client().get().uri("/js/tango.js").exchange().expectStatus().isOk();
        client().get()
                .uri("/webjars/htmx.org/dist/htmx.min.js")
                .exchange()
                .expectStatus()
                .isOk();
        client().get()
                .uri("/webjars/chart.js/dist/chart.umd.js")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void healthIsOpenAndPrometheusNeedsAnAdmin() {
        User admin = createUser("admin", Role.ADMIN);
        Browser adminBrowser = signIn(admin);
        System.err.println("HEALTH "
                + new String(adminBrowser
                        .get("/actuator/health")
                        .exchange()
                        .expectBody()
                        .returnResult()
                        .getResponseBody()));
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        User mentor = createUser("mentor", Role.MENTOR);
        signIn(mentor).get("/actuator/prometheus").exchange().expectStatus().isForbidden();
        String metrics = adminBrowser
                .get("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics).contains("tango_gateway_logins_total");
    }

    /** Every visible input has a label whose for= matches its id (hidden fields need none). */
    static void assertEveryInputIsLabelled(String html) {
        Matcher inputs = Pattern.compile("<input\\b[^>]*>").matcher(html);
        List<String> unlabelled = new ArrayList<>();
        int count = 0;
        while (inputs.find()) {
            String input = inputs.group();
            if (input.contains("type=\"hidden\"")) {
                continue;
            }
            count++;
            Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(input);
            if (!id.find() || !html.contains("for=\"" + id.group(1) + "\"")) {
                unlabelled.add(input);
            }
        }
        assertThat(count).as("visible inputs").isPositive();
        assertThat(unlabelled).as("inputs without a label").isEmpty();
    }
}
