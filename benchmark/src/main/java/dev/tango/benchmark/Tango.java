package dev.tango.benchmark;

import java.time.Duration;
import java.time.Instant;
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

    /** A personal API token acting as {@code userId}: its roles, programs and session assignments. */
    Http.Caller personalToken(Http.Caller admin, String userId) {
        Http.Reply issued = http.post(
                        base + "/api/tokens",
                        admin,
                        "{\"name\":\"bench-" + userId + "\",\"user\":\"" + userId + "\",\"expiresAt\":\""
                                + Instant.now().plus(Duration.ofHours(6)) + "\"}")
                .block();
        require(issued, 201, "POST /api/tokens for " + userId);
        return Http.Caller.bearer(userId, find(TOKEN, issued.body()));
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

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
