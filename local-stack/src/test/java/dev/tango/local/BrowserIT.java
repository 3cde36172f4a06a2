package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * Tango as a person meets it: the whole local stack (Kafka, Mongo, the three services and the gateway with its demo
 * users) on free ports, the module's {@link SharedStack} (no other test class here uses the demo students), and a real
 * headless Chromium, a fresh one per test.
 *
 * <p>{@link SigningIn}: the demo admin schedules one session for student-ana and one for student-ben through the
 * gateway's API (an API token, as any API client would). Ana then sees her session on her home page and not Ben's,
 * and Ben's session, opened by its URL, is "not found" and shows nothing of it.
 *
 * <p>{@link RunningASession}: mentor-marco runs sessions of student-cai through the console of the session page: a
 * LIVE one with the keyboard and the buttons, a REVIEW one with time codes, and a transcript import with a line that
 * cannot be read.
 *
 * <p>{@link ScoringASession}: the admin schedules a LIVE session of student-ana with mentor-marco; Marco runs it and
 * scores it in the scoring panel beside the console (markers by click and by key, an anti-signal, a note with its time
 * code, a retraction, the markers following the phase), ends it, previews and publishes; Ana then sees the published
 * scorecard and never the draft; Marco revises it, and Ana sees that it was revised.
 *
 * <p>{@link StudentDashboard}: a session of student-ana runs through the API, mentor-marco scores it (scoring API, in
 * his browser session) and comments on it on its feedback page; Ana's dashboard then draws its charts, shows the
 * comment, and she replies to it.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); skipped, saying so,
 * without them. Screenshots of the pages go to {@code -Dtango.screenshots=DIR} (default: a folder under the system's
 * temporary directory), never into the checkout.
 */
@EnabledIf(
        value = "chromiumInstalled",
        disabledReason = "BrowserIT skipped: no /usr/bin/chromium or /usr/bin/chromedriver"
                + " (apt-get install chromium chromium-driver)")
