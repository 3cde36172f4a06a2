package dev.tango.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway over plain HTTP, as a person or a script would use it: the sign-in form with its CSRF token and session
 * cookie, then the admin API that issues API tokens. The launcher uses it to hand out a demo token; tests use it to get
 * one.
 */
public final class GatewayClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(tango_pat_[^\"]+)\"");

    private final String url;
    private final HttpClient http;

    public GatewayClient(String url) {
        this.url = url;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * Signs in as {@code user} through the form and issues an API token with the user's role and program, valid until
     * {@code expiresAt}. Only an admin may issue tokens.
     */
    public String issueApiToken(DemoUser user, String name, Instant expiresAt) throws IOException {
        SignedIn admin = signIn(user.email(), user.password());
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + user.role() + "\",\"programs\":[\"" + user.program()
                + "\"],\"expiresAt\":\"" + expiresAt + "\"}";
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(url + "/api/tokens"))
                .header("Cookie", admin.cookie())
                .header("X-CSRF-TOKEN", admin.csrf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (issued.statusCode() != 201) {
            throw new IOException("POST /api/tokens answered " + issued.statusCode() + ": " + issued.body());
        }
        return find(TOKEN, issued.body(), "the issued token");
    }

    /**
     * Signs in through the form, as a browser does: the session cookie ({@code TANGO_SESSION=...}) and the CSRF token
     * that the session's forms and API calls (header {@code X-CSRF-TOKEN}) must carry.
     */
    public SignedIn signIn(String email, String password) throws IOException {
        HttpResponse<String> loginPage =
                send(page("/").uri(URI.create(url + "/login")).build());
        String cookie = sessionCookie(loginPage, null);
        String form = "email=" + encode(email) + "&password=" + encode(password) + "&_csrf="
                + encode(find(CSRF_FIELD, loginPage.body(), "the login page's CSRF field"));
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (login.statusCode() != 302
                || !"/".equals(login.headers().firstValue("Location").orElse(""))) {
            throw new IOException("Signing in as " + email + " failed: HTTP " + login.statusCode());
        }
        cookie = sessionCookie(login, cookie);
        HttpResponse<String> home = send(page("/").header("Cookie", cookie).build());
        return new SignedIn(cookie, find(CSRF_FIELD, home.body(), "the home page's CSRF field"));
    }

    /** A browser's signed-in session: its cookie ({@code name=value}) and its CSRF token. */
    public record SignedIn(String cookie, String csrf) {}

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Accept", "text/html");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling " + request.uri(), e);
        }
    }

    /** The TANGO_SESSION cookie the answer sets, or the one sent before. */
    private static String sessionCookie(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("TANGO_SESSION="))
                .map(value -> value.split(";", 2)[0])
                .findFirst()
                .orElse(previous);
    }

    private static String find(Pattern pattern, String text, String what) throws IOException {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IOException("No " + what + " in the gateway's answer");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
