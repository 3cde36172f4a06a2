package dev.tango.reliability.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;

/**
 * The platform's HTTP API as a client sees it through the gateway: a bearer token per call, JSON in and out, and an
 * {@code Idempotency-Key} on writes so that a write whose answer was lost can be sent again safely.
 */
final class Api {

    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    Api(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * One request. A connection that fails or an answer that does not come within the timeout is a {@link Reply}
     * with status 0 and the exception's text as body: the outcome of such a write is unknown.
     */
    Reply send(String token, String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After"),
                    Duration.ofNanos(System.nanoTime() - begin));
        } catch (IOException e) {
            return new Reply(0, e.toString(), "", Optional.empty(), Duration.ofNanos(System.nanoTime() - begin));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, e);
        }
    }

    Reply get(String token, String path) {
        return send(token, "GET", path, null, null);
    }

    /** A GET that must answer 200; its JSON body, an array wrapped as {@code {"items": [...]}}. */
    Document read(String token, String path) {
        Reply reply = get(token, path);
        if (reply.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /**
     * An answer.
     *
     * @param status 0 when no answer came (connection refused or reset, timeout)
     */
    record Reply(int status, String body, String contentType, Optional<String> retryAfter, Duration took) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        boolean answered() {
            return status != 0;
        }

        boolean isProblem() {
            return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        Document json() {
            String text = body.strip();
            return text.startsWith("[") ? Document.parse("{\"items\":" + text + "}") : Document.parse(text);
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + shown;
        }
    }
}
