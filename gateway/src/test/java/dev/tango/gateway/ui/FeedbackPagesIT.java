package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.Downstream;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.routing.ServiceUrls;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The dashboard, session feedback and program metrics pages against the stand-in services ({@link Downstream}, a real
 * HTTP server) answering as feedback-service (and scoring-service, for a session's rubric) do. The services decide
 * who sees what: the pages pass on their 404s as "not found" pages with status 404.
 */
@Import(FeedbackPagesIT.StubbedServices.class)
class FeedbackPagesIT extends GatewayIntegrationTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- the student dashboard

    @Test
    void aStudentSeesTheirDashboardWithChartsAndTheSameNumbersInTables() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        String session = newId("fb");
        DOWNSTREAM.answer(
                "GET",
                "/api/feedback/students/" + student.id().value() + "/dashboard",
                200,
                dashboard(student, session));
        Browser browser = signIn(student);

        String html = browser.page("/dashboard");

        assertThat(html)
                .contains("<h1>My dashboard</h1>", "href=\"/dashboard\" aria-current=\"page\"")
                .contains("href=\"/sessions/" + session + "/feedback\"", "not scored yet", "mentor-m: 60", "revised")
                .contains("data-chart=\"line\"", "data-labels=\"2026-03-01|2026-03-08\"", "data-values=\"60|72\"")
                .contains("data-chart=\"bar\"", "data-values=\"50.00|100.00|||\"")
                .contains("data-chart=\"grouped-bar\"", "data-values=\"5.0|10.0|0.0|0.0|0.0\"")
                .contains("data-values2=\"6.0|8.0|1.0|0.0|0.0\"")
                .contains("<caption>Score trend</caption>", "<caption>Per-phase profile</caption>")
                .contains("opening.how-to-work", "missed 2 times", "anti.leads", "observed 3 times")
                .contains("closing.learned", "<p>Try <em>asking</em> first.</p>")
                .contains("/webjars/chart.js/dist/chart.umd.js", "/js/charts.js");
        assertThat(DOWNSTREAM
                        .last("/api/feedback/students/" + student.id().value())
                        .header("authorization"))
                .startsWith("Bearer ");
        assertThat(browser.page("/")).contains("href=\"/dashboard\"");
    }

    @Test
    void anotherStudentsDashboardIsNotFoundAsTheServiceSays() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        Browser browser = signIn(student);

        browser.get("/students/someone-else/dashboard")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html)
                        .contains("<h1>Dashboard not found</h1>")
                        .doesNotContain("someone-else</span>"));
        assertThat(DOWNSTREAM.last("/api/feedback/students/someone-else/dashboard"))
                .isNotNull();
    }

    @Test
    void aMentorSeesTheirStudentsDashboardUnderTheStudentsAddress() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        String session = newId("fb");
        String student = newId("stud");
        DOWNSTREAM.answer(
                "GET", "/api/feedback/students/" + student + "/dashboard", 200, dashboard(new Named(student), session));

        String html = signIn(mentor).page("/students/" + student + "/dashboard");

        assertThat(html).contains("Dashboard of " + student, "data-chart=\"line\"");
    }

    // ---- the session feedback page

    @Test
    void commentBodiesAreInsertedOnlyAsTheServicesSafeHtmlSoAScriptIsInert() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        String session = newId("fb");
        answerSession(session, student.id().value(), "mentor-m");
        DOWNSTREAM.answer("GET", "/api/feedback/sessions/" + session + "/self-assessment", 404, "{}");
        DOWNSTREAM.answer("GET", "/api/scoring/sessions/" + session + "/rubric", 200, rubric());
        Browser browser = signIn(student);

        String html = browser.page("/sessions/" + session + "/feedback");

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain(SCRIPT, "<script>alert", "<img");
        // Every field but the service's html is escaped: the item id, the note, the transcript, the reply's raw body.
        assertThat(html.split("&lt;script&gt;", -1).length - 1).isGreaterThanOrEqualTo(4);
        assertThat(html)
                .contains("<h2 id=\"timeline-heading\">Time line</h2>", "Opening", "Meaning making", "1:05")
                .contains("Reply</button>", "name=\"body\"")
                .contains("<legend>Starting in partnership</legend>", "value=\"OPENING:opening.how-to-work\"")
                .contains("My self-assessment", "<h2 id=\"transcript-heading\">Transcript</h2>")
                .doesNotContain("My drafts", "Write a comment");
        PagesIT.assertEveryInputIsLabelled(html);
    }

    @Test
    void aMentorWritesACommentThroughTheFormAndSeesTheirDraftsWithTheirActions() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        String session = newId("fb");
        answerSession(session, "student-s", mentor.id().value());
        DOWNSTREAM.answer("POST", "/api/feedback/sessions/" + session + "/comments", 201, "{\"id\":\"c-new\"}");
        Browser browser = signIn(mentor);

        String html = browser.page("/sessions/" + session + "/feedback");
        assertThat(html)
                .contains("My drafts", "Write a comment", "/comments/c-draft/publish", "/comments/c-draft/delete")
                .contains("href=\"/students/student-s/dashboard\"", "Dashboard of student-s")
                .contains("A draft only I see", "67 %")
                .doesNotContain("Your reply", "My self-assessment");
        PagesIT.assertEveryInputIsLabelled(html);

        browser.post("/sessions/" + session + "/feedback/comments")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("body", "You let the client choose.")
                        .with("kind", "STRENGTH")
                        .with("timeCode", "1:05")
                        .with("phase", "OPENING")
                        .with("itemId", "opening.how-to-work")
                        .with("publish", "true"))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/sessions/" + session + "/feedback");

        Downstream.Received sent = DOWNSTREAM.last("/api/feedback/sessions/" + session + "/comments");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("authorization")).startsWith("Bearer ");
        assertThat(sent.body())
                .contains("\"body\":\"You let the client choose.\"", "\"kind\":\"STRENGTH\"", "\"timeCodeMs\":65000")
                .contains("\"phase\":\"OPENING\"", "\"itemId\":\"opening.how-to-work\"", "\"publish\":true");
    }

    @Test
    void aRefusedCommentSaysWhyAndKeepsWhatWasTyped() {
        User mentor = createUser("mentor", Role.MENTOR, "pcc-2026");
        String session = newId("fb");
        answerSession(session, "student-s", mentor.id().value());
        DOWNSTREAM.answer(
                "POST",
                "/api/feedback/sessions/" + session + "/comments",
                409,
                "{\"title\":\"Too many comments\",\"detail\":\"A session holds at most 500 comments.\"}");
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + session + "/feedback");

        String html = browser.post("/sessions/" + session + "/feedback/comments")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("body", "One more")
                        .with("kind", "NOTE"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("role=\"alert\"", "The comment was not saved.", "A session holds at most 500 comments.")
                .contains(">One more</textarea>");
    }

    @Test
    void theStudentRepliesAndSavesTheirSelfAssessment() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        String session = newId("fb");
        answerSession(session, student.id().value(), "mentor-m");
        DOWNSTREAM.answer("GET", "/api/scoring/sessions/" + session + "/rubric", 200, rubric());
        DOWNSTREAM.answer(
                "POST", "/api/feedback/sessions/" + session + "/comments/c-1/replies", 201, "{\"id\":\"c-1\"}");
        DOWNSTREAM.answer("PUT", "/api/feedback/sessions/" + session + "/self-assessment", 200, "{}");
        Browser browser = signIn(student);
        String html = browser.page("/sessions/" + session + "/feedback");
        assertThat(html).contains("67 %", "only you: opening.what-matters", "checked");

        browser.post("/sessions/" + session + "/feedback/comments/c-1/replies")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf).with("body", "I see it now."))
                .exchange()
                .expectStatus()
                .isSeeOther();
        assertThat(DOWNSTREAM
                        .last("/api/feedback/sessions/" + session + "/comments/c-1/replies")
                        .body())
                .isEqualTo("{\"body\":\"I see it now.\"}");

        browser.post("/sessions/" + session + "/feedback/self-assessment")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf)
                        .with("marker", "OPENING:opening.how-to-work")
                        .with("marker", "CLOSING:closing.learned")
                        .with("reflection", "I led too much."))
                .exchange()
                .expectStatus()
                .isSeeOther();
        assertThat(DOWNSTREAM
                        .last("/api/feedback/sessions/" + session + "/self-assessment")
                        .body())
                .contains("\"OPENING\":[\"opening.how-to-work\"]", "\"CLOSING\":[\"closing.learned\"]")
                .contains("\"EXPLORING\":[]", "\"reflection\":\"I led too much.\"");
    }

    @Test
    void aSessionTheCallerMayNotSeeIsNotFound() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        DOWNSTREAM.answer("GET", "/api/feedback/sessions/fb-hidden", 404, "{\"title\":\"Not found\"}");

        signIn(student)
                .get("/sessions/fb-hidden/feedback")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<h1>Session not found</h1>"));
    }

    // ---- program metrics

    @Test
    void anAdminSeesTheProgramMetricsForAPeriodWithTheExportLink() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        DOWNSTREAM.answer(
                "GET", "/api/feedback/programs/pcc-2026/metrics?from=2026-01-01&to=2026-03-31", 200, metrics());
        Browser browser = signIn(admin);

        String html = browser.page("/admin/programs/pcc-2026/metrics?from=2026-01-01&to=2026-03-31");

        assertThat(html)
                .contains("Metrics of program <span>pcc-2026</span>", "aria-current=\"page\"")
                .contains("value=\"2026-01-01\"", "value=\"2026-03-31\"")
                .contains("data-labels=\"2026-W02|2026-W03\"", "data-values=\"2|1\"")
                .contains("data-values=\"0|0|0|0|0|1|1|0|0|0\"")
                .contains("pcc-2026/2026-01", "55.00", "missed-marker")
                .contains("median <strong>1 d 2 h</strong>", "90th percentile <strong>3 d 0 h</strong>")
                .contains("<th scope=\"row\">mentor-m</th>", "more than <span>7 days</span>", "s-waiting")
                .contains("href=\"/api/feedback/programs/pcc-2026/export.csv?from=2026-01-01&amp;to=2026-03-31\"");
        PagesIT.assertEveryInputIsLabelled(html);
    }

    @Test
    void aRefusedPeriodIsExplainedAndTheDefaultPeriodShown() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        DOWNSTREAM.answer(
                "GET",
                "/api/feedback/programs/pcc-2026/metrics?from=2020-01-01&to=2026-03-31",
                400,
                "{\"title\":\"Bad period\",\"detail\":\"A period is at most 366 days.\"}");
        DOWNSTREAM.answer("GET", "/api/feedback/programs/pcc-2026/metrics", 200, metrics());

        String html = signIn(admin).page("/admin/programs/pcc-2026/metrics?from=2020-01-01&to=2026-03-31");

        assertThat(html).contains("role=\"alert\"", "A period is at most 366 days.", "value=\"2026-01-01\"");
    }

    @Test
    void metricsOfAProgramTheAdminDoesNotRunAreNotFound() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        DOWNSTREAM.answer("GET", "/api/feedback/programs/other-program/metrics", 404, "{\"title\":\"Not found\"}");

        signIn(admin)
                .get("/admin/programs/other-program/metrics")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<h1>Program not found</h1>"));
    }

    // ---- canned answers shaped as feedback-service's

    private record Named(String value) {}

    private static String dashboard(User student, String session) {
        return dashboard(new Named(student.id().value()), session);
    }

    private static String dashboard(Named student, String session) {
        return """
                {"studentId":"%s","sessions":[
                  {"sessionId":"fb-later","programId":"pcc-2026","status":"SCHEDULED",
                   "scheduledFor":"2026-04-01T10:00:00Z","overallScore":null,"mentorScores":[],"comments":[]},
                  {"sessionId":"%s","programId":"pcc-2026","status":"ENDED","scheduledFor":"2026-03-08T10:00:00Z",
                   "startedAt":"2026-03-08T10:00:00Z","endedAt":"2026-03-08T10:30:00Z","overallScore":72,
                   "mentorScores":[{"mentorId":"mentor-m","revision":2,"overallScore":60,
                                    "publishedAt":"2026-03-09T10:00:00Z"}],
                   "comments":[%s]}],
                 "scoreTrend":[{"sessionId":"fb-old","scheduledFor":"2026-03-01T10:00:00Z","overallScore":60},
                               {"sessionId":"%s","scheduledFor":"2026-03-08T10:00:00Z","overallScore":72}],
                 "phases":[
                   {"phase":"OPENING","averageScore":50.00,"scoredSessions":2,"averageTimeMs":300000,"programAverageTimeMs":360000},
                   {"phase":"EXPLORING","averageScore":100.00,"scoredSessions":2,"averageTimeMs":600000,"programAverageTimeMs":480000},
                   {"phase":"MEANING_MAKING","averageScore":null,"scoredSessions":0,"averageTimeMs":0,"programAverageTimeMs":60000},
                   {"phase":"ACTION_PLANNING","averageScore":null,"scoredSessions":0,"averageTimeMs":0,"programAverageTimeMs":0},
                   {"phase":"CLOSING","averageScore":null,"scoredSessions":0,"averageTimeMs":0,"programAverageTimeMs":0}],
                 "missedMarkers":[{"itemId":"opening.how-to-work","count":2,"comments":[%s]}],
                 "antiSignals":[{"itemId":"anti.leads","count":3,"comments":[]}],
                 "strengths":[{"itemId":"closing.learned","count":1,"comments":[]}]}
                """.formatted(student.value(), session, comment(), session, comment());
    }

    private static String comment() {
        return """
                {"id":"c-1","mentorId":"mentor-m","kind":"SUGGESTION","body":"Try *asking* first.",
                 "html":"<p>Try <em>asking</em> first.</p>","timeCodeMs":65000,"phase":"OPENING",
                 "itemId":"opening.how-to-work","status":"PUBLISHED","deleted":false,"edits":0,"history":[],
                 "replies":[]}""";
    }

    private static void answerSession(String session, String student, String mentor) {
        String xss = "{\"id\":\"c-x\",\"mentorId\":\"mentor-m\",\"kind\":\"NOTE\",\"body\":\""
                + SCRIPT.replace("'", "\\u0027")
                + "<img src=x onerror=alert(1)>\",\"html\":\"<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img"
                + " src=x onerror=alert(1)&gt;</p>\",\"timeCodeMs\":null,\"status\":\"PUBLISHED\",\"deleted\":false,"
                + "\"edits\":1,\"replies\":[{\"authorId\":\"" + student + "\",\"body\":\"" + SCRIPT
                + "\",\"html\":\"<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>\"}]}";
        String draft = "{\"id\":\"c-draft\",\"mentorId\":\"" + mentor + "\",\"kind\":\"NOTE\",\"body\":\"A draft only I"
                + " see\",\"html\":\"<p>A draft only I see</p>\",\"status\":\"DRAFT\",\"deleted\":false,\"edits\":0}";
        DOWNSTREAM.answer("GET", "/api/feedback/sessions/" + session, 200, """
                {"sessionId":"%s","programId":"pcc-2026","studentId":"%s","mentorIds":["%s"],"mode":"LIVE",
                 "status":"ENDED","scheduledFor":"2026-03-08T10:00:00Z","startedAt":"2026-03-08T10:00:00Z",
                 "endedAt":"2026-03-08T10:30:00Z","durationMs":1800000,"overallScore":66,
                 "mentorScores":[{"mentorId":"mentor-m","revision":2,"overallScore":66,"publishedAt":"2026-03-09T10:00:00Z"}],
                 "phases":[{"phase":"OPENING","enteredAt":"2026-03-08T10:00:00Z","startMs":0,"endMs":300000},
                           {"phase":"MEANING_MAKING","enteredAt":"2026-03-08T10:05:00Z","startMs":300000,"endMs":1800000}],
                 "pins":[{"timeCodeMs":65000,"phase":"OPENING","comment":%s,"observation":null},
                         {"timeCodeMs":400000,"phase":"MEANING_MAKING","comment":null,
                          "observation":{"observationId":"o-1","mentorId":"mentor-m","kind":"ANTI_SIGNAL",
                                         "itemId":"anti.leads","phase":"MEANING_MAKING","note":"%s"}}],
                 "comments":[%s,%s,%s],
                 "transcript":[{"index":0,"speaker":"COACH","text":"%s","startMs":0,"endMs":4000}]}
                """.formatted(
                        session, student, mentor, comment(), SCRIPT, comment(), xss, draft, SCRIPT));
        DOWNSTREAM.answer(
                "GET", "/api/feedback/sessions/" + session + "/self-assessment", 200, """
                {"sessionId":"%s","studentId":"%s","markers":{"OPENING":["opening.how-to-work","opening.what-matters"]},
                 "reflection":"Agreement","agreements":[{"mentorId":"mentor-m","revision":2,"agreed":0.67,"phases":[
                   {"phase":"OPENING","both":["opening.how-to-work"],"onlyStudent":["opening.what-matters"],"onlyMentor":[]},
                   {"phase":"CLOSING","both":[],"onlyStudent":[],"onlyMentor":[]}]}]}
                """.formatted(session, student));
    }

    private static String rubric() {
        return """
                {"ref":{"rubricId":"partnership","version":1},"status":"PUBLISHED","content":{"name":"Partnership",
                 "phases":[{"phase":"OPENING","title":"Starting in partnership","markers":[
                   {"id":"opening.how-to-work","label":"Asks how to work together today"},
                   {"id":"opening.what-matters","label":"Asks what is important to explore"}]},
                  {"phase":"CLOSING","title":"Closing","markers":[{"id":"closing.learned","label":"What have you learned"}]}],
                 "antiSignals":[]}}
                """;
    }

    private static String metrics() {
        return """
                {"programId":"pcc-2026","from":"2026-01-01","to":"2026-03-31","sessions":4,
                 "sessionsHeldByWeek":[{"week":"2026-W02","sessions":2},{"week":"2026-W03","sessions":1}],
                 "scoreDistribution":[{"low":0,"high":9,"sessions":0},{"low":10,"high":19,"sessions":0},
                   {"low":20,"high":29,"sessions":0},{"low":30,"high":39,"sessions":0},{"low":40,"high":49,"sessions":0},
                   {"low":50,"high":59,"sessions":1},{"low":60,"high":69,"sessions":1},{"low":70,"high":79,"sessions":0},
                   {"low":80,"high":89,"sessions":0},{"low":90,"high":100,"sessions":0}],
                 "cohorts":[{"cohort":"pcc-2026/2026-01","students":2,"scoredSessions":2,
                   "averagePhaseScores":{"OPENING":55.00,"EXPLORING":100.00}}],
                 "mostMissedMarkers":[{"itemId":"missed-marker","count":3,"comments":[]}],
                 "turnaround":{"sessions":2,"medianMs":93600000,"p90Ms":259200000},
                 "mentorWorkload":[{"mentorId":"mentor-m","assigned":3,"scored":2,"awaitingPublication":1}],
                 "unscoredAfter":"PT168H",
                 "unscored":[{"sessionId":"s-waiting","studentId":"ana","mentorIds":["mentor-m"],
                   "endedAt":"2026-01-02T10:00:00Z","daysSinceEnd":9}]}
                """;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class StubbedServices {

        // The pages ask the stand-in for scoring-service's session rubric too; the routes keep the shared setup.
        @Bean
        @Primary
        ServiceUrls stubbedFeedbackUrls() {
            URI downstream = URI.create(DOWNSTREAM.url());
            return new ServiceUrls(downstream, downstream, downstream);
        }
    }
}
