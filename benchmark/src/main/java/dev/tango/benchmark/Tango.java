package dev.tango.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Tango's HTTP API as the load uses it, against one base URL: the gateway (the edge) or, with service JWTs, a service
 * directly (the paths are the same).
 */
final class Tango {

    static final String PROGRAM = "pcc-2026";

    /** Markers of the built-in partnership rubric (scoring-service rubrics/partnership-v1.json), one per phase. */
    static final String[] MARKERS = {"opening.work-together", "exploring.check-progress", "closing.learning"};

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(tango_pat_[^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Http http;
    private final String base;

    Tango(Http http, String base) {
        this.http = http;
        this.base = base;
    }

    String base() {
        return base;
    }

    // ---- the session lifecycle ------------------------------------------------------------------------------------

    Mono<Http.Reply> schedule(Http.Caller admin, String studentId, String mentorId) {
        return http.post(
                base + "/api/sessions",
                admin,
                "{\"programId\":\"" + PROGRAM + "\",\"studentId\":\"" + studentId + "\",\"mentorIds\":[\"" + mentorId
                        + "\"],\"mode\":\"LIVE\",\"scheduledFor\":\"" + Instant.now() + "\",\"goal\":\"Benchmark\"}");
    }

    Mono<Http.Reply> start(SimSession session) {
        return http.post(base + "/api/sessions/" + session.id + "/start", session.mentor, null);
    }

    Mono<Http.Reply> enterPhase(SimSession session, String phase) {
        return http.post(
                base + "/api/sessions/" + session.id + "/phase", session.mentor, "{\"phase\":\"" + phase + "\"}");
    }

    /** Two speaker turns (about 120 characters each) after the ones appended before. */
    Mono<Http.Reply> appendSegments(SimSession session, int batch) {
        long at = batch * 20_000L;
        return http.post(
                base + "/api/sessions/" + session.id + "/transcript/segments",
                session.mentor,
                "{\"segments\":[{\"speaker\":\"COACH\",\"text\":\"What would you like to take away from our time today,"
                        + " and how will you know that we got there?\",\"startMs\":" + at + ",\"endMs\":" + (at + 6000)
                        + "},{\"speaker\":\"CLIENT\",\"text\":\"I want to find a way to say no to extra work without"
                        + " feeling that I let the team down.\",\"startMs\":" + (at + 7000) + ",\"endMs\":"
                        + (at + 14000) + "}]}");
    }

    Mono<Http.Reply> observe(SimSession session, String markerId) {
        return http.post(
                base + "/api/scoring/sessions/" + session.id + "/observations",
                session.mentor,
                "{\"kind\":\"MARKER\",\"itemId\":\"" + markerId + "\",\"note\":\"Clearly done\"}");
    }

    Mono<Http.Reply> comment(SimSession session) {
        return http.post(
                base + "/api/feedback/sessions/" + session.id + "/comments",
                session.mentor,
                "{\"body\":\"You *agreed the focus* early; try a summary before moving on.\",\"kind\":\"SUGGESTION\"}");
    }

    Mono<Http.Reply> end(SimSession session) {
        return http.post(base + "/api/sessions/" + session.id + "/end", session.mentor, null);
    }

    Mono<Http.Reply> publishScorecard(SimSession session) {
        return http.post(
                base + "/api/scoring/sessions/" + session.id + "/scorecards/mine/publish", session.mentor, null);
    }

    // ---- the hot reads --------------------------------------------------------------------------------------------

    Mono<Http.Reply> dashboard(Http.Caller caller, String studentId) {
        return http.get(base + "/api/feedback/students/" + studentId + "/dashboard", caller);
    }

    Mono<Http.Reply> sessionPage(Http.Caller caller, String sessionId) {
        return http.get(base + "/api/feedback/sessions/" + sessionId, caller);
    }

    Mono<Http.Reply> scorecards(Http.Caller caller, String sessionId) {
        return http.get(base + "/api/scoring/sessions/" + sessionId + "/scorecards", caller);
    }

    // ---- set-up through the gateway (blocking; not measured) ------------------------------------------------------

    /** Creates a user of the demo program with one role; returns its id. */
    String createUser(Http.Caller admin, String id, String role) {
        Http.Reply created = http.post(
                        base + "/api/users",
                        admin,
                        "{\"id\":\"" + id + "\",\"displayName\":\"Bench " + id + "\",\"email\":\"" + id
                                + "@bench.tango.local\",\"roles\":[\"" + role + "\"],\"programs\":[\"" + PROGRAM
                                + "\"],\"password\":\"bench-" + id + "-pw\"}")
                .block();
        require(created, 201, "POST /api/users " + id);
        return id;
    }

    /**
     * A personal API token acting as {@code userId} (its roles, programs and assignments), or empty when this gateway
     * does not issue them yet.
     */
    java.util.Optional<Http.Caller> personalToken(Http.Caller admin, String userId) {
        Http.Reply issued = http.post(
                        base + "/api/tokens",
                        admin,
                        "{\"name\":\"bench-" + userId + "\",\"user\":\"" + userId + "\",\"expiresAt\":\""
                                + Instant.now().plus(Duration.ofHours(6)) + "\"}")
                .block();
        if (issued == null || issued.status() != 201) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Http.Caller.bearer(userId, find(TOKEN, issued.body())));
    }

    static String idOf(Http.Reply reply) {
        return find(ID, reply.body());
    }

    static Http.Reply require(Http.Reply reply, int status, String what) {
        if (reply == null || reply.status() != status) {
            throw new IllegalStateException(
                    what + " answered " + (reply == null ? "nothing" : reply.status() + ": " + reply.body()));
        }
        return reply;
    }

    /**
     * Signs in through the gateway's form, for users without a personal token (the demo mentors while the gateway has
     * no personal tokens): the session cookie plus the CSRF token its API wants with a cookie.
     */
    static Http.Caller formLogin(String gatewayUrl, String userId, String email, String password) {
        HttpClient client = HttpClient.newBuilder().build();
        try {
            HttpResponse<String> loginPage = client.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = sessionCookie(loginPage, null);
            String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf="
                    + encode(find(CSRF_FIELD, loginPage.body()));
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/login"))
                            .header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302) {
                throw new IllegalStateException("signing in as " + email + " answered " + login.statusCode());
            }
            cookie = sessionCookie(login, cookie);
            HttpResponse<String> home = client.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/"))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Http.Caller(userId, Map.of("Cookie", cookie, "X-CSRF-TOKEN", find(CSRF_FIELD, home.body())));
        } catch (IOException e) {
            throw new IllegalStateException("signing in as " + email, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("TANGO_SESSION="))
                .map(value -> value.split(";", 2)[0])
                .findFirst()
                .orElse(previous);
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
