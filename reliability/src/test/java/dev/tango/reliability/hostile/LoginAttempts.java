package dev.tango.reliability.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sign-in attempts through the form, as a password-guessing script would make them (asking for JSON answers). */
final class LoginAttempts {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    LoginAttempts(String gateway) {
        this.gateway = gateway;
    }

    /** The status of one attempt: 302 signed in, 401 wrong, 429 throttled. */
    int attempt(String email, String password) {
        try {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = page.headers().allValues("Set-Cookie").stream()
                    .filter(value -> value.startsWith("TANGO_SESSION="))
                    .map(value -> value.split(";", 2)[0])
                    .findFirst()
                    .orElseThrow();
            Matcher csrf = CSRF_FIELD.matcher(page.body());
            if (!csrf.find()) {
                throw new IllegalStateException("No CSRF field on the login page");
            }
            String form =
                    "email=" + encode(email) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + "/login"))
                            .header("Cookie", cookie)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return login.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
