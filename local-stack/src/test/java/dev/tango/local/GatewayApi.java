package dev.tango.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway's session API as an API client uses it (a bearer API token), for tests to set the scene. */
record GatewayApi(String url, String token, HttpClient http) {

    private static final Pattern SESSION_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    GatewayApi(String url, String token) {
        this(
                url,
                token,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** Schedules a LIVE session of the demo program with mentor-marco; returns its id. */
    String schedule(String studentId, Instant scheduledFor) throws IOException {
        return schedule(studentId, "LIVE", scheduledFor, null, null);
    }

    /**
     * Schedules a session of the demo program with mentor-marco, with a goal and a client label when given (plain
     * text without quotes or backslashes); returns its id.
     */
    String schedule(String studentId, String mode, Instant scheduledFor, String goal, String clientLabel)
            throws IOException {
        StringBuilder body = new StringBuilder("{\"programId\":\"pcc-2026\",\"studentId\":\"")
                .append(studentId)
                .append("\",\"mentorIds\":[\"mentor-marco\"],\"mode\":\"")
                .append(mode)
                .append("\",\"scheduledFor\":\"")
                .append(scheduledFor)
                .append('"');
        if (goal != null) {
            body.append(",\"goal\":\"").append(goal).append('"');
        }
        if (clientLabel != null) {
            body.append(",\"clientLabel\":\"").append(clientLabel).append('"');
        }
        HttpResponse<String> created = post("/api/sessions", body.append('}').toString());
        assertThat(created.statusCode())
                .as("POST /api/sessions for " + studentId + ": " + created.body())
                .isEqualTo(201);
        Matcher matcher = SESSION_ID.matcher(created.body());
        assertThat(matcher.find())
                .as("the new session's id in " + created.body())
                .isTrue();
        return matcher.group(1);
    }

    /** Starts a scheduled session (an admin of its program may run it). */
    void start(String sessionId) throws IOException {
        HttpResponse<String> started = post("/api/sessions/" + sessionId + "/start", null);
        assertThat(started.statusCode())
                .as("POST /api/sessions/" + sessionId + "/start: " + started.body())
                .isEqualTo(200);
    }

    /** Moves a running session to another phase. */
    void enterPhase(String sessionId, String phase) throws IOException {
        HttpResponse<String> moved = post("/api/sessions/" + sessionId + "/phase", "{\"phase\":\"" + phase + "\"}");
        assertThat(moved.statusCode())
                .as("POST /api/sessions/" + sessionId + "/phase " + phase + ": " + moved.body())
                .isEqualTo(200);
    }

    /** Ends a running session. */
    void end(String sessionId) throws IOException {
        HttpResponse<String> ended = post("/api/sessions/" + sessionId + "/end", null);
        assertThat(ended.statusCode())
                .as("POST /api/sessions/" + sessionId + "/end: " + ended.body())
                .isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        request = json == null
                ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: POST " + path, e);
        }
    }
}
