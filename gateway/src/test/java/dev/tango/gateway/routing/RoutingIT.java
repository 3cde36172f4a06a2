package dev.tango.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tango.gateway.Downstream;
import dev.tango.gateway.GatewayIntegrationTest;
import dev.tango.gateway.user.Role;
import dev.tango.gateway.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

class RoutingIT extends GatewayIntegrationTest {

    @Test
    void forwardsABrowserCallWithTheUsersBearerJwtAndWithoutCookies() {
        User student = createUser("student", Role.STUDENT, "pcc-2026");
        Browser browser = signIn(student);

        browser.get("/api/sessions/s-42/timeline?x=1")
                .header(HttpHeaders.AUTHORIZATION, "Basic c29tZW9uZTplbHNl")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);

        Downstream.Received received = DOWNSTREAM.last("/api/sessions/s-42/timeline?x=1");
        assertThat(received.header("cookie")).isNull();
        assertThat(received.headers().get("authorization")).hasSize(1);
        String authorization = received.header("authorization");
        assertThat(authorization).startsWith("Bearer ");
        Jwt jwt = NimbusReactiveJwtDecoder.withJwkSetUri(baseUrl() + "/.well-known/jwks.json")
                .build()
                .decode(authorization.substring(7))
                .block(Duration.ofSeconds(10));
        assertThat(jwt.getSubject()).isEqualTo(student.id().value());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("STUDENT");
        assertThat(jwt.getAudience()).containsExactly("tango-api");
    }

    @Test
    void routesFeedbackToo() {
        User mentor = createUser("mentor", Role.MENTOR);
        signIn(mentor).get("/api/feedback/anything").exchange().expectStatus().isOk();
        assertThat(DOWNSTREAM.last("/api/feedback/anything").header("authorization"))
                .startsWith("Bearer ey");
    }

    @Test
    void refusesAnonymousApiCallsWithProblemJson() {
        int before = DOWNSTREAM.received().size();
        client().get()
                .uri("/api/sessions/s-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
        assertThat(DOWNSTREAM.received()).hasSize(before);
    }

    /** Found by the hostile input suite: the firewall answered these with an empty 400. */
    @Test
    void refusesPathTraversalAndNulInThePathWithProblemJson() {
        int before = DOWNSTREAM.received().size();
        for (String path :
                java.util.List.of("/api/sessions/../x/start", "/api/sessions/%00/start", "/api/sessions/a%2Fb")) {
            client().post()
                    .uri(java.net.URI.create(baseUrl() + path))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(DOWNSTREAM.received()).hasSize(before);
    }

    /**
     * Found by the hostile input suite: a body the service refuses (413 once it has read its limit) went on to it, and
     * the connection misbehaved afterwards (empty 400s). The edge now refuses it and sends nothing on.
     */
    @Test
    void refusesABodyLargerThanItsRouteTakesWithoutSendingItOn() {
        Browser browser = signIn(createUser("student", Role.STUDENT, "pcc-2026"));
        browser.page("/account/tokens");
        byte[] body = jsonArrayOfSize(300 * 1024);
        int before = DOWNSTREAM.received().size();

        browser.post("/api/feedback/sessions/s-1/comments")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://tango.dev/problems/too-large")
                .jsonPath("$.detail")
                .isEqualTo("The request body is larger than the 262144 bytes this endpoint accepts.");
        assertThat(DOWNSTREAM.received()).hasSize(before);

        // session-service takes up to 2 MB (transcript imports): the same body goes on, whole.
        browser.post("/api/sessions/s-1/transcript")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.last("/api/sessions/s-1/transcript").body()).hasSize(body.length);
    }

    @Test
    void refusesABodyWithoutALengthOnceItGrowsPastItsRoutesLimit() {
        Browser browser = signIn(createUser("student", Role.STUDENT, "pcc-2026"));
        browser.page("/account/tokens");
        byte[] chunk = jsonArrayOfSize(64 * 1024);
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

        // Five 64 KB chunks of unknown total length (Transfer-Encoding: chunked): 320 KB, over feedback's 256 KB.
        browser.post("/api/feedback/sessions/s-chunked/comments")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(Flux.range(0, 5).map(i -> buffers.wrap(chunk))))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is larger than the 262144 bytes this endpoint accepts.");
        assertThat(DOWNSTREAM.received("POST", "/api/feedback/sessions/s-chunked/comments"))
                .isEmpty();

        // Under the limit, a chunked body goes on whole.
        browser.post("/api/feedback/sessions/s-chunked/comments")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(Flux.range(0, 3).map(i -> buffers.wrap(chunk))))
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.last("/api/feedback/sessions/s-chunked/comments").body())
                .hasSize(3 * chunk.length);
    }

    /**
     * Found by the hostile input suite: the CSRF check read a form-encoded API body looking for a {@code _csrf} field,
     * and the request went on to the service with its Content-Length and no body (the service waited for it).
     */
    @Test
    void aFormEncodedApiBodyFromASignedInBrowserGoesOnWhole() {
        Browser browser = signIn(createUser("student", Role.STUDENT, "pcc-2026"));
        browser.page("/account/tokens");
        String form = "a=1&b=" + "x".repeat(10_000);

        browser.post("/api/sessions/s-form/cancel")
                .header("X-CSRF-TOKEN", browser.csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.last("/api/sessions/s-form/cancel").body()).isEqualTo(form);

        // Without the header, a form field is no CSRF token for the API.
        int before = DOWNSTREAM.received().size();
        browser.post("/api/sessions/s-form/cancel")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + browser.csrf)
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(DOWNSTREAM.received()).hasSize(before);
    }

    private static byte[] jsonArrayOfSize(int size) {
        StringBuilder json = new StringBuilder(size).append('[');
        while (json.length() < size - 2) {
            json.append("1,");
        }
        json.setLength(size - 1);
        json.setCharAt(size - 2, '1');
        return json.append(']').toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void answersServiceUnavailableAsProblemJsonWhenAServiceIsDown() {
        User admin = createUser("admin", Role.ADMIN);
        signIn(admin)
                .get("/api/scoring/rubrics")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Service unavailable");
    }
}
