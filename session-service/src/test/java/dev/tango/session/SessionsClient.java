package dev.tango.session;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The session API as the README's curl sequence drives it. */
final class SessionsClient {

    private final WebTestClient web;

    SessionsClient(WebTestClient web) {
        // The first requests of a fresh context can be slow on a busy two-core machine.
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
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

    WebTestClient.ResponseSpec post(String path, String json) {
        return web.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
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
