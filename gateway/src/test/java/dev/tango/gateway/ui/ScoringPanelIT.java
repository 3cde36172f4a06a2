package dev.tango.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The scoring panel of the session page against a stand-in session-service ({@code DOWNSTREAM}) and a stand-in
 * scoring-service ({@link ScoringStub}): who gets it, what each form sends to scoring-service (with the person's token
 * and an Idempotency-Key), and what the panel says when scoring-service refuses, has not heard of the session yet, or
 * is asked for the preview and the publication.
 */
@Import(ScoringStub.StubbedScoring.class)
class ScoringPanelIT extends GatewayIntegrationTest {

    private static final ScoringStub SCORING = ScoringStub.SHARED;

    @Test
    void anAssignedMentorGetsTheCurrentPhasesMarkersWithLetterKeysEveryAntiSignalAndTheDraft() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine(observation("o-1", "MARKER", "pcc.3-1", "OPENING", 65_000, "Good start", false)));

        String html = signIn(mentor).page("/sessions/" + id);

        assertThat(html)
                .contains("<section id=\"scoring\"", "<h2 id=\"scoring-heading\">Scoring</h2>")
                .contains("class=\"workbench with-panel\"")
                .contains("Markers of <span data-marker-phase>Opening</span>")
                .contains("value=\"MARKER:pcc.3-1\"", "value=\"MARKER:pcc.3-2\"")
                .doesNotContain("value=\"MARKER:pcc.7-1\"")
                .contains("value=\"ANTI_SIGNAL:anti.interrupts\"")
                .contains("aria-keyshortcuts=\"a\"", "aria-keyshortcuts=\"s\"", "aria-keyshortcuts=\"q\"")
                .contains("title=\"Coach partners with the client to identify what they want. E.g. What would you"
                        + " like to accomplish today?\"")
                .contains("Scoring shortcuts", "Use the letter keys as scoring shortcuts")
                .contains("Your observations", "Good start", "1:05", "Retract…")
                .contains("Your scorecard so far", "Overall partnership score", "Mean of the phase scores")
                .contains("1 of 1 required markers: 100 points.")
                .contains("Not published yet", "You can publish once the session has ended.")
                .doesNotContain("Preview what the student will see");
        assertThat(html)
                .containsPattern(Pattern.compile(
                        "value=\"MARKER:pcc.3-1\"[^>]*class=\"score-item marker observed\"|class=\"score-item marker"
                                + " observed\"[^>]*value=\"MARKER:pcc.3-1\""));
        PagesIT.assertEveryInputIsLabelled(html);
        assertThat(SCORING.last("GET", "/api/scoring/sessions/" + id + "/scorecards/mine")
                        .header("authorization"))
                .startsWith("Bearer ");
    }

    @Test
    void viewersWhoAreNotItsMentorsGetNoPanelAndScoringIsNotAsked() {
        User admin = createUser("admin", Role.ADMIN, "pcc-2026");
        String id = session(createUser("mentor", Role.MENTOR), "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());

        String html = signIn(admin).page("/sessions/" + id);

        assertThat(html)
                .contains("<h2 id=\"console-heading\">Console</h2>")
                .doesNotContain("id=\"scoring\"", "Markers of", "with-panel");
        assertThat(SCORING.received()).noneMatch(r -> r.uri().startsWith("/api/scoring/sessions/" + id));
    }

    @Test
    void theSessionsStudentSeesOnlyThePublishedScorecardsMarkedRevised() {
        User student = createUser("student", Role.STUDENT);
        String id = session(createUser("mentor", Role.MENTOR), student.id().value(), "LIVE", "ENDED", "CLOSING");
        rubric(id);
        SCORING.answer("GET", "/api/scoring/sessions/" + id + "/scorecards", 200, "[" + published(2, true, 64) + "]");

        String html = signIn(student).page("/sessions/" + id);

        assertThat(html)
                .contains("<h2 id=\"scoring-heading\">Scorecards</h2>", "Scorecard by <strong>mentor-x</strong>")
                .contains("data-revised-badge>Revised</span>", "revision <span>2</span>")
                .contains("data-overall>64</strong>", "Identifies what the client wants")
                .doesNotContain("Your scorecard so far", "Markers of", "value=\"MARKER:");
        assertThat(SCORING.received("GET", "/api/scoring/sessions/" + id + "/scorecards/mine"))
                .isEmpty();
    }

    @Test
    void aMarkerRecordedWithHtmxGoesWithTheNoteAndTimeCodeAndThePanelIsRedrawn() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        SCORING.answer(
                "POST",
                "/api/scoring/sessions/" + id + "/observations",
                201,
                observation("o-9", "MARKER", "pcc.3-1", "OPENING", 65_000, "Good", false));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String panel = htmxPost(
                browser,
                "/sessions/" + id + "/scoring/observations",
                "item",
                "MARKER:pcc.3-1",
                "note",
                " Good ",
                "timecode",
                "1:05");

        assertThat(panel)
                .startsWith("<section id=\"scoring\"")
                .doesNotContain("<html")
                .contains("role=\"status\"", "Recorded \u201cIdentifies what the client wants\u201d at 1:05.");
        ScoringStub.Received sent = SCORING.last("POST", "/api/scoring/sessions/" + id + "/observations");
        assertThat(sent.body())
                .isEqualTo("{\"kind\":\"MARKER\",\"itemId\":\"pcc.3-1\",\"timeCodeMs\":65000,\"note\":\"Good\"}");
        assertThat(sent.header("authorization")).startsWith("Bearer ");
        assertThat(UUID.fromString(sent.header("idempotency-key"))).isNotNull();
    }

    @Test
    void anAntiSignalRecordedNowBelongsToThePhaseTheSessionIsInNow() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "MEANING_MAKING");
        scoring(id, mine());
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        htmxPost(browser, "/sessions/" + id + "/scoring/observations", "item", "ANTI_SIGNAL:anti.interrupts");

        assertThat(SCORING.last("POST", "/api/scoring/sessions/" + id + "/observations")
                        .body())
                .isEqualTo("{\"kind\":\"ANTI_SIGNAL\",\"itemId\":\"anti.interrupts\",\"phase\":\"MEANING_MAKING\"}");
    }

    @Test
    void aConflictFromScoringIsSaidPlainlyAndTheNoteIsKept() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        SCORING.answer("POST", "/api/scoring/sessions/" + id + "/observations", 409, """
                {"type":"https://tango.dev/problems/conflict","title":"Not possible now","status":409,
                 "detail":"Session %s is SCHEDULED. Observations are recorded once it has started, and not on a cancelled session."}
                """.formatted(id));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String panel = htmxPost(
                browser, "/sessions/" + id + "/scoring/observations", "item", "MARKER:pcc.3-1", "note", "Keep me");

        assertThat(panel)
                .contains("role=\"alert\"", "The observation was not recorded now.")
                .contains("Observations are recorded once it has started")
                .contains("the scoring-service may still be catching up: try again in a moment.")
                .contains(">Keep me</textarea>");
    }

    @Test
    void aBadRequestFromScoringMarksTheTimeCode() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "REVIEW", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        SCORING.answer("POST", "/api/scoring/sessions/" + id + "/observations", 400, """
                {"type":"https://tango.dev/problems/invalid-request","title":"Invalid request","status":400,
                 "errors":[{"field":"timeCodeMs","message":"must be between 0 and 86400000"}]}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        String panel = htmxPost(
                browser, "/sessions/" + id + "/scoring/observations", "item", "MARKER:pcc.3-1", "timecode", "3:00");

        assertThat(panel)
                .contains("The observation was not recorded: the scoring-service did not accept it.")
                .contains("Time code: must be between 0 and 86400000")
                .contains("aria-invalid=\"true\"", "value=\"3:00\"");
    }

    @Test
    void aReviewObservationWithoutATimeCodeIsRefusedWithoutAskingScoring() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "REVIEW", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        Browser browser = signIn(mentor);
        String html = browser.page("/sessions/" + id);
        assertThat(html).contains("Time code in the recording", "required=\"required\"");

        String panel = htmxPost(
                browser, "/sessions/" + id + "/scoring/observations", "item", "MARKER:pcc.3-1", "timecode", " ");

        assertThat(panel).contains("Enter where in the recording you observed it, as hh:mm:ss or mm:ss.");
        assertThat(SCORING.received("POST", "/api/scoring/sessions/" + id + "/observations"))
                .isEmpty();
    }

    @Test
    void whileScoringHasNotHeardOfTheSessionThePanelSaysItIsCatchingUpAndReloadsItself() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");

        String html = signIn(mentor).page("/sessions/" + id);

        assertThat(html)
                .contains("Scoring is catching up with this session", "data-catching-up")
                .contains("hx-trigger=\"tango-console-changed from:body, load delay:2s\"")
                .doesNotContain("Markers of");
    }

    @Test
    void aRetractionSendsItsReason() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine(observation("o-2", "MARKER", "pcc.3-2", "OPENING", 5_000, null, false)));
        SCORING.answer(
                "POST",
                "/api/scoring/sessions/" + id + "/observations/o-2/retract",
                200,
                observation("o-2", "MARKER", "pcc.3-2", "OPENING", 5_000, null, true));
        Browser browser = signIn(mentor);
        assertThat(browser.page("/sessions/" + id))
                .contains("action=\"/sessions/" + id + "/scoring/observations/o-2/retract\"");

        String panel = htmxPost(
                browser, "/sessions/" + id + "/scoring/observations/o-2/retract", "reason", "clicked by mistake");

        assertThat(panel).contains("Retracted \u201cDefines success measures\u201d; it no longer counts.");
        assertThat(SCORING.last("POST", "/api/scoring/sessions/" + id + "/observations/o-2/retract")
                        .body())
                .isEqualTo("{\"reason\":\"clicked by mistake\"}");
    }

    @Test
    void onceEndedTheMentorPreviewsExactlyWhatTheStudentWillSeeThenPublishes() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "ENDED", "CLOSING");
        scoring(id, mine());
        SCORING.answer("GET", "/api/scoring/sessions/" + id + "/scorecards/mine/preview", 200, published(1, false, 57));
        SCORING.answer(
                "POST", "/api/scoring/sessions/" + id + "/scorecards/mine/publish", 200, published(1, false, 57));
        Browser browser = signIn(mentor);
        String html = browser.page("/sessions/" + id);
        assertThat(html)
                .contains("Preview what the student will see", "hx-get=\"/sessions/" + id + "/scoring?preview=true\"")
                .contains("href=\"/sessions/" + id + "?preview=true\"");

        String preview = htmxGet(browser, "/sessions/" + id + "/scoring?preview=true");
        assertThat(preview)
                .startsWith("<section id=\"scoring\"")
                .contains("Preview: exactly what the student will see", "data-overall>57</strong>")
                .contains("action=\"/sessions/" + id + "/scoring/publish\"");
        assertThat(browser.page("/sessions/" + id + "?preview=true"))
                .as("the preview without JavaScript")
                .contains("Preview: exactly what the student will see");

        String published = htmxPost(browser, "/sessions/" + id + "/scoring/publish");
        assertThat(published).contains("Published: the student sees your scorecard now.");
        assertThat(SCORING.received("POST", "/api/scoring/sessions/" + id + "/scorecards/mine/publish"))
                .hasSize(1);
    }

    @Test
    void publishingWhenNothingChangedIsRefusedPlainly() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "ENDED", "CLOSING");
        scoring(id, mine());
        SCORING.answer("POST", "/api/scoring/sessions/" + id + "/scorecards/mine/publish", 409, """
                {"type":"https://tango.dev/problems/conflict","title":"Not possible now","status":409,
                 "detail":"Nothing changed since revision 1 was published; record or retract observations first."}
                """);
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        assertThat(htmxPost(browser, "/sessions/" + id + "/scoring/publish"))
                .contains("role=\"alert\"", "The scorecard was not published now.")
                .contains("Nothing changed since revision 1 was published; record or retract observations first.");
    }

    @Test
    void withoutHtmxAnObservationRedirectsToThePageWhichSaysWhatHappened() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        SCORING.answer(
                "POST",
                "/api/scoring/sessions/" + id + "/observations",
                201,
                observation("o-3", "MARKER", "pcc.3-1", "OPENING", 1_000, null, false));
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        browser.post("/sessions/" + id + "/scoring/observations")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("item", "MARKER:pcc.3-1")
                        .with("formKey", UUID.randomUUID().toString())
                        .with("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/sessions/" + id + "?scored=recorded");

        assertThat(browser.page("/sessions/" + id + "?scored=recorded")).contains("The observation was recorded.");
    }

    @Test
    void aConsoleChangeTellsThePanelToReloadItself() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        Browser browser = signIn(mentor);
        browser.page("/sessions/" + id);

        browser.post("/sessions/" + id + "/phase")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("phase", "EXPLORING"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "tango-console-changed");
    }

    @Test
    void theChooserListsTheRubricsPhasesAndMarksTheOneShown() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());

        String html = signIn(mentor).page("/sessions/" + id);

        assertThat(html).contains("Markers of:");
        assertThat(html)
                .containsPattern(Pattern.compile("href=\"/sessions/" + id + "\\?markers=OPENING#scoring\"[^>]*"
                        + "hx-get=\"/sessions/" + id + "/scoring\\?markers=OPENING\"[^>]*aria-current=\"true\""))
                .contains("href=\"/sessions/" + id + "?markers=MEANING_MAKING#scoring\"", ">Meaning making</a>")
                .contains("href=\"/sessions/" + id + "?markers=CLOSING#scoring\"", ">Closing</a>")
                .doesNotContain("markers=EXPLORING")
                .doesNotContain("name=\"markers\"");
        assertThat(html.indexOf(">Opening</a>"))
                .isLessThan(html.indexOf(">Meaning making</a>"))
                .isLessThan(html.indexOf(">Closing</a>"));
        assertThat(Pattern.compile("aria-current=\"true\" data-markers")
                        .matcher(html)
                        .results()
                        .count())
                .isEqualTo(1);
        PagesIT.assertEveryInputIsLabelled(html);
    }

    @Test
    void aChosenPhasesMarkersAreShownWithTheirKeysAndTheChoiceIsKept() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        Browser browser = signIn(mentor);

        String html = browser.page("/sessions/" + id + "?markers=CLOSING");

        assertThat(html)
                .contains("Markers of <span data-marker-phase>Closing</span>")
                .contains("value=\"MARKER:pcc.8-1\"", "aria-keyshortcuts=\"a\"")
                .doesNotContain("value=\"MARKER:pcc.3-1\"")
                .contains("value=\"ANTI_SIGNAL:anti.interrupts\"")
                .contains("<input type=\"hidden\" name=\"markers\" value=\"CLOSING\">")
                .contains("hx-get=\"/sessions/" + id + "/scoring?markers=CLOSING\"");
        assertThat(html)
                .containsPattern("data-markers=\"CLOSING\"[^>]*aria-current=\"true\"|aria-current=\"true\""
                        + "[^>]*data-markers=\"CLOSING\"");

        String panel = htmxGet(browser, "/sessions/" + id + "/scoring?markers=CLOSING");
        assertThat(panel)
                .startsWith("<section id=\"scoring\"")
                .contains("value=\"MARKER:pcc.8-1\"")
                .doesNotContain("value=\"MARKER:pcc.3-1\"");
    }

    @Test
    void aPhaseThatIsNotTheRubricsFallsBackToTheCurrentOne() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "IN_PROGRESS", "OPENING");
        scoring(id, mine());
        Browser browser = signIn(mentor);

        for (String markers : new String[] {"EXPLORING", "closing", "NOPE", ""}) {
            String html = browser.page("/sessions/" + id + "?markers=" + markers);
            assertThat(html)
                    .contains("Markers of <span data-marker-phase>Opening</span>")
                    .contains("value=\"MARKER:pcc.3-1\"")
                    .doesNotContain("value=\"MARKER:pcc.8-1\"")
                    .doesNotContain("name=\"markers\"");
        }
    }

    @Test
    void recordingFromAChosenPhaseRedirectsBackToIt() {
        User mentor = createUser("mentor", Role.MENTOR);
        String id = session(mentor, "student-x", "LIVE", "ENDED", "CLOSING");
        scoring(id, mine());
        SCORING.answer(
                "POST",
                "/api/scoring/sessions/" + id + "/observations",
                201,
                observation("o-4", "MARKER", "pcc.3-2", "OPENING", 1_000, null, false));
        Browser browser = signIn(mentor);
        assertThat(browser.page("/sessions/" + id)).contains("Markers of <span data-marker-phase>Closing</span>");

        browser.post("/sessions/" + id + "/scoring/observations")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("item", "MARKER:pcc.3-2")
                        .with("markers", "OPENING")
                        .with("formKey", UUID.randomUUID().toString())
                        .with("_csrf", browser.csrf))
                .exchange()
                .expectStatus()
                .isSeeOther()
                .expectHeader()
                .location("/sessions/" + id + "?scored=recorded&markers=OPENING");
        assertThat(SCORING.last("POST", "/api/scoring/sessions/" + id + "/observations")
                        .body())
                .isEqualTo("{\"kind\":\"MARKER\",\"itemId\":\"pcc.3-2\"}");

        assertThat(browser.page("/sessions/" + id + "?scored=recorded&markers=OPENING"))
                .contains("The observation was recorded.", "Markers of <span data-marker-phase>Opening</span>")
                .contains("value=\"MARKER:pcc.3-2\"");

        String panel = htmxPost(
                browser, "/sessions/" + id + "/scoring/observations", "item", "MARKER:pcc.3-2", "markers", "OPENING");
        assertThat(panel)
                .contains("Markers of <span data-marker-phase>Opening</span>")
                .contains("<input type=\"hidden\" name=\"markers\" value=\"OPENING\">");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Programs session-service's answer for a new session of this mentor and student; returns its id. */
    private static String session(User mentor, String student, String mode, String status, String phase) {
        String id = "s-panel-" + UUID.randomUUID().toString().substring(0, 8);
        Instant started = Instant.now().minusSeconds(600);
        boolean review = "REVIEW".equals(mode);
        DOWNSTREAM.answer("GET", "/api/sessions/" + id, 200, """
                {"id":"%s","programId":"pcc-2026","studentId":"%s","mentorIds":["%s"],"mode":"%s","status":"%s",
                 "currentPhase":"%s","allowedMoves":%s,"scheduledFor":"%s","startedAt":"%s","endedAt":%s,
                 "phases":[{"phase":"OPENING","enteredAt":"%s","offsetMs":%s}],"version":3}
                """.formatted(
                        id,
                        student,
                        mentor.id().value(),
                        mode,
                        status,
                        phase,
                        "IN_PROGRESS".equals(status) ? "[\"EXPLORING\",\"MEANING_MAKING\"]" : "[]",
                        started,
                        started,
                        "ENDED".equals(status) ? "\"" + Instant.now().minusSeconds(60) + "\"" : "null",
                        started,
                        review ? "0" : "null"));
        return id;
    }

    /** Programs scoring-service's rubric (the stub's PCC markers) and the mentor's own scorecard of the session. */
    private static void scoring(String id, String mine) {
        rubric(id);
        SCORING.answer("GET", "/api/scoring/sessions/" + id + "/scorecards/mine", 200, mine);
    }

    private static void rubric(String id) {
        SCORING.answer("GET", "/api/scoring/sessions/" + id + "/rubric", 200, """
                {"ref":{"rubricId":"pcc-markers","version":1},"program":"pcc-2026","status":"PUBLISHED",
                 "content":{"name":"PCC markers","description":"Markers of the ICF","phases":[
                   {"phase":"OPENING","title":"Agreement","markers":[
                     {"id":"pcc.3-1","label":"Identifies what the client wants",
                      "description":"Coach partners with the client to identify what they want.",
                      "exampleQuestions":["What would you like to accomplish today?"]},
                     {"id":"pcc.3-2","label":"Defines success measures",
                      "description":"Coach partners with the client to define measures of success.",
                      "exampleQuestions":[]}]},
                   {"phase":"MEANING_MAKING","title":"Evokes awareness","markers":[
                     {"id":"pcc.7-1","label":"Asks about the client's thinking","description":"","exampleQuestions":[]}]},
                   {"phase":"CLOSING","title":"Closes the session","markers":[
                     {"id":"pcc.8-1","label":"Asks what the client takes away","description":"",
                      "exampleQuestions":[]}]}],
                  "antiSignals":[{"id":"anti.interrupts","label":"Interrupts the client",
                    "description":"Does not let the client finish speaking."}],
                  "scoring":{"requiredMarkers":{"OPENING":1,"MEANING_MAKING":1},"penaltyPerAntiSignal":20}}}
                """);
    }

    private static String mine(String... observations) {
        return """
                {"draft":{"mentorId":"m","rubric":{"rubricId":"pcc-markers","version":1},"overall":50,
                  "explanation":"Mean of the phase scores (100 + 0) / 2 = 50.",
                  "phases":[%s,
                    {"phase":"MEANING_MAKING","entered":false,"requiredMarkers":1,"observedMarkers":[],
                     "missedMarkers":["pcc.7-1"],"antiSignals":{},"markerPoints":0,"penalty":0,"score":0,
                     "explanation":"Never entered: 0 points."}],
                  "skippedPhases":["MEANING_MAKING"],"timeInPhaseMs":{"OPENING":600000}},
                 "observations":[%s],"lastPublished":null,"unpublishedChanges":true}
                """.formatted(opening(), String.join(",", observations));
    }

    private static String opening() {
        return """
                {"phase":"OPENING","entered":true,"requiredMarkers":1,"observedMarkers":["pcc.3-1"],
                 "missedMarkers":["pcc.3-2"],"antiSignals":{},"markerPoints":100,"penalty":0,"score":100,
                 "explanation":"1 of 1 required markers: 100 points."}""";
    }

    private static String published(int revision, boolean revised, int overall) {
        return """
                {"mentorId":"mentor-x","revision":%d,"revised":%s,"publishedAt":"2026-03-01T11:00:00Z",
                 "rubric":{"rubricId":"pcc-markers","version":1},"overall":%d,"explanation":"Mean of the phase scores.",
                 "phases":[%s],"skippedPhases":[],"timeInPhaseMs":{}}
                """.formatted(revision, revised, overall, opening());
    }

    private static String observation(
            String id, String kind, String item, String phase, long timeCodeMs, String note, boolean retracted) {
        return """
                {"id":"%s","mentorId":"m","kind":"%s","itemId":"%s","phase":"%s","timeCodeMs":%d,"note":%s,
                 "recordedAt":"%s","retracted":%s,"retractedAt":null,"retractReason":null}
                """.formatted(
                        id,
                        kind,
                        item,
                        phase,
                        timeCodeMs,
                        note == null ? "null" : "\"" + note + "\"",
                        Instant.now(),
                        retracted);
    }

    private static String htmxGet(Browser browser, String path) {
        return browser.get(path)
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** POSTs a form as htmx does (HX-Request, CSRF header) and returns the fragment it answers with. */
    private static String htmxPost(Browser browser, String path, String... fields) {
        var form = BodyInserters.fromFormData("formKey", UUID.randomUUID().toString());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form = form.with(fields[i], fields[i + 1]);
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
