package dev.tango.reliability.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Raw HTTP to the platform's edge (the gateway), or to a service directly, as an attacker would send it. */
final class Edge {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Told which request got no answer within the timeout, while the stack is still as it was then. */
    private final java.util.function.Consumer<String> onNoAnswer;

    Edge(java.util.function.Consumer<String> onNoAnswer) {
        this.onNoAnswer = onNoAnswer;
    }

    /** Requests sent a second time because the connection was closed under the first attempt. */
    private final AtomicInteger resent = new AtomicInteger();

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
        } catch (HttpTimeoutException e) {
            onNoAnswer.accept(method + " " + pathAndQuery + " " + headers + " body "
                    + (body == null ? "none" : body.length + " bytes") + " caller "
                    + (caller == null ? "none" : caller.label()));
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + pathAndQuery, e);
        }
    }

    /**
     * Like {@link #send(String, String, String, Caller, Map, byte[])}, but a request whose pooled connection was closed
     * under it (the gateway closes a connection after some refusals, and the client may have reused it just then) is
     * sent once more on a new one. A timeout is never retried: it would hide a request that hangs. A second failure,
     * or a timeout, is answered as status 599 "no answer".
     */
    Reply sendOrNoAnswer(
            String baseUrl,
            String method,
            String pathAndQuery,
            Caller caller,
            Map<String, String> headers,
            byte[] body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(baseUrl, method, pathAndQuery, caller, headers, body);
            } catch (UncheckedIOException e) {
                if (attempt == 2 || e.getCause() instanceof HttpTimeoutException) {
                    return new Reply(599, "", "no answer: " + e + " (" + e.getCause() + ")");
                }
                resent.incrementAndGet();
            }
        }
    }

    /** How many requests {@link #sendOrNoAnswer} sent a second time on a new connection. */
    int resent() {
        return resent.get();
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
