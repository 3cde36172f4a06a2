package dev.tango.session;

import dev.tango.testsupport.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The session API as the README's curl sequence drives it, by default as an admin of {@value #PROGRAM}, the program of
 * the sessions it creates.
 */
final class SessionsClient {

    static final String PROGRAM = "pcc-2026";
    static final String ADMIN = "admin-pcc";

    private final WebTestClient web;

    SessionsClient(WebTestClient web) {
        this(web, adminToken());
    }

    /** Calls with the given bearer token, or with none if it is {@code null}. */
    SessionsClient(WebTestClient web, String token) {
        // The first requests of a fresh context can be slow on a busy two-core machine.
        WebTestClient.Builder builder = web.mutate().responseTimeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.defaultHeaders(headers -> headers.setBearerAuth(token));
        }
        this.web = builder.build();
    }

    /** A token of an admin of {@value #PROGRAM}, fresh: tokens live five minutes. */
    static String adminToken() {
        return TestTokens.get().admin(ADMIN, PROGRAM);
    }

    /** The client as an admin of {@value #PROGRAM}, for requests that do not go through this class. */
    static WebTestClient asAdmin(WebTestClient web) {
        String token = adminToken();
        return web.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** A unique student, so a test can tell its sessions and events apart. */
    static String newStudent() {
        return "student-" + UUID.randomUUID();
    }

    static String createBody(String studentId) {
        return """
                {"programId":"pcc-2026","studentId":"%s","mentorIds":["mentor-marco"]}""".formatted(studentId);
    }

    /** Creates a LIVE session the way the README does and returns its id. */
    String create() {
        return idOf(post("/api/sessions", createBody(newStudent()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody());
    }

    String createReview() {
        return idOf(post("/api/sessions", """
                        {"programId":"pcc-2026","studentId":"%s","mentorIds":["mentor-marco"],"mode":"REVIEW"}""".formatted(newStudent()))
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody());
    }

    String createStarted() {
        String id = create();
        start(id).expectStatus().isOk();
        return id;
    }

    WebTestClient.ResponseSpec start(String id) {
        return web.post().uri("/api/sessions/{id}/start", id).exchange();
    }

    WebTestClient.ResponseSpec phase(String id, String phase) {
        return post("/api/sessions/" + id + "/phase", "{\"phase\":\"" + phase + "\"}");
    }

    WebTestClient.ResponseSpec end(String id) {
        return web.post().uri("/api/sessions/{id}/end", id).exchange();
    }

    WebTestClient.ResponseSpec cancel(String id, String reason) {
        return post("/api/sessions/" + id + "/cancel", "{\"reason\":\"" + reason + "\"}");
    }

    WebTestClient.ResponseSpec get(String id) {
        return web.get().uri("/api/sessions/{id}", id).exchange();
    }

    /** {@code GET /api/sessions} with the given query string ("" or "?..."). */
    WebTestClient.ResponseSpec list(String query) {
        return web.get().uri("/api/sessions" + query).exchange();
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    /** The client with this one's token, for requests this class has no method for. */
    WebTestClient web() {
        return web;
    }

    long version(String id) {
        return ((Number) get(id).expectStatus()
                        .isOk()
                        .expectBody(Map.class)
                        .returnResult()
                        .getResponseBody()
                        .get("version"))
                .longValue();
    }

    private static String idOf(Map<?, ?> view) {
        return (String) view.get("id");
    }
}
