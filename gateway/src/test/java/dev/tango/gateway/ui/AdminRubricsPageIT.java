package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The rubric pages against a stand-in scoring-service ({@link ScoringStub}, a real HTTP server) that the pages call
 * with the admin's service token. Routing still points scoring at a closed port: only the pages use the stub.
 */
@Import(ScoringStub.StubbedScoring.class)
class AdminRubricsPageIT extends GatewayIntegrationTest {

    static final ScoringStub SCORING = ScoringStub.SHARED;

    private User admin() {
        return createUser("admin", Role.ADMIN, "pcc-2026");
    }

    @Test
    void listsRubricsWithTheStatusOfEachVersionAndTheRubricOfEachProgram() {
        Browser browser = signIn(admin());

        String html = browser.page("/admin/rubrics");

        assertThat(html)
                .contains("<h1>Rubrics</h1>", "href=\"/admin/rubrics\"", "aria-current=\"page\"")
                .contains("Partnership in coaching", "Built-in", "PCC markers", "Program pcc-2026")
                .contains(
                        "href=\"/admin/rubrics/pcc-markers/versions/1\"",
                        "href=\"/admin/rubrics/pcc-markers/versions/2\"")
                .contains(">Published</span>", ">Draft</span>")
                .contains("the built-in default")
                .contains("value=\"partnership:1\"", "value=\"pcc-markers:1\"")
                .doesNotContain("value=\"pcc-markers:2\"")
                .contains("Import a rubric", "hx-post=\"/admin/rubrics/import\"", "data-file-into=\"import-content\"");
        PagesIT.assertEveryInputIsLabelled(html);
        assertThat(SCORING.last("GET", "/api/scoring/rubrics").header("authorization"))
                .startsWith("Bearer ");
        assertThat(SCORING.last("GET", "/api/scoring/programs/pcc-2026/rubric").header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void aVersionPageShowsPhasesMarkersAntiSignalsAndTheScoringParameters() {
        Browser browser = signIn(admin());

        String html = browser.page("/admin/rubrics/pcc-markers/versions/2");

        assertThat(html)
                .contains("PCC markers", "v2", ">Draft</span>", "Program pcc-2026")
                .contains("Opening</span>: <span>Agreement", "Meaning making", "(1 of 2 markers for full marks)")
                .contains("Identifies what the client wants", "pcc.3-1", "What would you like to accomplish today?")
                .contains("Interrupts the client", "anti.interrupts", "20 points")
                .contains("hx-post=\"/admin/rubrics/pcc-markers/versions/2/publish\"")
                .contains("href=\"/api/scoring/rubrics/pcc-markers/versions/2/export\"")
                .doesNotContain("Start the next version as a draft", "Use this version in");

        String published = browser.page("/admin/rubrics/pcc-markers/versions/1");
        assertThat(published)
                .contains(">Published</span>", "Use this version in", "A later version exists")
                .doesNotContain("Start the next version as a draft", "/versions/1/publish\"");
        String builtIn = browser.page("/admin/rubrics/partnership/versions/1");
        assertThat(builtIn)
                .contains("Built-in (every program may use it)", "Use this version in", "never changes")
                .doesNotContain("Start the next version as a draft", "/publish\"");
    }

    @Test
    void publishingADraftSwapsInThePublishedVersion() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics/pcc-markers/versions/2");

        String panel = browser.post("/admin/rubrics/pcc-markers/versions/2/publish")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(panel)
                .startsWith("<div id=\"rubric-panel\"")
                .contains("Published: this version never changes from now on.", ">Published</span>")
                .doesNotContain("<html");
        assertThat(SCORING.last("POST", "/api/scoring/rubrics/pcc-markers/versions/2/publish")
                        .header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void aRefusedPublishSaysWhyAsTheServiceDid() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics/pcc-markers/versions/1");

        String page = browser.post("/admin/rubrics/pcc-markers/versions/1/publish")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("The version was not published. Already published.")
                .contains("was published at 2026-03-02T10:00:00Z and never changes")
                .contains("role=\"alert\"");
    }

    @Test
    void startingTheNextDraftOpensIt() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics/pcc-markers/versions/1");

        browser.post("/admin/rubrics/pcc-markers/drafts")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf).with("from", "1"))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/admin/rubrics/pcc-markers/versions/3");
        assertThat(SCORING.last("POST", "/api/scoring/rubrics/pcc-markers/drafts")
                        .header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void anImportWithProblemsListsEveryOneAndKeepsTheText() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics");
        String text = "{\"name\":\"\",\"phases\":[{\"phase\":\"OPENING\"},{\"phase\":\"REFLECTING\"}]}";

        String panel = browser.post("/admin/rubrics/import")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("programId", "pcc-2026")
                        .with("rubricId", "")
                        .with("content", text))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("HX-Redirect")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(panel)
                .startsWith("<section id=\"import-panel\"")
                .contains("Nothing was imported. Invalid request.")
                .contains("name: must not be blank")
                .contains("phases[1].phase: &quot;REFLECTING&quot; is not a phase")
                .contains("scoring.penaltyPerAntiSignal: must be between 0 and 100 (it is -1)")
                .contains("&quot;REFLECTING&quot;}]}</textarea>");
        ScoringStub.Received sent = SCORING.last("POST", "/api/scoring/rubrics/import");
        assertThat(sent.uri()).isEqualTo("/api/scoring/rubrics/import?programId=pcc-2026");
        assertThat(sent.body()).isEqualTo(text);
        assertThat(sent.header("content-type")).startsWith("application/json");
    }

    @Test
    void anAcceptedImportOpensTheNewDraft() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics");

        browser.post("/admin/rubrics/import")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("programId", "pcc-2026")
                        .with("rubricId", "imported-one")
                        .with("content", "{\"name\":\"Fine\"}"))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/admin/rubrics/imported-one/versions/1");
        assertThat(SCORING.last("POST", "/api/scoring/rubrics/import").uri())
                .isEqualTo("/api/scoring/rubrics/import?programId=pcc-2026&rubricId=imported-one");

        String htmx = browser.post("/admin/rubrics/import")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("programId", "pcc-2026").with("content", "{\"name\":\"Fine\"}"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Redirect", "/admin/rubrics/imported-one/versions/1")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(htmx).contains("Imported.");
    }

    @Test
    void anImportForAnotherProgramIsRefusedWithoutAskingTheService() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics");
        int before = SCORING.received().size();

        String page = browser.post("/admin/rubrics/import")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("programId", "acc-2027")
                        .with("rubricId", "Not Valid")
                        .with("content", " "))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("Nothing was imported: please correct the form.")
                .contains("Program: choose one of your programs.", "Rubric id: lower-case letters")
                .contains("Rubric JSON: paste the rubric here");
        assertThat(SCORING.received().subList(before, SCORING.received().size()))
                .noneMatch(request -> request.uri().startsWith("/api/scoring/rubrics/import"));
    }

    @Test
    void choosingTheRubricOfAProgramSendsTheVersionAndSaysSo() {
        Browser browser = signIn(admin());
        browser.page("/admin/rubrics");

        String page = browser.post("/admin/rubrics/assign")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("programId", "pcc-2026")
                        .with("rubric", "pcc-markers:1"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page).contains("Program pcc-2026 now uses PCC markers (pcc-markers v1).");
        ScoringStub.Received sent = SCORING.last("PUT", "/api/scoring/programs/pcc-2026/rubric");
        assertThat(sent.body()).contains("\"rubricId\":\"pcc-markers\"", "\"version\":1");
        assertThat(sent.header("authorization")).startsWith("Bearer ");
    }

    @Test
    void aVersionTheServiceDoesNotShowIsNotFound() {
        Browser browser = signIn(admin());
        int before = SCORING.received().size();

        String html = browser.get("/admin/rubrics/hidden/versions/1")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        browser.get("/admin/rubrics/Not-An-Id/versions/1")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(html).contains("<h1>Rubric not found</h1>").doesNotContain("Phases and markers");
        assertThat(SCORING.received().subList(before, SCORING.received().size()))
                .extracting(ScoringStub.Received::uri)
                .containsExactly("/api/scoring/rubrics/hidden/versions/1");
    }

    @Test
    void onlyAdminsOpenTheRubricPagesOrSeeTheirLink() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        Browser browser = signIn(mentor);

        browser.get("/admin/rubrics").exchange().expectStatus().isForbidden();
        browser.get("/admin/rubrics/partnership/versions/1")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(browser.page("/")).doesNotContain("href=\"/admin/rubrics\"");
    }
}
