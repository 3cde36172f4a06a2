package dev.tango.reliability.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Raw HTTP to the platform's edge (the gateway), or to a service directly, as an attacker would send it. */
final class Edge {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** One answer: status, media type (empty when none) and body. */
    record Reply(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.toLowerCase(Locale.ROOT).startsWith(PROBLEM_JSON);
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + contentType + " " + shown.replaceAll("\\s+", " ");
        }
    }

    /**
     * Sends {@code body} (raw bytes, or none when null) with the caller's credentials; {@code headers} may add or
     * override any header (a Content-Type among them).
     */
    Reply send(
            String baseUrl,
            String method,
            String pathAndQuery,
            Caller caller,
            Map<String, String> headers,
            byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (caller != null) {
            caller.authorize(request);
        }
        headers.forEach(request::setHeader);
        request.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + pathAndQuery, e);
        }
    }

    Reply send(String baseUrl, String method, String pathAndQuery, Caller caller, String json) {
        return send(
                baseUrl,
                method,
                pathAndQuery,
                caller,
                Map.of(),
                json == null ? null : json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
