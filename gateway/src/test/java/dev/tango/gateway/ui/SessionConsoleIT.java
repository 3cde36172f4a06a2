package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.Downstream;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The session console against a stand-in session-service: what the page offers to whom, what each form sends (with
 * the person's token and an Idempotency-Key), and what the page says when the service refuses or fails.
 */
class SessionConsoleIT extends GatewayIntegrationTest {

    @Test
    void theConsoleShowsTheGoalTheClockAndExactlyTheAllowedMovesWithTheirShortcuts() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "EXPLORING", "\"EXPLORING\",\"MEANING_MAKING\"", phases("OPENING")));

        String html = signIn(mentor).page("/sessions/" + id);

        assertThat(html)
                .contains("Bring up the promotion &amp; the timing", "Client A")
                .contains("role=\"timer\"", "data-clock", "data-started-at=\"")
                .contains(
                        "<h2 id=\"console-heading\">Console</h2>",
                        "Current phase",
                        "<h2 id=\"phases-heading\">Phases</h2>")
                .contains("aria-keyshortcuts=\"2\"", "aria-keyshortcuts=\"3\"")
                .contains("Keyboard shortcuts", "Use the number keys as shortcuts")
                .contains("End the session…", "Cancel the session…", "Import a transcript");
        assertThat(moveButtons(html)).containsExactly("EXPLORING", "MEANING_MAKING");
        assertThat(html).doesNotContain("name=\"timecode\"", "Start the session");
        PagesIT.assertEveryInputIsLabelled(html);
    }

    @Test
    void aStudentRunsTheirSessionButNeitherCancelsItNorImportsItsTranscript() {
        User student = createUser("student", Role.STUDENT);
        String id = sessionServing(session(sid -> sessionJson(
                sid, student.id().value(), "mentor-x", "LIVE", "SCHEDULED", "null", "[]", "null", "[]", null)));

        String html = signIn(student).page("/sessions/" + id);

        assertThat(html).contains("Start the session").doesNotContain("Cancel the session", "Import a transcript");
    }

    @Test
    void aMoveWithHtmxSendsThePhaseWithTheCallersTokenAndAKeyAndSwapsInTheNewConsole() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\",\"MEANING_MAKING\"", phases("OPENING")));
        DOWNSTREAM.answer(
                "POST",
                "/api/sessions/" + id + "/phase",
                200,
                live(mentor, "EXPLORING", "\"MEANING_MAKING\",\"ACTION_PLANNING\"", phases("OPENING", "EXPLORING"))
                        .apply(id));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);
        String formKey = UUID.randomUUID().toString();

        String console = htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING", "formKey", formKey);

        assertThat(console)
                .startsWith("<div id=\"console\"")
                .doesNotContain("<html")
                .contains("Now in Exploring.", "role=\"status\"");
        assertThat(moveButtons(console)).containsExactly("MEANING_MAKING", "ACTION_PLANNING");
        Downstream.Received sent = DOWNSTREAM.last("/api/sessions/" + id + "/phase");
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.body()).isEqualTo("{\"phase\":\"EXPLORING\"}");
        assertThat(sent.header("authorization")).startsWith("Bearer ");
        assertThat(UUID.fromString(sent.header("idempotency-key"))).isNotNull();
    }

    @Test
    void aFormSentTwiceSendsTheSameIdempotencyKeyAndAnotherMoveAnotherKey() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\",\"MEANING_MAKING\"", phases("OPENING")));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);
        String formKey = UUID.randomUUID().toString();

        htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING", "formKey", formKey);
        htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING", "formKey", formKey);
        htmxPost(browser, "/sessions/" + id + "/phase", "phase", "MEANING_MAKING", "formKey", formKey);

        List<String> keys = DOWNSTREAM.received("POST", "/api/sessions/" + id + "/phase").stream()
                .map(request -> request.header("idempotency-key"))
                .toList();
        assertThat(keys).hasSize(3);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));
        assertThat(keys.get(2)).isNotEqualTo(keys.get(0));
    }

    @Test
    void withoutHtmxAMoveRedirectsToThePageWhichSaysWhatHappened() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "EXPLORING", "\"MEANING_MAKING\"", phases("OPENING", "EXPLORING")));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        browser.post("/sessions/" + id + "/phase")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("phase", "EXPLORING")
                        .with("formKey", UUID.randomUUID().toString())
                        .with("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/sessions/" + id + "?done=phase");

        assertThat(browser.page("/sessions/" + id + "?done=phase")).contains("Now in Exploring.");
    }

    @Test
    void aMoveNoLongerAllowedShowsTheSessionAsItIsNowAndWhy() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(
                mentor,
                "CLOSING",
                "\"ACTION_PLANNING\"",
                phases("OPENING", "EXPLORING", "ACTION_PLANNING", "CLOSING")));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/phase", 409, """
                {"type":"https://tango.dev/problems/conflict","title":"Phase move not allowed","status":409,
                 "detail":"CLOSING cannot move to EXPLORING","currentPhase":"CLOSING","requestedPhase":"EXPLORING",
                 "allowedMoves":["ACTION_PLANNING"]}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String console = htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING");
        assertThat(console)
                .contains("role=\"alert\"")
                .contains("That move is not allowed now: the session is in Closing, from where it can move to Action"
                        + " planning.");
        assertThat(moveButtons(console)).containsExactly("ACTION_PLANNING");

        String page = browser.post("/sessions/" + id + "/phase")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("phase", "EXPLORING").with("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<html", "That move is not allowed now", "Import a transcript");
    }

    @Test
    void aChangeMadeAtTheSameMomentByAnotherRequestIsExplained() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/end", 409, """
                {"type":"https://tango.dev/problems/concurrent-update","title":"Concurrent update","status":409,
                 "detail":"The resource was changed by another request at the same time; reload it and retry."}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/end"))
                .contains("Someone changed this session at the same moment, so your change was not made.");
    }

    @Test
    void aReviewMoveSendsItsTimeCodeAsOffsetMs() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(
                review(mentor, "OPENING", "\"EXPLORING\",\"MEANING_MAKING\"", "[" + phase("OPENING", null) + "]"));
        Browser browser = signIn(mentor);

        String html = browser.page("/sessions/" + id);
        assertThat(html)
                .contains("name=\"timecode\"", "Time code in the recording")
                .doesNotContain("role=\"timer\"");
        PagesIT.assertEveryInputIsLabelled(html);

        htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING", "timecode", "01:02:03");

        assertThat(DOWNSTREAM.last("/api/sessions/" + id + "/phase").body())
                .isEqualTo("{\"phase\":\"EXPLORING\",\"offsetMs\":3723000}");
    }

    @Test
    void aTimeCodeThatIsNotOneIsRefusedWithoutAskingTheService() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(review(mentor, "OPENING", "\"EXPLORING\"", "[" + phase("OPENING", null) + "]"));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String page = browser.post("/sessions/" + id + "/phase")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("phase", "EXPLORING")
                        .with("timecode", "12:60")
                        .with("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains("role=\"alert\"", "aria-invalid=\"true\"", "value=\"12:60\"")
                .contains("&quot;12:60&quot; is not a time code: use hh:mm:ss or mm:ss");
        assertThat(htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING", "timecode", " "))
                .contains("Enter the time code of this move in the recording");
        assertThat(DOWNSTREAM.received("POST", "/api/sessions/" + id + "/phase"))
                .isEmpty();
    }

    @Test
    void aTimeCodeBeforeTheLastMoveIsExplainedInTimeCodes() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(review(
                mentor,
                "EXPLORING",
                "\"MEANING_MAKING\"",
                "[" + phase("OPENING", null) + "," + phase("EXPLORING", 421000L) + "]"));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/phase", 400, """
                {"type":"https://tango.dev/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"offsetMs: must not be less than the previous phase's offset (421000 ms)",
                 "errors":[{"field":"offsetMs","message":"must not be less than the previous phase's offset (421000 ms)"}]}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String console = htmxPost(browser, "/sessions/" + id + "/phase", "phase", "MEANING_MAKING", "timecode", "5:00");

        assertThat(console)
                .contains("The time code must not be before 7:01, the time code of the last move.")
                .contains("aria-invalid=\"true\"", "value=\"5:00\"");
    }

    @Test
    void startEndAndCancelReachTheServiceAndSaySo() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        DOWNSTREAM.answer(
                "POST",
                "/api/sessions/" + id + "/start",
                200,
                live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")).apply(id));
        DOWNSTREAM.answer(
                "POST",
                "/api/sessions/" + id + "/end",
                200,
                session(sid -> sessionJson(
                                sid,
                                "student-x",
                                mentor.id().value(),
                                "LIVE",
                                "ENDED",
                                "\"EXPLORING\"",
                                "[]",
                                "\"" + Instant.now() + "\"",
                                phases("OPENING", "EXPLORING"),
                                null))
                        .apply(id));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/start"))
                .contains("The session has started in Opening; the clock is running.");
        assertThat(DOWNSTREAM.last("/api/sessions/" + id + "/start").header("idempotency-key"))
                .isNotBlank();

        String ended = htmxPost(browser, "/sessions/" + id + "/end");
        assertThat(ended)
                .contains("The session has ended.", "Time in each phase", "Phases not entered")
                .doesNotContain("data-clock", "name=\"phase\"");

        assertThat(htmxPost(browser, "/sessions/" + id + "/cancel", "reason", "  "))
                .contains("Say why the session is cancelled.", "aria-invalid=\"true\"");
        htmxPost(browser, "/sessions/" + id + "/cancel", "reason", "Client was unwell");
        assertThat(DOWNSTREAM.last("/api/sessions/" + id + "/cancel").body())
                .isEqualTo("{\"reason\":\"Client was unwell\"}");
    }

    @Test
    void whatTheServiceForbidsIsSaidPlainly() {
        User student = createUser("student", Role.STUDENT);
        String id = sessionServing(session(sid -> sessionJson(
                sid,
                student.id().value(),
                "mentor-x",
                "LIVE",
                "IN_PROGRESS",
                "\"OPENING\"",
                "[\"EXPLORING\"]",
                "null",
                phases("OPENING"),
                null)));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/cancel", 403, """
                {"type":"https://tango.dev/problems/forbidden","title":"Forbidden","status":403,
                 "detail":"A student cannot cancel a session."}
                """);
        Browser browser = signIn(student);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/cancel", "reason", "Not today"))
                .contains("You may see this session, but not make this change.", "A student cannot cancel a session.");
    }

    @Test
    void whenTheServiceFailsDuringAChangeThePageSaysTheOutcomeIsUnknown() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/phase", 500, "{\"title\":\"boom\"}");
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/phase", "phase", "EXPLORING"))
                .contains("it is not known whether this change was made")
                .doesNotContain("boom");
    }

    @Test
    void aSessionTheServiceDoesNotShowCannotBeChangedEither() {
        User mentor = createUser("mentor", Role.MENTOR);
        Browser browser = signIn(mentor);
        browser.page("/");

        browser.post("/sessions/s-hidden/start")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void consoleFormsNeedTheCsrfToken() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        browser.post("/sessions/" + id + "/phase")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("phase", "EXPLORING"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(DOWNSTREAM.received("POST", "/api/sessions/" + id + "/phase"))
                .isEmpty();
    }

    @Test
    void anUnreadableTranscriptListsItsLinesByNumberAndKeepsTheText() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/transcript/import", 422, """
                {"type":"https://tango.dev/problems/unreadable-transcript","title":"Transcript lines cannot be read",
                 "status":422,"detail":"1 line cannot be read",
                 "lineErrors":[{"line":2,"text":"Coach hello there","reason":"no time code"}]}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);
        String text = "[00:00:01] Coach: Welcome\nCoach hello there\n[00:00:09] Client: Hi";

        String section = htmxPost(browser, "/sessions/" + id + "/transcript", "text", text, "coachNames", "Marco");

        assertThat(section)
                .startsWith("<section id=\"transcript\"")
                .contains("role=\"alert\"", "Nothing was imported: 1 line of the transcript cannot be read.")
                .contains("Line 2</strong>: <span>no time code</span>", "Coach hello there")
                .contains("aria-describedby=\"transcript-format line-errors text-error\"")
                .contains("[00:00:09] Client: Hi</textarea>", "value=\"Marco\"");
        assertThat(DOWNSTREAM.last("/api/sessions/" + id + "/transcript/import").body())
                .contains("\"skipInvalidLines\":false", "\"speakers\":{\"Marco\":\"COACH\"}");
    }

    @Test
    void anImportedTranscriptIsCountedAndListed() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/transcript/import", 200, """
                {"sessionId":"%s","imported":2,"skippedLines":[{"line":2,"text":"Coach hello","reason":"no time code"}],
                 "segments":2,"characters":20,"lastEndMs":9000}
                """.formatted(id));
        DOWNSTREAM.answer("GET", "/api/sessions/" + id + "/transcript", 200, """
                {"sessionId":"%s","total":2,"segments":[
                  {"index":0,"speaker":"COACH","text":"Welcome","startMs":1000,"endMs":8000},
                  {"index":1,"speaker":"CLIENT","text":"Hi","startMs":9000,"endMs":9000}]}
                """.formatted(id));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String section = htmxPost(
                browser,
                "/sessions/" + id + "/transcript",
                "text",
                "[00:00:01] Coach: Welcome\nCoach hello\n[00:00:09] Client: Hi",
                "skipInvalidLines",
                "on");

        assertThat(section)
                .contains("Imported 2 segments; skipped 1 line that could not be read.", "Lines skipped (1)")
                .contains("<td class=\"num\">0:01</td>", "<td>Coach</td>", "<td>Welcome</td>", "<td>Client</td>");
        assertThat(DOWNSTREAM.last("/api/sessions/" + id + "/transcript/import").body())
                .contains("\"skipInvalidLines\":true")
                .doesNotContain("speakers");
        assertThat(browser.page("/sessions/" + id)).contains("<td>Welcome</td>");
    }

    @Test
    void anEmptyTranscriptIsRefusedWithoutAskingTheService() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = sessionServing(live(mentor, "OPENING", "\"EXPLORING\"", phases("OPENING")));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/transcript", "text", "  "))
                .contains("Paste the transcript here, or choose a file to read it in.");
        assertThat(DOWNSTREAM.received("POST", "/api/sessions/" + id + "/transcript/import"))
                .isEmpty();
    }

    @Test
    void aStudentWhoTriesToImportIsToldWhoMay() {
        User student = createUser("student", Role.STUDENT);
        String id = sessionServing(session(sid -> sessionJson(
                sid,
                student.id().value(),
                "mentor-x",
                "LIVE",
                "IN_PROGRESS",
                "\"OPENING\"",
                "[\"EXPLORING\"]",
                "null",
                phases("OPENING"),
                null)));
        DOWNSTREAM.answer("POST", "/api/sessions/" + id + "/transcript/import", 403, """
                {"type":"https://tango.dev/problems/forbidden","title":"Forbidden","status":403,"detail":"no"}
                """);
        Browser browser = signIn(student);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/transcript", "text", "[00:00:01] Coach: Hi"))
                .contains("Only the session&#39;s mentors and the program&#39;s admins may import its transcript.");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Programs GET /api/sessions/{id} of a new session id with the JSON the function writes for it. */
    private static String sessionServing(java.util.function.Function<String, String> json) {
        String id = "s-console-" + UUID.randomUUID().toString().substring(0, 8);
        DOWNSTREAM.answer("GET", "/api/sessions/" + id, 200, json.apply(id));
        return id;
    }

    private static java.util.function.Function<String, String> session(
            java.util.function.Function<String, String> json) {
        return json;
    }

    private static java.util.function.Function<String, String> live(
            User mentor, String current, String allowed, String phases) {
        return id -> sessionJson(
                id,
                "student-x",
                mentor.id().value(),
                "LIVE",
                "IN_PROGRESS",
                "\"" + current + "\"",
                "[" + allowed + "]",
                "null",
                phases,
                null);
    }

    private static java.util.function.Function<String, String> review(
            User mentor, String current, String allowed, String phases) {
        return id -> sessionJson(
                id,
                "student-x",
                mentor.id().value(),
                "REVIEW",
                "IN_PROGRESS",
                "\"" + current + "\"",
                "[" + allowed + "]",
                "null",
                phases,
                null);
    }

    private static String sessionJson(
            String id,
            String student,
            String mentor,
            String mode,
            String status,
            String currentPhase,
            String allowedMoves,
            String endedAt,
            String phases,
            String transcript) {
        Instant started = Instant.now().minusSeconds(600);
        return """
                {"id":"%s","programId":"pcc-2026","studentId":"%s","mentorIds":["%s"],"mode":"%s","status":"%s",
                 "currentPhase":%s,"allowedMoves":%s,"clientLabel":"Client A","goal":"Bring up the promotion & the timing",
                 "scheduledFor":"%s","startedAt":%s,"endedAt":%s,"cancelledAt":null,"cancelReason":null,
                 "phases":%s,"transcript":%s,"version":3}
                """.formatted(
                        id,
                        student,
                        mentor,
                        mode,
                        status,
                        currentPhase,
                        allowedMoves,
                        started,
                        "SCHEDULED".equals(status) ? "null" : "\"" + started + "\"",
                        endedAt,
                        phases,
                        transcript == null ? "null" : transcript);
    }

    /** Phases entered a minute apart, from the start ten minutes ago. */
    private static String phases(String... phases) {
        Instant started = Instant.now().minusSeconds(600);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < phases.length; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"phase\":\"")
                    .append(phases[i])
                    .append("\",\"enteredAt\":\"")
                    .append(started.plusSeconds(60L * i))
                    .append("\",\"offsetMs\":null}");
        }
        return json.append(']').toString();
    }

    private static String phase(String phase, Long offsetMs) {
        return "{\"phase\":\"" + phase + "\",\"enteredAt\":\"" + Instant.now().minusSeconds(300) + "\",\"offsetMs\":"
                + offsetMs + "}";
    }

    /** The phases the console's move buttons offer, in page order. */
    private static List<String> moveButtons(String html) {
        return java.util.regex.Pattern.compile(
                        "<button type=\"submit\" name=\"phase\" class=\"move[^\"]*\" value=\"([A-Z_]+)\"")
                .matcher(html)
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    /** POSTs a form as htmx does (HX-Request, CSRF header) and returns the fragment it answers with. */
    private static String htmxPost(Browser browser, String path, String... fields) {
        var form = BodyInserters.fromFormData("formKey", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i].equals("formKey")) {
                form = BodyInserters.fromFormData("formKey", fields[i + 1]);
            }
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!fields[i].equals("formKey")) {
                form = form.with(fields[i], fields[i + 1]);
            }
        }
        EntityExchangeResult<String> result = browser.post(path)
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        return result.getResponseBody();
    }
}