@ExtendWith(SharedStack.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of(System.getProperty(
            "tango.screenshots",
            Path.of(System.getProperty("java.io.tmpdir"), "tango-browser-it").toString()));

    private static LocalStack stack;
    private static GatewayApi api;
    private static DemoUser ana;
    private static DemoUser marco;
    private static String anaSession;
    private static String benSession;
    private static Instant benScheduledFor;

    @TempDir
    Path browserProfile;

    private ChromeDriverService driverService;
    private WebDriver browser;

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void scheduleSessionsOnTheSharedStack(LocalStack shared) throws Exception {
        stack = shared;
        List<DemoUser> demo = stack.demoUsers();
        ana = demo(demo, "student-ana");
        DemoUser admin = demo(demo, "admin-ada");
        demo(demo, "student-ben");
        demo(demo, "student-cai");
        marco = demo(demo, "mentor-marco");

        String token = new GatewayClient(stack.gatewayUrl())
                .issueApiToken(admin, "browser-it", Instant.now().plus(Duration.ofHours(1)));
        api = new GatewayApi(stack.gatewayUrl(), token);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        benScheduledFor = tomorrow.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(37));
        anaSession = api.schedule("student-ana", tomorrow);
        benSession = api.schedule("student-ben", benScheduledFor);
    }

    @BeforeEach
    void openChromium() {
        // With the driver's path given, Selenium Manager never runs (it would try the network); the failsafe
        // configuration also sets SE_OFFLINE=true.
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1366,900",
                        "--user-data-dir=" + browserProfile);
        browser = new ChromeDriver(driverService, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
    }

    @Nested
    class SigningIn {

        @Test
        void theServicesTrustTheGatewayAsIssuer() {
            String issuer = "--tango.security.issuer=" + stack.gatewayUrl();
            for (Component service : Component.BACKEND_SERVICES) {
                assertThat(stack.commandLine(service))
                        .contains(
                                issuer,
                                "--tango.security.jwk-set-uri=" + stack.gatewayUrl() + "/.well-known/jwks.json");
            }
            assertThat(stack.commandLine(Component.GATEWAY))
                    .contains(
                            issuer,
                            "--spring.profiles.active=local",
                            "--tango.security.key-dir=" + stack.dataDir().resolve("keys"));
        }

        @Test
        void aStudentSignsInSeesHerSessionButNotAnotherStudentsAndSignsOut() throws IOException {
            signInAs(ana);

            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .startsWith("Welcome, ")
                    .contains("Ana");
            // Her list is a read model that feedback-service builds from the session events: it may take a moment.
            await("ana's session on her home page")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .pollInSameThread()
                    .until(() -> {
                        browser.navigate().refresh();
                        return !linksTo(anaSession).isEmpty();
                    });
            assertThat(linksTo(benSession)).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain(benSession, minute(benScheduledFor));
            screenshot("1-home-student-ana");

            linksTo(anaSession).get(0).click();
            await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/sessions/" + anaSession));
            assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Practice session");
            assertThat(browser.findElements(By.tagName("h2")))
                    .extracting(WebElement::getText)
                    .contains("Console", "Phases", "Time in each phase", "Transcript");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Scheduled", "student-ana", "pcc-2026");
            screenshot("2-session-of-ana");

            signOut();
        }

        @Test
        void aSessionThatDoesNotExistIsNotFound() throws IOException {
            signInAs(ana);

            browser.get(stack.gatewayUrl() + "/sessions/no-such-session");

            screenshot("3-no-such-session");
            assertThat(browser.getTitle()).startsWith("Session not found");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Session not found");
            assertThat(browser.findElement(By.cssSelector("main [role='status']"))
                            .getText())
                    .isEqualTo("This session does not exist, or it is not yours to see.");

            signOut();
        }

        /** Depends on the services enforcing access (a student sees only her own sessions; someone else's is a 404). */
        @Test
        void anotherStudentsSessionOpenedByItsUrlIsNotFound() throws IOException {
            signInAs(ana);

            browser.get(stack.gatewayUrl() + "/sessions/" + benSession);

            screenshot("4-session-of-ben-as-ana");
            assertThat(browser.getTitle()).startsWith("Session not found");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Session not found");
            assertThat(browser.getPageSource())
                    .doesNotContain("student-ben", minute(benScheduledFor))
                    .doesNotContain("mentor-marco");

            signOut();
        }
    }

    @Nested
    class RunningASession {

        @TempDir
        Path files;

        @Test
        void aMentorRunsALiveSessionWithTheKeyboardAndTheButtons() throws IOException {
            String session = api.schedule(
                    "student-cai", "LIVE", Instant.now(), "Decide whether to ask for the team lead role", "Client C");
            signInAs(marco);
            // A mentor's list comes straight from session-service: the new session is there at once.
            browser.findElement(By.cssSelector("main a[href='/sessions/" + session + "']"))
                    .click();
            await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().endsWith("/sessions/" + session));
            ConsolePage console = new ConsolePage(browser, PATIENCE);

            assertThat(console.goal()).isEqualTo("Decide whether to ask for the team lead role");
            assertThat(console.clientLabel()).isEqualTo("Client C");
            assertThat(console.status()).isEqualTo("SCHEDULED");
            assertThat(console.moves()).isEmpty();
            assertThat(browser.findElement(By.cssSelector(".shortcuts")).getText())
                    .contains("Keyboard shortcuts", "Opening", "Exploring", "Meaning making", "Action planning");
            screenshot("5-console-scheduled");

            console.start();
            assertThat(console.status()).isEqualTo("IN_PROGRESS");
            assertThat(console.notice()).isEqualTo("The session has started in Opening; the clock is running.");
            assertThat(console.currentPhase()).isEqualTo("Opening");
            assertThat(console.moves()).containsExactly("Exploring", "Meaning making");
            assertThat(console.moveKeys()).containsExactly("2", "3");
            assertThat(console.hasClock()).isTrue();
            console.waitForTheClockToMovePast(console.elapsed());
            assertThat(console.timeline()).hasSize(1);
            assertThat(console.timelineBars()).isEqualTo(1);

            // The number keys, wherever the focus is but in a text field.
            console.pressMoveKey("2");
            assertThat(console.currentPhase()).isEqualTo("Exploring");
            assertThat(console.moves()).containsExactly("Meaning making", "Action planning");
            assertThat(console.timeline()).hasSize(2);

            console.pressMoveKey("3");
            assertThat(console.currentPhase()).isEqualTo("Meaning making");
            assertThat(console.moves()).containsExactly("Exploring", "Action planning");

            // Closing cannot follow meaning making: the key does nothing but say so.
            console.pressKey("5");
            console.waitForAnnouncement("Closing is not a move from meaning making.");
            assertThat(console.currentPhase()).isEqualTo("Meaning making");
            assertThat(console.timeline()).hasSize(3);

            console.clickMove("Action planning");
            assertThat(console.currentPhase()).isEqualTo("Action planning");
            assertThat(console.moves()).containsExactly("Exploring", "Meaning making", "Closing");
            assertThat(console.moveKeys()).containsExactly("2", "3", "5");

            console.pressMoveKey("5");
            assertThat(console.currentPhase()).isEqualTo("Closing");
            assertThat(console.moves()).containsExactly("Action planning");
            assertThat(console.timeline())
                    .extracting(row -> row.get(1))
                    .containsExactly("Opening", "Exploring", "Meaning making", "Action planning", "Closing");
            assertThat(console.timelineBars()).isEqualTo(5);
            assertThat(console.timeline().get(4).get(4)).endsWith("so far");
            String inClosing = console.timeInPhase();
            await("the clock runs in Closing")
                    .atMost(PATIENCE)
                    .until(() -> !console.timeInPhase().equals(inClosing));
            screenshot("6-console-live-closing");
            screenshot("6-console-live-closing-timeline", "#phases-heading");

            console.end();
            assertThat(console.status()).isEqualTo("ENDED");
            assertThat(console.notice()).startsWith("The session has ended.");
            assertThat(console.hasClock()).isFalse();
            assertThat(console.moves()).isEmpty();
            assertThat(console.timeInEachPhase())
                    .containsOnlyKeys("Opening", "Exploring", "Meaning making", "Action planning", "Closing")
                    .allSatisfy((phase, time) -> assertThat(time).matches("\\d+:\\d\\d"));
            screenshot("7-console-live-ended", "#phases-heading");

            signOut();
        }

        @Test
        void aMentorMarksAReviewWithTimeCodes() throws IOException {
            String session = api.schedule(
                    "student-cai", "REVIEW", Instant.now().minus(Duration.ofDays(2)), "Say no to extra work", null);
            signInAs(marco);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ConsolePage console = new ConsolePage(browser, PATIENCE);

            console.start();
            assertThat(console.notice()).startsWith("The review has started in Opening.");
            assertThat(console.hasClock())
                    .as("a review has time codes, not a clock")
                    .isFalse();

            console.typeTimeCode("1:30");
            console.leaveTimeCode();
            console.pressMoveKey("2");
            assertThat(console.currentPhase()).isEqualTo("Exploring");
            assertThat(console.timeline().get(1)).containsSubsequence("Exploring", "1:30");

            // The browser checks a time code before anything is sent...
            console.typeTimeCode("abc");
            console.clickMoveRefusedByTheBrowser("Meaning making");
            assertThat(console.timeCodeError())
                    .isEqualTo("\"abc\" is not a time code: use hh:mm:ss or mm:ss, e.g. 01:02:03 or 12:34 (at most"
                            + " 24:00:00).");
            console.typeTimeCode("1:00");
            console.clickMoveRefusedByTheBrowser("Meaning making");
            assertThat(console.timeCodeError())
                    .isEqualTo("The time code must not be before 1:30, the time code of the last move.");
            assertThat(console.currentPhase()).isEqualTo("Exploring");
            screenshot("8-console-review-time-code-refused");

            // ... and session-service checks it again when the browser does not.
            console.forgetTheLastTimeCodeInTheBrowser();
            console.typeTimeCode("1:00");
            console.clickMove("Meaning making");
            assertThat(console.alert()).contains("The change was not accepted, and nothing was changed.");
            assertThat(console.timeCodeError())
                    .isEqualTo("The time code must not be before 1:30, the time code of the last move.");
            assertThat(console.currentPhase()).isEqualTo("Exploring");

            console.typeTimeCode("00:07:01");
            console.clickMove("Meaning making");
            assertThat(console.currentPhase()).isEqualTo("Meaning making");
            assertThat(console.timeline()).extracting(row -> row.get(2)).containsExactly("0:00", "1:30", "7:01");

            console.end();
            assertThat(console.status()).isEqualTo("ENDED");
            assertThat(console.timeInEachPhase())
                    .containsEntry("Opening", "1:30")
                    .containsEntry("Exploring", "5:31");
            screenshot("9-console-review-ended", "#phases-heading");

            signOut();
        }

        @Test
        void aTranscriptWithAnUnreadableLineIsRefusedByLineNumberThenImportedWithoutIt() throws IOException {
            String session = api.schedule("student-cai", "REVIEW", Instant.now(), null, null);
            api.start(session);
            Path file = files.resolve("transcript.txt");
            Files.writeString(file, """
                    [00:00:05] Marco: How shall we do this work together today?
                    [00:00:12] Client: I would like to find out how to say no.
                    this line has no time code
                    Coach (00:01:03): What is important to explore about that?
                    """);
            signInAs(marco);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ConsolePage console = new ConsolePage(browser, PATIENCE);
            assertThat(console.offersTranscriptImport()).isTrue();

            console.chooseTranscriptFile(file, "[00:00:05] Marco:");
            console.coachNames("Marco");
            console.importTranscript();

            assertThat(console.transcriptAlert())
                    .contains("Nothing was imported: 1 line of the transcript cannot be read.");
            assertThat(console.lineErrors()).containsOnlyKeys(3);
            assertThat(console.lineErrors().get(3)).startsWith("Line 3:").contains("this line has no time code");
            assertThat(console.transcriptText()).contains("this line has no time code");
            assertThat(console.transcript()).isEmpty();
            screenshot("10-transcript-line-error");

            console.skipUnreadableLines();
            console.importTranscript();

            assertThat(console.transcriptNotice())
                    .isEqualTo("Imported 3 segments; skipped 1 line that could not be read.");
            assertThat(console.transcript())
                    .containsExactly(
                            List.of("0:05", "Coach", "How shall we do this work together today?"),
                            List.of("0:12", "Client", "I would like to find out how to say no."),
                            List.of("1:03", "Coach", "What is important to explore about that?"));
            assertThat(console.offersTranscriptImport())
                    .as("one transcript per session")
                    .isFalse();
            screenshot("11-transcript-imported");

            signOut();
        }
    }

    @Nested
    class ScoringASession {

        private static final List<String> OPENING_MARKERS = List.of(
                "Asks how to work together today",
                "Asks what is important to explore",
                "Asks what needs discussing to move forward");
        private static final List<String> EXPLORING_MARKERS =
                List.of("Checks progress toward today's goal", "Uses the client's learning to choose what next");

        @Test
        void aMentorScoresALiveSessionPublishesAndRevisesAndTheStudentSeesOnlyWhatWasPublished() throws IOException {
            String session =
                    api.schedule("student-ana", "LIVE", Instant.now(), "Ask my team for honest feedback", "Client S");
            signInAs(marco);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ConsolePage console = new ConsolePage(browser, PATIENCE);
            ScoringPanel panel = new ScoringPanel(browser, PATIENCE).waitUntilReady();
            assertThat(panel.heading()).isEqualTo("Scoring");
            assertThat(panel.markers()).as("no markers before the start").isEmpty();

            console.start();
            panel.waitForMarkersOf("Opening");
            assertThat(panel.markers()).containsExactlyElementsOf(OPENING_MARKERS);
            assertThat(panel.markerKeys()).containsExactly("a", "s", "d");
            assertThat(panel.antiSignals()).hasSize(6).contains("Leads instead of following");
            assertThat(browser.findElement(By.cssSelector(".score-shortcuts")).getText())
                    .contains("Scoring shortcuts", "Esc");

            // A click, then a letter key: each records the marker, and the button says it was observed.
            panel.clickMarker("Asks how to work together today");
            assertThat(panel.notice()).startsWith("Recorded \u201cAsks how to work together today\u201d");
            panel.pressKey("s");
            assertThat(panel.observedMarkers())
                    .containsExactly("Asks how to work together today", "Asks what is important to explore");

            panel.clickAntiSignal("Leads instead of following");
            assertThat(panel.antiSignalCount("Leads instead of following")).isEqualTo(1);

            // The note takes the time code of the moment typing began, and goes with the next marker.
            String timeCode = panel.typeNote("Lovely open question about the agenda");
            assertThat(timeCode).matches("\\d+:\\d\\d");
            panel.clickMarker("Asks what needs discussing to move forward");
            assertThat(panel.observations().get(0))
                    .contains(timeCode, "Asks what needs discussing to move forward", "in Opening")
                    .contains("Lovely open question about the agenda");
            assertThat(panel.observations()).hasSize(4);
            screenshot("12-scoring-panel-live", "#scoring");

            panel.retract("Leads instead of following", "It was the client's choice after all");
            assertThat(panel.antiSignalCount("Leads instead of following")).isZero();
            assertThat(panel.observations())
                    .anySatisfy(row -> assertThat(row)
                            .contains("Leads instead of following", "Retracted: It was the client's choice after all"));

            // A phase move in the console: the marker buttons become the new phase's.
            console.pressMoveKey("2");
            assertThat(console.currentPhase()).isEqualTo("Exploring");
            panel.waitForMarkersOf("Exploring");
            assertThat(panel.markers()).containsExactlyElementsOf(EXPLORING_MARKERS);
            assertThat(panel.markerKeys()).containsExactly("a", "s");

            console.end();
            panel.waitForThePreviewLink();
            assertThat(panel.publishState()).isEqualTo("none");
            panel.preview();
            assertThat(panel.previewOverall()).matches("\\d+");
            assertThat(panel.publishButton()).isEqualTo("Publish");
            screenshot("13-scoring-preview", "#scoring");
            panel.publish();
            assertThat(panel.notice()).isEqualTo("Published: the student sees your scorecard now.");
            assertThat(panel.publishState()).isEqualTo("published");
            assertThat(panel.publishedRevision()).isEqualTo("1");
            // Opening 3 of 2 required (100), Exploring 0 of 1, three phases never entered: (100 + 0 * 4) / 5.
            assertThat(panel.draftOverall()).isEqualTo("20");
            signOut();

            signInAs(ana);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ScoringPanel anas = new ScoringPanel(browser, PATIENCE).waitUntilReady();
            assertThat(anas.heading()).isEqualTo("Scorecards");
            assertThat(anas.publishedCards()).containsExactly(List.of("1", "false", "20"));
            assertThat(browser.getPageSource())
                    .doesNotContain("Your scorecard so far", "Your observations", "Lovely open question")
                    .doesNotContain("data-observe");
            screenshot("14-scorecard-of-ana", "#scoring");
            signOut();

            // Marco records one more marker (of the phase the session ended in) and publishes a revision.
            signInAs(marco);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ScoringPanel again = new ScoringPanel(browser, PATIENCE).waitUntilReady();
            again.waitForMarkersOf("Exploring");
            again.clickMarker("Checks progress toward today's goal");
            assertThat(again.publishState()).isEqualTo("changed");
            again.preview();
            assertThat(again.publishButton()).isEqualTo("Publish revision 2");
            again.publish();
            assertThat(again.publishedRevision()).isEqualTo("2");
            assertThat(again.draftOverall()).isEqualTo("40");
            signOut();

            signInAs(ana);
            browser.get(stack.gatewayUrl() + "/sessions/" + session);
            ScoringPanel revised = new ScoringPanel(browser, PATIENCE).waitUntilReady();
            assertThat(revised.publishedCards()).containsExactly(List.of("2", "true", "40"));
            assertThat(browser.findElement(By.id("scoring")).getText()).contains("Revised");
            screenshot("15-scorecard-of-ana-revised", "#scoring");
            signOut();
        }
    }

    private void signInAs(DemoUser user) {
        browser.get(stack.gatewayUrl() + "/login");
        WebElement email = labelled("Email");
        WebElement password = labelled("Password");
        email.sendKeys(user.email());
        password.sendKeys(user.password());
        browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']"))
                .click();
        await("signed in as " + user.id())
                .atMost(PATIENCE)
                .until(() -> browser.getCurrentUrl().equals(stack.gatewayUrl() + "/"));
    }

    private void signOut() {
        browser.findElement(By.xpath("//form[@action='/logout']//button[normalize-space()='Sign out']"))
                .click();
        await("signed out")
                .atMost(PATIENCE)
                .until(() -> browser.getCurrentUrl().startsWith(stack.gatewayUrl() + "/login"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are signed out.");

        browser.get(stack.gatewayUrl() + "/");
        assertThat(browser.getCurrentUrl()).isEqualTo(stack.gatewayUrl() + "/login");
    }

    /** The input that the label with this text is for: finds it the way a screen reader names it. */
    private WebElement labelled(String label) {
        WebElement element = browser.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return browser.findElement(By.id(element.getAttribute("for")));
    }

    private List<WebElement> linksTo(String sessionId) {
        return browser.findElements(By.cssSelector("main a[href='/sessions/" + sessionId + "']"));
    }

    /** A screenshot of the page scrolled to the element the CSS selector finds first. */
    private void screenshot(String name, String scrolledTo) throws IOException {
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'})",
                        browser.findElement(By.cssSelector(scrolledTo)));
        screenshot(name);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, png);
        System.out.println("screenshot: " + file);
    }

    /** As the home page shows a time: {@code 2026-11-21 14:37}. */
    private static String minute(Instant instant) {
        return instant.toString().substring(0, 16).replace('T', ' ');
    }

    private static DemoUser demo(List<DemoUser> users, String id) {
        return users.stream()
                .filter(user -> user.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo user " + id + " in " + users));
    }

    @Nested
    class StudentDashboard {

        @Test
        void aStudentSeesHerScoredSessionChartedAndRepliesToHerMentorsComment() throws Exception {
            String session = api.schedule(
                    "student-ana", "LIVE", Instant.now(), "Find out what the client wants from a new job", "Client D");
            api.start(session);
            api.enterPhase(session, "EXPLORING");
            api.end(session);

            // mentor-marco records an observation and publishes his scorecard through the scoring API, signed in as
            // himself in the browser (scoring-service learns of the start and the end from events: retry until then).
            signInAs(marco);
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            String scoring = "/api/scoring/sessions/" + session;
            await("marco's observation recorded")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> postAsSignedIn(
                                    scoring + "/observations",
                                    "{\"kind\":\"MARKER\",\"itemId\":\"opening.work-together\","
                                            + "\"phase\":\"OPENING\",\"timeCodeMs\":1000,\"note\":\"Asked how to work\"}")
                            .startsWith("201"));
            await("marco's scorecard published")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> postAsSignedIn(scoring + "/scorecards/mine/publish", null)
                            .startsWith("20"));

            // He writes a comment on the missed marker on the feedback page and publishes it at once.
            browser.get(stack.gatewayUrl() + "/sessions/" + session + "/feedback");
            await("the feedback page of the session")
                    .atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> {
                        browser.navigate().refresh();
                        return browser.findElement(By.id("new-body")).isDisplayed();
                    });
            labelled("Comment").sendKeys("Next time, ask *what matters most* to explore today.");
            new Select(labelled("Kind")).selectByValue("SUGGESTION");
            labelled("Time code (optional, mm:ss)").sendKeys("0:01");
            new Select(labelled("Phase (optional)")).selectByValue("OPENING");
            labelled("Marker or anti-signal id (optional)").sendKeys("opening.what-matters");
            browser.findElement(By.id("new-publish")).click();
            browser.findElement(By.xpath("//button[normalize-space()='Save comment']"))
                    .click();
            await("the comment published")
                    .atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.id("comments-heading"))
                            .findElement(By.xpath(".."))
                            .getText()
                            .contains("what matters most"));
            screenshot("12-feedback-mentor-comment");
            signOut();

            // Ana's dashboard: the projections follow the events, so reload until the scored session shows.
            signInAs(ana);
            browser.findElement(By.cssSelector("nav a[href='/dashboard']")).click();
            await("ana's dashboard with her scored session")
                    .atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        browser.navigate().refresh();
                        String text = browser.findElement(By.tagName("main")).getText();
                        return !browser.findElements(By.id("chart-trend")).isEmpty()
                                && text.contains("what matters most");
                    });
            for (String chart : List.of("chart-trend", "chart-phase-scores", "chart-phase-times")) {
                WebElement canvas = browser.findElement(By.id(chart));
                assertThat(canvas.getSize().getWidth()).as(chart + " width").isPositive();
                assertThat(canvas.getSize().getHeight()).as(chart + " height").isPositive();
                Object drawn = ((JavascriptExecutor) browser)
                        .executeScript("return Chart.getChart(arguments[0]) != null;", canvas);
                assertThat(drawn).as(chart + " drawn by Chart.js").isEqualTo(true);
            }
            String dashboard = browser.findElement(By.tagName("main")).getText();
            assertThat(dashboard)
                    .contains("Score trend", "Per-phase profile", "Growth areas", "Strengths")
                    .contains("opening.work-together", "what matters most");
            screenshot("13-dashboard-ana");

            // She opens the session's feedback and replies to the comment.
            browser.findElement(By.cssSelector("main a[href='/sessions/" + session + "/feedback']"))
                    .click();
            await().atMost(PATIENCE)
                    .until(() -> browser.getCurrentUrl().endsWith("/sessions/" + session + "/feedback"));
            labelled("Your reply").sendKeys("I will ask that first next time.");
            browser.findElement(By.xpath("//button[normalize-space()='Reply']")).click();
            await("ana's reply shown")
                    .atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector(".replies"))
                            .getText()
                            .contains("I will ask that first next time."));
            screenshot("14-feedback-ana-replied");
        }

        /** POSTs JSON to the gateway with the signed-in browser's session and CSRF token; "status body". */
        private String postAsSignedIn(String path, String json) {
            return String.valueOf(((JavascriptExecutor) browser)
                    .executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + "var headers = {'Content-Type': 'application/json'};"
                                    + "headers[document.querySelector('meta[name=\"csrf-header\"]').content] ="
                                    + " document.querySelector('meta[name=\"csrf-token\"]').content;"
                                    + "fetch(arguments[0], {method: 'POST', headers: headers, credentials: 'same-origin',"
                                    + " body: arguments[1] === null ? undefined : arguments[1]})"
                                    + ".then(function (r) { return r.text().then(function (t) { done(r.status + ' ' + t); }); })"
                                    + ".catch(function (e) { done('error ' + e); });",
                            path,
                            json));
        }
    }
}
