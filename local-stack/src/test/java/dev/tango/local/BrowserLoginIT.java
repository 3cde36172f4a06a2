package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Identity and access as a person meets them: the whole local stack (Kafka, Mongo, the three services and the gateway
 * with its demo users) on free ports, and a real headless Chromium signing in through the gateway's form.
 *
 * <p>The demo admin schedules one session for student-ana and one for student-ben through the gateway's API (an API
 * token, as any API client would). Ana then sees her session on her home page and not Ben's, and Ben's session, opened
 * by its URL, is "not found" and shows nothing of it.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); skipped, saying so,
 * without them. Screenshots of the pages go to {@code -Dtango.screenshots=DIR} (default: a folder under the system's
 * temporary directory), never into the checkout.
 */
class BrowserLoginIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Path SCREENSHOTS = Path.of(System.getProperty(
            "tango.screenshots",
            Path.of(System.getProperty("java.io.tmpdir"), "tango-browser-it").toString()));

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static DemoUser ana;
    private static String anaSession;
    private static String benSession;
    private static Instant benScheduledFor;

    @TempDir
    Path browserProfile;

    private ChromeDriverService driverService;
    private WebDriver browser;

    @BeforeAll
    static void startTheStackAndScheduleSessions() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "BrowserLoginIT skipped: no " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "BrowserLoginIT skipped: no " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        stack = LocalStack.builder()
                .dataDir(dataDir)
                .freePorts()
                .startupTimeout(STARTUP)
                .progress(System.out::println)
                .build()
                .start();

        List<DemoUser> demo = stack.demoUsers();
        ana = demo(demo, "student-ana");
        DemoUser admin = demo(demo, "admin-ada");
        demo(demo, "student-ben");
        demo(demo, "mentor-marco");

        Gateway gateway = new Gateway(stack.gatewayUrl());
        String token = new GatewayClient(stack.gatewayUrl())
                .issueApiToken(admin, "browser-it", Instant.now().plus(Duration.ofHours(1)));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        benScheduledFor = tomorrow.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(37));
        anaSession = gateway.schedule(token, "student-ana", tomorrow);
        benSession = gateway.schedule(token, "student-ben", benScheduledFor);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
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

    @Test
    void theServicesTrustTheGatewayAsIssuer() {
        String issuer = "--tango.security.issuer=" + stack.gatewayUrl();
        for (Component service : Component.BACKEND_SERVICES) {
            assertThat(stack.commandLine(service))
                    .contains(issuer, "--tango.security.jwk-set-uri=" + stack.gatewayUrl() + "/.well-known/jwks.json");
        }
        assertThat(stack.commandLine(Component.GATEWAY))
                .contains(
                        issuer,
                        "--spring.profiles.active=local",
                        "--tango.security.key-dir=" + dataDir.resolve("keys"));
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
                .contains("Status", "Phases", "Time in each phase");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Scheduled", "student-ana", "pcc-2026");
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
        assertThat(browser.findElement(By.cssSelector("main [role='status']")).getText())
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

    /** The gateway over plain HTTP: the sign-in form with its CSRF token and session cookie, then its API. */
    private record Gateway(String url, HttpClient http) {

        private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

        Gateway(String url) {
            this(
                    url,
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build());
        }

        /** Schedules a session with mentor-marco in the demo program; returns its id. */
        String schedule(String token, String studentId, Instant scheduledFor) throws Exception {
            String body = "{\"programId\":\"pcc-2026\",\"studentId\":\"" + studentId
                    + "\",\"mentorIds\":[\"mentor-marco\"],\"mode\":\"LIVE\",\"scheduledFor\":\"" + scheduledFor
                    + "\"}";
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url + "/api/sessions"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            assertThat(created.statusCode())
                    .as("POST /api/sessions for " + studentId + ": " + created.body())
                    .isEqualTo(201);
            return find(SESSION_ID, created.body(), "the new session's id");
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private static String find(Pattern pattern, String text, String what) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no " + what + " in: " + text);
            }
            return matcher.group(1);
        }
    }
}
